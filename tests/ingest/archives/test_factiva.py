"""Factiva exports read one article at a time: the saved HTML page (article display and field
codes), RTF and text; every field from where the layout puts it, the body as its paragraphs and
nothing else, the search summary as provenance, and a broken export losing only what is broken.
The exports are written here in Factiva's layouts, with invented articles."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.archives import Export, factiva_html, factiva_text, recognise
from workbench.ingest.archives.metadata import article_metadata
from workbench.ingest.dates import parse_date

# interface language: word count, date as printed, the word before the accession number, language
UI = {
    "en": ("1,234 words", "3 March 2020", "Document", "English"),
    "de": ("1.234 Wörter", "3 März 2020", "Dokument", "Deutsch"),
    "fr": ("1\u00a0234 mots", "3 mars 2020", "Document", "Français"),
    "es": ("1.234 palabras", "3 marzo 2020", "Documento", "Español"),
    "zh": ("1234 字", "2020 年 3 月 3 日", "文件", "英文"),
}
AN1, AN2 = "LKOBS00020200303eg3300001", "LKOBS00020200304eg3400002"
FERRY = ("The two harbour towns signed an agreement on Monday that sets one ferry timetable "
         "for both piers from the first of May.")
FERRY_2 = "Passengers will no longer wait for the second boat, the harbour master said."
FERRY_3 = "The timetable is to be reviewed after the summer season ends."
BRIDGE = "Work on the old footbridge over the canal begins next week and lasts until June."
BRIDGE_2 = "The council expects the bridge to reopen before the regatta."
SUMMARY_ROWS = [("Text", "ferry AND harbour"), ("Date", "01/03/2020 to 31/03/2020"),
                ("Source", "The Lakeside Observer"), ("Results Found", "2"),
                ("Timestamp", "5 April 2020 10:12")]


def display_page(ui: str = "en", *, cut: str | None = None) -> bytes:
    """An article-display page as Factiva saves it: two articles, the search summary, footer."""
    words, date, doc, language = UI[ui]
    summary = "".join(f'<tr><td class="label">{k}</td><td>{v}</td></tr>' for k, v in SUMMARY_ROWS)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
<title>Factiva</title><style>.article {{page-break-after:always;}}</style></head>
<body><div id="navcontainer"><table><tr><td class="factivalogo"><h1>Factiva</h1></td>
<td class="djrlogo"><span>Dow Jones</span></td></tr></table></div>
<form name="PageBaseForm" method="post"><div><input type="hidden" name="_XFORMSTATE" value="AAB"/></div>
<div id="contentWrapper"><div id="contentLeft"><span></span>
<div id="article-{AN1}" class="article"><div class="article {ui}Article"><p>
<div>World News</div>
<div id="hd"><span class="{ui}Headline counted">1) Harbour towns agree on one <b>ferry</b> timetable</span>
</div><div class="author">By Mira Castell&softReturn;and Olek Tamm </div><div>{words}</div><div>{date}</div>
<div>12:45</div><div>The Lakeside Observer</div><div>LKOBS</div><div>A4</div><div>{language}</div>
<div>Copyright 2020 Lakeside Media Ltd. All Rights Reserved. </div>
</p>
<p class="articleParagraph {ui}articleParagraph">{FERRY}</p>
<p class="articleParagraph {ui}articleParagraph">Passengers will no longer wait for the
 second boat, the harbour master said.</p>
<p class="articleParagraph {ui}articleParagraph">{FERRY_3.replace(" after", "<br/>after")}</p>
<p>The ferry Nordlys at the east pier. </p>
<p>Lakeside Media Ltd</p><p>{doc} {AN1}</p></div></div><br/><span></span>
<div id="carryOver"><table class="headlines"><tr class="headline"><td>
<b class="printheadline enHeadline">Bakery chain opens in the old station</b>
<div class="leadFields">Lakeside Observer, 4 March 2020, 301 words</div></td></tr></table></div>
<div id="article-{AN2}" class="lastarticle"><div id="lastArticle" class="article {ui}Article"><p>
<div id="hd"><span class="{ui}Headline counted">2) Footbridge closes for repairs</span>
</div><div>{words}</div><div>{date}</div><div>The Lakeside Observer</div><div>LKOBS</div>
<div>{language}</div><div>(c) 2020 Lakeside Media Ltd</div>
</p>
<p class="articleParagraph {ui}articleParagraph">{BRIDGE}</p>
<p class="articleParagraph {ui}articleParagraph">{BRIDGE_2}</p>
<p>Lakeside Media Ltd</p><p>{doc} {AN2}</p></div></div><br/>
<table id="oddEvenPreview" class="searchPreview " width="100%">
<tr><td class='sbSummaryTitle' colspan="2">Search Summary</td></tr>{summary}</table>
</div></div></form><div id="pageFooter"><table class="footerBG"><tr><td>
<span class="copyright">&copy; 2020 Factiva, Inc. All rights reserved.</span></td></tr></table></div>
</body></html>"""
    if cut:
        page = page[:page.index(cut)]
    return page.encode("utf-8")


def coded_page() -> bytes:
    """"Full article with indexing": one table of field codes per article."""
    def row(code: str, cell: str) -> str:
        return (f'<tr><td align="right" valign="top" class="index"><b>{code}</b>&nbsp;</td>'
                f"<td>{cell}</td></tr>")

    def paras(*texts: str) -> str:
        return "".join(f'<p class="articleParagraph enarticleParagraph">{t}</p>\n' for t in texts)

    first = "".join([
        row("HD", "<b class='enHeadline'>Harbour towns agree on one ferry timetable</b>"),
        row("BY", "By Mira Castell"), row("WC", "1,234 words"), row("PD", "3 March 2020"),
        row("ET", "12:45"), row("SN", "The Lakeside Observer"), row("SC", "LKOBS"), row("PG", "A4"),
        row("LA", "English"), row("CY", "Copyright 2020 Lakeside Media Ltd."),
        row("LP", paras(FERRY, FERRY_2)), row("TD", paras(FERRY_3)),
        row("NS", "<br/>gcat : Political/General News | gtrans : Transport"),
        row("RE", "<br/>lkland : Lakeland"), row("IPC", "<br/>FERRY"),
        row("PUB", "<br/>Lakeside Media Ltd"), row("AN", f"<br/>Document {AN1}")])
    second = "".join([
        row("SE", "Local"), row("HD", "<b class='enHeadline'>Footbridge closes for repairs</b>"),
        row("WC", "88 words"), row("PD", "4 March 2020"), row("SN", "The Lakeside Observer"),
        row("LA", "English"), row("LP", paras(BRIDGE)), row("TD", paras(BRIDGE_2)),
        row("AN", f"<br/>Document {AN2}")])
    return f"""<html><head><title>Factiva</title></head><body>
<div id="contentWrapper"><div id="contentLeft">
<div class="article enArticle"><table cellpadding="1">{first}</table></div>
<div class="article enArticle"><table cellpadding="1">{second}</table></div>
<div id="pageFooter"><span class="copyright">&copy; 2020 Factiva, Inc. All rights reserved.</span></div>
</div></div></body></html>""".encode()


def display_lines(ui: str = "en") -> list[str]:
    """The article display as the text of an RTF or text export, one paragraph a line."""
    words, date, doc, language = UI[ui]
    return [
        "World News", "Harbour towns agree on one ferry timetable", "By Mira Castell", words, date,
        "12:45", "The Lakeside Observer", "LKOBS", "A4", language,
        "Copyright 2020 Lakeside Media Ltd. All Rights Reserved.", "", FERRY, "", FERRY_2, "",
        FERRY_3, "", "Lakeside Media Ltd", "", f"{doc} {AN1}", "",
        "Page 1 of 2 © 2020 Factiva, Inc. All rights reserved.", "",
        "Footbridge closes for repairs", words, date, "The Lakeside Observer", "LKOBS", language,
        "(c) 2020 Lakeside Media Ltd", "", BRIDGE, "", BRIDGE_2, "", f"{doc} {AN2}", "",
        "Search Summary", *(f"{k}\t{v}" for k, v in SUMMARY_ROWS)]


CODED_LINES = [
    "HD\tHarbour towns agree on one ferry timetable", "BY\tBy Mira Castell", "WC\t1,234 words",
    "PD\t3 March 2020", "ET\t12:45", "SN\tThe Lakeside Observer", "SC\tLKOBS", "LA\tEnglish",
    "CY\tCopyright 2020 Lakeside Media Ltd.", f"LP\t{FERRY}", FERRY_2, f"TD\t{FERRY_3}",
    "NS\tgcat : Political/General News | gtrans : Transport", "RE\tlkland : Lakeland",
    "PUB\tLakeside Media Ltd", f"AN\tDocument {AN1}", "",
    "SE\tLocal", "HD\tFootbridge closes for repairs", "WC\t88 words", "PD\t4 March 2020",
    "SN\tThe Lakeside Observer", "LA\tEnglish", f"LP\t{BRIDGE}", f"TD\t{BRIDGE_2}",
    "IPD\tBridges", f"AN\tDocument {AN2}"]


def rtf(lines: list[str], *, table: bool = False) -> bytes:
    """`lines` written as RTF paragraphs (or, with `table`, rows of a code | value table, as
    Factiva writes its field codes), non-ASCII as \\u escapes."""
    def esc(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
                       for c in text)

    body = []
    for line in lines:
        code, sep, value = line.partition("\t")
        if table and sep:
            body.append(f"\\trowd\\cellx1200\\cellx9000 \\intbl {esc(code)}\\cell "
                        f"{esc(value)}\\cell\\row\n")
        else:
            body.append(f"\\pard {esc(line)}\\par\n")
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}"
            "{\\header \\pard Page \\chpgn\\par}\n" + "".join(body) + "}").encode("ascii")


def text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def assert_coded_articles(first, second) -> None:
    """The two articles of the field-code exports, as written."""
    assert fields(first) == {
        "title": "Harbour towns agree on one ferry timetable", "author": "Mira Castell",
        "length": "1,234 words", "date": "3 March 2020", "outlet": "The Lakeside Observer",
        "language": "English", "source_id": AN1}
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert fields(second)["section"] == "Local" and second.paragraphs == (BRIDGE, BRIDGE_2)


def fields(article) -> dict:
    return dict(article.fields)


def body(article) -> str:
    return "\n".join(article.paragraphs)


# ---------------------------------------------------------------------------------------------
# recognised by content
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "reader"), [
    (display_page(), factiva_html), (coded_page(), factiva_html),
    (text(display_lines()), factiva_text), (text(CODED_LINES), factiva_text),
    (rtf(display_lines()), factiva_text), (rtf(CODED_LINES, table=True), factiva_text),
])
def test_each_factiva_layout_is_recognised_by_its_own_markers(data, reader):
    assert recognise(data) is reader


NEWS_PAGE = b"""<!DOCTYPE html><html><head><title>Harbour news</title></head><body>
<header><nav><a href="/">Home</a></nav></header><div class="article"><h1>Ferry timetable agreed</h1>
<p class="byline">By Mira Castell</p><p class="date">3 March 2020</p>
<p class="articleParagraph">The two harbour towns signed an agreement on Monday.</p>
<p>Document archive: see also our earlier reports.</p></div><footer>Copyright 2020</footer></body></html>"""
PLAIN = text(["Harbour towns agree on one ferry timetable", "By Mira Castell", "3 March 2020", "",
              FERRY, FERRY_2, "Document this decision in the minutes."])


@pytest.mark.parametrize("data", [NEWS_PAGE, PLAIN, b"", b"{\\rtf1 plain rtf\\par}"])
def test_a_news_page_or_plain_article_is_no_factiva_export(data):
    assert not factiva_html.sniff(data)
    assert not factiva_text.sniff(data)


# ---------------------------------------------------------------------------------------------
# the HTML page: article display
# ---------------------------------------------------------------------------------------------
def test_the_article_display_gives_one_article_per_block_with_its_fields():
    export = factiva_html.read(display_page())
    assert export.format == "factiva-html" and export.problems == ()
    first, second = export.articles
    assert fields(first) == {
        "section": "World News", "title": "Harbour towns agree on one ferry timetable",
        "author": "Mira Castell and Olek Tamm", "length": "1,234 words", "date": "3 March 2020",
        "outlet": "The Lakeside Observer", "language": "English", "source_id": AN1}
    assert fields(second) == {
        "title": "Footbridge closes for repairs", "length": "1,234 words", "date": "3 March 2020",
        "outlet": "The Lakeside Observer", "language": "English", "source_id": AN2}
    assert (first.number, second.number, first.problem, second.problem) == (1, 2, "", "")


def test_the_body_is_the_article_paragraphs_as_paragraphs_and_nothing_else():
    first, second = factiva_html.read(display_page()).articles
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert second.paragraphs == (BRIDGE, BRIDGE_2)
    rules = dict(first.removed)
    assert rules["Document " + AN1] == "AN: accession number"
    assert rules["1,234 words"] == "WC: word count"
    assert rules["Lakeside Media Ltd"] == "PUB: publisher"
    assert rules["The ferry Nordlys at the east pier."] == "caption or note"
    assert rules["A4"] == "PG: page" and rules["LKOBS"] == "SC: source code"


def test_the_search_summary_is_provenance_and_the_page_furniture_is_removed():
    export = factiva_html.read(display_page())
    assert dict(export.provenance) == {
        "archive": "Factiva", "search": "ferry AND harbour", "Date": "01/03/2020 to 31/03/2020",
        "Source": "The Lakeside Observer", "results": "2", "exported": "5 April 2020 10:12"}
    removed = dict(export.removed)
    assert removed["Search Summary"] == "search summary"
    assert removed["© 2020 Factiva, Inc. All rights reserved."] == "page furniture"
    assert removed["Bakery chain opens in the old station"] == "headline list"
    texts = [body(a) for a in export.articles]
    for furniture in ("Search Summary", "Factiva, Inc", "Bakery chain", "Document", "words",
                      "Copyright", "Results Found", "Lakeside Media", "Nordlys", "LKOBS"):
        assert not any(furniture in t for t in texts), furniture


@pytest.mark.parametrize("ui", UI)
def test_interface_languages_word_counts_dates_and_document_lines(ui):
    words, _, _, language = UI[ui]
    first, second = factiva_html.read(display_page(ui)).articles
    assert fields(first)["length"] == words.replace("\u00a0", " ")
    assert parse_date(fields(first)["date"]) == (pd.Timestamp("2020-03-03"), "day")
    assert (fields(first)["language"], fields(second)["source_id"]) == (language, AN2)
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3)


def test_a_page_cut_off_inside_an_article_keeps_what_is_there():
    export = factiva_html.read(display_page(cut=BRIDGE_2))
    first, second = export.articles
    assert first.problem == "" and fields(first)["source_id"] == AN1
    assert second.paragraphs == (BRIDGE,) and "cut off" in second.problem
    assert fields(second)["title"] == "Footbridge closes for repairs"
    assert any("cut off after article 2" in p for p in export.problems)


def one_article_page(lang: str, header: list[str], *, headline: str, byline: str = "",
                     notes: tuple[str, ...] = (), doc: str = "Document") -> bytes:
    """A page holding one article display, its header divs as given."""
    divs = "".join(f"<div>{d}</div>" for d in header)
    author = f'<div class="author">{byline} </div>' if byline else ""
    paras = "".join(f'<p class="articleParagraph {lang}articleParagraph">{t}</p>' for t in (FERRY, FERRY_2))
    tail = "".join(f"<p>{n}</p>" for n in notes)
    return f"""<html><head><meta charset="utf-8"/><title>Factiva</title></head><body>
<div id="article-{AN1}" class="article"><div class="article {lang}Article"><p>
<div id="hd"><span class='{lang}Headline'>{headline}</span></div>{author}{divs}</p>{paras}{tail}
<p>Lakeside Media Ltd</p><p>{doc} {AN1}</p></div></div>
<div id="pageFooter"><span class="copyright">&copy; 2020 Factiva, Inc. 版權所有.</span></div>
</body></html>""".encode()


def test_the_chinese_interface_prints_the_time_with_the_date_and_names_languages_in_chinese():
    header = ["1234 字", "2020 年 3 月 3 日 01:07", "The Lakeside Observer", "LKOBS", "9", "22", "英文",
              "Copyright 2020 Lakeside Media Ltd."]
    export = factiva_html.read(one_article_page("en", header, headline="Ferry timetable agreed",
                                                byline="作者：王明", notes=("3089611",), doc="文件"))
    [article] = export.articles
    fields_, _ = article_metadata(article)
    assert (fields_["author"], fields_["language"]) == ("王明", "en")
    assert fields_["outlet"] == "The Lakeside Observer"
    assert parse_date(fields_["date"]) == (pd.Timestamp("2020-03-03"), "day")
    assert article.paragraphs == (FERRY, FERRY_2) and fields_["source_id"] == AN1
    assert ("3089611", "caption or note") in article.removed
    assert ("© 2020 Factiva, Inc. 版權所有.", "page furniture") in export.removed


@pytest.mark.parametrize(("printed", "code"), [
    ("德文", "de"), ("中文（简体）", "zh"), ("Chinese-Simplified", "zh"), ("Français", "fr"),
    ("フランス語", "fr")])
def test_the_language_is_read_as_each_interface_names_it(printed, code):
    header = ["88 words", "4 March 2020", "The Lakeside Observer", printed, "(c) 2020 Lakeside Media Ltd"]
    [article] = factiva_html.read(one_article_page("en", header, headline="Footbridge closes")).articles
    assert article_metadata(article)[0]["language"] == code


@pytest.mark.parametrize("time", ["14 h 32", "11:14 AM EST", "下午 3:46"])
def test_a_time_after_the_date_is_no_outlet(time):
    header = ["1\u00a0234 mots", "3 mars 2020", time, "Le Monde", "LEMOND", "Français",
              "Tous droits réservés - Le Monde 2020"]
    [article] = factiva_html.read(one_article_page("fr", header, headline="Un horaire commun",
                                                   byline="Par Jean Dupont")).articles
    assert (fields(article)["outlet"], fields(article)["author"]) == ("Le Monde", "Jean Dupont")
    assert (time, "ET: time") in article.removed


def test_a_credit_under_the_byline_is_neither_byline_nor_header_field():
    header = ["Special to The Lakeside Observer", "363 Wörter", "5 Januar 1993", "The Lakeside Observer",
              "LKOBS", "Late Edition - Final", "7", "Englisch", "Copyright 1993 Lakeside Media Ltd."]
    [article] = factiva_html.read(one_article_page("en", header, headline="Ferry timetable agreed",
                                                   byline="By MIRA CASTELL", doc="Dokument")).articles
    assert fields(article) == {"title": "Ferry timetable agreed", "author": "MIRA CASTELL",
                               "length": "363 Wörter", "date": "5 Januar 1993",
                               "outlet": "The Lakeside Observer", "language": "Englisch", "source_id": AN1}
    assert ("Special to The Lakeside Observer", "CR: credit") in article.removed


def test_a_byline_printed_as_a_plain_line_above_the_word_count_is_the_author():
    header = ["Von Hans Muster", "612 Wörter", "3. März 2020", "Seebote", "SEEB", "Deutsch",
              "(c) 2020 Seebote"]
    [article] = factiva_html.read(one_article_page("de", header, headline="Ein Fahrplan")).articles
    assert (fields(article)["author"], fields(article)["outlet"]) == ("Hans Muster", "Seebote")
    assert ("Von Hans Muster", "BY: byline") in article.removed


@pytest.mark.parametrize("number", ["96) ", "96）"])
def test_only_the_number_factiva_put_before_a_headline_is_dropped(number):
    page = display_page().replace(b"1) Harbour towns agree", f"{number}2) Harbour towns agree".encode())
    page = page.replace(b'class="enHeadline counted">2) Footbridge', b'class="enHeadline">2) Footbridge')
    first, second = factiva_html.read(page).articles
    assert fields(first)["title"] == "2) Harbour towns agree on one ferry timetable"
    assert fields(second)["title"] == "2) Footbridge closes for repairs"


def test_article_text_outside_any_article_block_is_named_not_lost():
    stray = " ".join(["The footbridge repairs were paid for by the harbour fund."] * 4)
    footer = b'<div id="pageFooter">'
    page = display_page().replace(footer, f"<p>{stray}</p>".encode() + footer)
    export = factiva_html.read(page)
    assert len(export.articles) == 2
    assert (stray, "page furniture") in export.removed
    assert any("outside any article" in p for p in export.problems)


# ---------------------------------------------------------------------------------------------
# the HTML page: full article with indexing (field codes)
# ---------------------------------------------------------------------------------------------
def test_field_codes_fill_the_fields_and_lp_then_td_the_body():
    export = factiva_html.read(coded_page())
    first, second = export.articles
    assert_coded_articles(first, second)
    rules = dict(first.removed)
    assert rules["gcat : Political/General News | gtrans : Transport"] == "NS: subjects"
    assert rules["12:45"] == "ET: time"
    assert rules["FERRY"] == "IPC: information provider codes"
    assert ("© 2020 Factiva, Inc. All rights reserved.", "page furniture") in export.removed


# ---------------------------------------------------------------------------------------------
# RTF and text exports
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [text, rtf], ids=["txt", "rtf"])
def test_the_display_layout_as_text_gives_the_same_articles(make):
    export = factiva_text.read(make(display_lines()))
    assert export.format == ("factiva-rtf" if make is rtf else "factiva-text")
    first, second = export.articles
    assert fields(first) == {
        "section": "World News", "title": "Harbour towns agree on one ferry timetable",
        "author": "Mira Castell", "length": "1,234 words", "date": "3 March 2020",
        "outlet": "The Lakeside Observer", "language": "English", "source_id": AN1}
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert fields(second)["title"] == "Footbridge closes for repairs"
    assert second.paragraphs == (BRIDGE, BRIDGE_2)
    assert dict(export.provenance)["search"] == "ferry AND harbour"
    assert dict(export.provenance)["results"] == "2"
    page_footer = "Page 1 of 2 © 2020 Factiva, Inc. All rights reserved."
    assert (page_footer, "page furniture") in export.removed
    assert export.problems == () and first.problem == second.problem == ""


@pytest.mark.parametrize("ui", UI)
def test_text_exports_in_each_interface_language(ui):
    words, _, _, language = UI[ui]
    first, second = factiva_text.read(rtf(display_lines(ui))).articles
    assert fields(first)["length"] == words.replace("\u00a0", " ")
    assert parse_date(fields(second)["date"]) == (pd.Timestamp("2020-03-03"), "day")
    assert (fields(first)["language"], fields(first)["source_id"]) == (language, AN1)
    assert second.paragraphs == (BRIDGE, BRIDGE_2)


@pytest.mark.parametrize(("data", "fmt"), [(text(CODED_LINES), "factiva-text"),
                                           (rtf(CODED_LINES, table=True), "factiva-rtf")])
def test_the_field_code_layout_as_text_or_an_rtf_table(data, fmt):
    export = factiva_text.read(data)
    assert export.format == fmt
    first, second = export.articles
    assert_coded_articles(first, second)
    assert ("Bridges", "IPD: information provider descriptors") in second.removed


def test_an_export_cut_off_inside_an_article_keeps_the_complete_ones_and_what_is_there():
    lines = display_lines()
    export = factiva_text.read(text(lines[:lines.index(BRIDGE_2)]))
    first, second = export.articles
    assert first.problem == "" and first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert second.paragraphs == (BRIDGE,) and "cut off" in second.problem
    assert fields(second)["title"] == "Footbridge closes for repairs"


def test_a_missing_document_line_splits_at_the_next_header_and_says_so():
    lines = [x for x in display_lines() if not x.endswith(AN1)]
    first, second = factiva_text.read(text(lines)).articles
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3) and "Document" in first.problem
    assert fields(second)["title"] == "Footbridge closes for repairs" and second.problem == ""


def test_markers_stopping_halfway_name_the_part_not_read():
    stray = ("The rest of this file lost its Factiva markers, so no article can be told from the "
             "next one here and the reader says which lines it did not read.")
    lines = display_lines()
    lines = lines[:lines.index("Footbridge closes for repairs")] + [stray, "", stray]
    export = factiva_text.read(text(lines))
    assert len(export.articles) == 1 and export.articles[0].paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert [p.split(" of the text ")[0] for p in export.problems] == ["line 25", "line 27"]
    assert (stray, "outside any article") in export.removed


def test_a_header_without_copyright_ends_before_the_first_sentence():
    lines = ["港口城镇就统一渡轮时刻表达成协议", "王明", "1234 字", "2020 年 3 月 3 日", "湖畔观察报",
             "中文", "两个港口城镇周一签署协议。", "乘客不必再等第二班船。", "湖畔传媒有限公司",
             f"文件 {AN1}"]
    [article] = factiva_text.read(text(lines)).articles
    assert fields(article) == {"title": "港口城镇就统一渡轮时刻表达成协议", "author": "王明",
                               "length": "1234 字", "date": "2020 年 3 月 3 日",
                               "outlet": "湖畔观察报", "language": "中文", "source_id": AN1}
    assert article.paragraphs == ("两个港口城镇周一签署协议。", "乘客不必再等第二班船。")


def test_without_a_copyright_line_the_header_ends_with_the_language_and_keeps_the_dateline():
    lines = ["Harbour towns agree on one ferry timetable", "By Mira Castell", "1,234 words",
             "3 March 2020", "11:14 AM EST", "The Lakeside Observer", "LKOBS", "English", "",
             "LAKESIDE (Reuters)", "", FERRY, "Photo: © Lakeside Media", "", FERRY_2, "",
             "Lakeside Media Ltd", "", f"Document {AN1}"]
    [article] = factiva_text.read(text(lines)).articles
    assert (fields(article)["outlet"], fields(article)["language"]) == ("The Lakeside Observer", "English")
    assert article.paragraphs == ("LAKESIDE (Reuters)", FERRY, "Photo: © Lakeside Media", FERRY_2)


def test_a_credit_under_the_first_paragraph_is_not_the_headers_copyright_line():
    lines = ["Harbour towns agree on one ferry timetable", "1,234 words", "3 March 2020",
             "The Lakeside Observer", "", FERRY, "Photo: © Lakeside Media", "", FERRY_2, "",
             "Lakeside Media Ltd", "", f"Document {AN1}"]
    [article] = factiva_text.read(text(lines)).articles
    assert article.paragraphs == (FERRY, "Photo: © Lakeside Media", FERRY_2)


def test_exports_joined_into_one_file_keep_no_byte_order_mark():
    first, second = display_lines()[:22], display_lines()[24:]
    joined = "\n".join(first) + "\n" + "\ufeff" + "\n".join(second)
    a, b = factiva_text.read(joined.encode("utf-8-sig")).articles
    assert fields(b)["title"] == "Footbridge closes for repairs" and "section" not in fields(b)
    assert (a.paragraphs, b.paragraphs) == ((FERRY, FERRY_2, FERRY_3), (BRIDGE, BRIDGE_2))


@pytest.mark.parametrize("headline", ["Harbour towns agree on one ferry timetable",
                                      "By the Numbers: One Ferry"])
def test_in_text_a_credit_under_the_byline_leaves_section_headline_and_byline_in_place(headline):
    def article(an: str) -> list[str]:
        return ["Metro Desk; A", headline, "By MIRA CASTELL", "Special to The Lakeside Observer",
                "363 words", "5 January 1993", "The Lakeside Observer", "LKOBS", "Late Edition - Final",
                "English", "Copyright 1993 Lakeside Media Ltd.", "", FERRY, "", "Lakeside Media Ltd", "",
                f"Document {an}", ""]
    for a in factiva_text.read(rtf(article(AN1) + article(AN2))).articles:
        assert (fields(a)["section"], fields(a)["title"], fields(a)["author"]) == (
            "Metro Desk; A", headline, "MIRA CASTELL")
        assert ("Special to The Lakeside Observer", "CR: credit") in a.removed and a.paragraphs == (FERRY,)


def test_a_page_number_printed_before_the_word_count_is_no_byline():
    lines = ["Harbour towns agree on one ferry timetable", "A4", "1,234 words", "3 March 2020",
             "The Lakeside Observer", "English", "", FERRY, FERRY_2, f"Document {AN1}"]
    [article] = factiva_text.read(rtf(lines)).articles
    assert fields(article)["title"] == "Harbour towns agree on one ferry timetable"
    assert "author" not in fields(article) and ("A4", "PG: page") in article.removed
    assert article.paragraphs == (FERRY, FERRY_2)


def test_a_document_line_without_a_header_keeps_the_text_and_says_the_fields_are_missing():
    lines = display_lines()
    start, end = lines.index("Footbridge closes for repairs"), lines.index("(c) 2020 Lakeside Media Ltd")
    first, second = factiva_text.read(text(lines[:start] + lines[end + 1:])).articles
    assert first.problem == "" and fields(second) == {"source_id": AN2}
    assert second.paragraphs == (BRIDGE, BRIDGE_2) and "fields not read" in second.problem


def test_a_utf16_text_export_is_recognised_and_read():
    data = "\n".join(display_lines("de")).encode("utf-16")
    assert recognise(data) is factiva_text
    assert [fields(a)["source_id"] for a in factiva_text.read(data).articles] == [AN1, AN2]


def test_a_table_in_an_article_body_does_not_make_it_a_field_code_article():
    table = b"<table><tr><td>IN</td><td>Indiana 3</td></tr><tr><td>RE</td><td>Reno 2</td></tr></table>"
    page = display_page().replace(b"<p>The ferry Nordlys", table + b"<p>The ferry Nordlys")
    first, _ = factiva_html.read(page).articles
    assert fields(first)["title"] == "Harbour towns agree on one ferry timetable"
    assert first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert ("Indiana 3", "caption or note") in first.removed


# ---------------------------------------------------------------------------------------------
# any bytes, any cut
# ---------------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_reading_arbitrary_bytes_never_raises(data):
    for reader in (factiva_html, factiva_text):
        reader.sniff(data)
        assert isinstance(reader.read(data), Export)


TXT = text(display_lines())
HTML = display_page()


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_an_export_cut_anywhere_keeps_every_article_that_ended_before_the_cut(data):
    for export_bytes, reader, closed in ((TXT, factiva_text, ""), (HTML, factiva_html, "</p>")):
        cut = data.draw(st.integers(0, len(export_bytes)))
        head = export_bytes[:cut]
        export = reader.read(head)
        complete = [an for an in (AN1, AN2) if f"Document {an}{closed}".encode() in head]
        for article, an, paragraphs in zip(export.articles, complete,
                                           [(FERRY, FERRY_2, FERRY_3), (BRIDGE, BRIDGE_2)]):
            assert (fields(article)["source_id"], article.paragraphs) == (an, paragraphs)
            assert "cut off" not in article.problem
        if complete != [AN1, AN2] and len(export.articles) > len(complete):
            assert export.articles[-1].problem or export.problems


def test_a_table_of_contents_above_the_first_article_is_not_its_header():
    contents = ["Factiva RTF Display Format", "", "Harbour towns agree on one ferry timetable",
                "Footbridge closes for repairs", ""]
    export = factiva_text.read(rtf(contents + display_lines()[1:]))
    first, second = export.articles
    assert (fields(first)["title"], fields(first)["author"]) == (
        "Harbour towns agree on one ferry timetable", "Mira Castell")
    assert "section" not in fields(first) and first.paragraphs == (FERRY, FERRY_2, FERRY_3)
    assert ("Footbridge closes for repairs", "outside any article") in export.removed
    assert ("Factiva RTF Display Format", "page furniture") in export.removed
