"""The LexisNexis text and HTML reader on exports written for the tests in the classic layout:
one article per document line, the fields as printed in four interface languages, the body
paragraph by paragraph and nothing else, and a broken export losing only what is broken."""

from __future__ import annotations

import textwrap

import pytest
from lexis_exports import encode_export, html_export, story, text_export

from workbench.ingest.archives import lexis_text, recognise
from workbench.ingest.dates import parse_date

DATES = {"en": "March 3, 2020 Tuesday", "de": "3. März 2020 Dienstag", "fr": "3 mars 2020 mardi",
         "es": "3 de marzo de 2020 martes"}


def _exports(lang: str, stories) -> list[bytes]:
    return [encode_export(text_export(stories, lang)), html_export(stories, lang).encode()]


@pytest.mark.parametrize("lang", sorted(DATES))
@pytest.mark.parametrize("container", ["text", "html"])
def test_each_article_is_read_with_its_fields_in_the_interface_language(lang, container):
    stories = [story(1, date=DATES[lang], byline="By Jane Doe", section="World; Pg. 4"),
               story(2, outlet="Le Matin", date=DATES[lang], edition="Late Edition")]
    data = _exports(lang, stories)[container == "html"]
    assert recognise(data) is lexis_text
    export = lexis_text.read(data)
    assert export.format == f"nexis-{container}" and not export.problems
    first, second = export.articles
    assert (first.number, second.number) == (1, 2)
    assert first.field("outlet") == "The Daily Courier" and second.field("outlet") == "Le Matin"
    assert first.field("title") == "Harbour council votes on pier plan number 1"
    assert first.field("author") == "By Jane Doe" and not second.field("author")
    assert first.field("section") == "World; Pg. 4"
    assert parse_date(first.field("date")) == (parse_date("2020-03-03")[0], "day")
    assert dict(first.where)["date"] == "date line" and "line" in dict(first.where)["author"]
    assert [a.paragraphs for a in export.articles] == [tuple(s.body) for s in stories]


def test_the_labels_edition_and_copyright_lines_are_removed_with_their_rule_not_kept_as_text():
    s = story(1, byline="By Jane Doe", section="World", edition="Late Edition", graphic="A photo")
    article = lexis_text.read(encode_export(text_export([s]))).articles[0]
    rules = dict(article.removed)
    assert rules["1 of 1 DOCUMENTS"] == "marker"
    assert rules["Late Edition"] == "edition"
    assert rules["BYLINE: By Jane Doe"] == rules["LOAD-DATE: March 3, 2020 Tuesday"] == "label"
    assert rules["GRAPHIC: A photo"] == "label"
    assert rules["Copyright 2020 The Daily Courier All Rights Reserved"] == "copyright"
    body = " ".join(article.paragraphs)
    assert not any(word in body for word in ("BYLINE", "LENGTH", "LOAD-DATE", "Copyright", "Late Edition"))


def test_the_cover_page_gives_the_search_and_export_time_and_leaks_into_no_article():
    export = lexis_text.read(encode_export(text_export([story(1)], "de", search="Hafen AND Fähre")))
    provenance = dict(export.provenance)
    assert provenance["search"] == "Hafen AND Fähre"
    assert provenance["exported"] == "Friday, March 20, 2020 16:51:31"
    assert ("Suchbegriffe: Hafen AND Fähre", "cover") in export.removed
    assert not any("Hafen" in p or "WESTBRIDGE" in p for p in export.articles[0].paragraphs)


def test_a_search_running_over_several_cover_lines_is_one_search():
    text = text_export([story(1)], search="x").replace(
        "Terms: x", "Terms: (headline(harbour) and\n(pier OR ferry)) and date(2020)")
    assert dict(lexis_text.read(text.encode()).provenance)["search"] == \
        "(headline(harbour) and (pier OR ferry)) and date(2020)"


def test_an_export_cut_off_inside_an_article_keeps_what_it_holds_and_says_so():
    text = text_export([story(k) for k in range(1, 4)])
    cut = text[: text.index("paragraph 2.", text.index("3 of 3 DOCUMENTS"))]
    export = lexis_text.read(encode_export(cut))
    assert [a.problem for a in export.articles[:2]] == ["", ""]
    assert export.articles[2].problem.startswith("cut off: the export ends inside it")
    kept = export.articles[2].paragraphs
    assert kept[0] == story(3).body[0] and story(3).body[1].startswith(kept[1])
    assert [len(a.paragraphs) for a in export.articles] == [4, 4, 2]


def test_where_the_document_lines_stop_the_text_is_reported_not_merged_into_an_article():
    text = text_export([story(k) for k in range(1, 5)]).replace("3 of 4 DOCUMENTS", "")
    export = lexis_text.read(encode_export(text))
    assert [a.field("title")[-8:] for a in export.articles] == ["number 1", "number 2", "number 4"]
    assert [a.paragraphs for a in export.articles] == [tuple(story(k).body) for k in (1, 2, 4)]
    [problem] = export.problems
    assert problem.startswith("lines ") and "follow article 2" in problem and "not read" in problem
    unread = [line for line, rule in export.articles[1].removed if rule == "unread"]
    assert "Harbour council votes on pier plan number 3" in unread


def test_an_export_that_centres_nothing_still_reads_publication_date_and_headline():
    text = "\n".join(line.strip() for line in text_export([story(1), story(2)]).split("\n"))
    first = lexis_text.read(text.encode()).articles[0]
    assert (first.field("outlet"), first.field("date")) == ("The Daily Courier", "March 3, 2020 Tuesday")
    assert first.field("title") == "Harbour council votes on pier plan number 1"
    assert first.paragraphs == tuple(story(1).body)


DUTCH = """
                               1 of 1 DOCUMENT

                          Copyright 2002 Het Dagblad

                                  Het Dagblad

                               24. September 2002

LENGTE: 58 words

KOP: Havenraad stemt over de nieuwe pier

AUTEUR: DE VRIES, ANNA

TEKST:

DEN HAAG, dinsdag

De havenraad heeft dinsdag gestemd over de plannen voor de nieuwe pier.

PUB-TYPE: Paper

TAAL: Dutch / Nederlands

LOAD-DATE: September 26, 2002
"""


def test_a_headline_label_and_a_text_label_place_the_title_and_the_body():
    [article] = lexis_text.read(DUTCH.encode("cp1252")).articles
    assert article.field("title") == "Havenraad stemt over de nieuwe pier"
    assert (article.field("outlet"), article.field("author")) == ("Het Dagblad", "DE VRIES, ANNA")
    assert article.paragraphs == ("DEN HAAG, dinsdag",
                                  "De havenraad heeft dinsdag gestemd over de plannen voor de nieuwe pier.")
    assert ("Copyright 2002 Het Dagblad", "copyright") in article.removed


def test_speakers_and_upper_case_openings_of_a_transcript_stay_in_its_body():
    text = text_export([story(1)]).replace(
        "\n".join(textwrap.wrap(story(1).body[0], 78)),
        "COOPER: Good evening.\n\nSMITH: Thanks, Anderson.\n\nWASHINGTON: The vote is close.")
    body = lexis_text.read(text.encode()).articles[0].paragraphs
    assert body[:3] == ("COOPER: Good evening.", "SMITH: Thanks, Anderson.", "WASHINGTON: The vote is close.")


@pytest.mark.parametrize("data", [
    b"Minutes of the council, item 1 of 10 documents tabled today.\nLENGTH: short\n",
    b"{\\rtf1\\ansi 1 of 10 DOCUMENTS\\par LENGTH: 12 words}",
    b"%PDF-1.4\n1 of 10 DOCUMENTS\nLENGTH: 12 words",
    b"PK\x03\x04" + b"\x00" * 40,
])
def test_files_without_the_layout_s_markers_are_not_taken_for_an_export(data):
    assert not lexis_text.sniff(data)


NO_HEADLINE = """<HTML><HEAD><STYLE TYPE="text/css"><!--
.c0 { text-align: center; } .c1 { text-align: center; } .c5 { text-align: left; } .c6 { text-align: left; }
--></STYLE><META DOCUMENTS="1" UPDATED="Tuesday, October 15, 2019 23:59:59" /></HEAD><BODY>
<DIV CLASS="c5"><P CLASS="c6"><IMG SRC="logo.gif"><BR><BR><SPAN>Download Request: Selected Items: 1-1<BR>
Time Of Request: Monday, October 14, 2019 &nbsp;08:00:00<BR><BR>Send To:<BR><BR>WESTBRIDGE LIBRARY<BR>
POND ST<BR><BR><BR>Terms: harbour and pier<BR><BR><BR>Source: The Daily Courier<BR>Project ID: <BR>
</SPAN></P></DIV>
<A NAME="DOC_ID_1_0"></A><!-- <DOC NUMBER=1> <DOCFULL> -->
<BR><DIV CLASS="c0"><P CLASS="c1"><SPAN>1 of 1 DOCUMENTS</SPAN></P></DIV>
<BR><DIV CLASS="c0"><BR><P CLASS="c1"><IMG SRC="paper.gif"><BR><SPAN>The Daily Courier</SPAN></P></DIV>
<BR><DIV CLASS="c0"><P CLASS="c1"><SPAN>December</SPAN><SPAN> 31, 2018 Monday 10:50 AM GMT</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>SECTION: </SPAN><SPAN>Pg. 12</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>LENGTH: </SPAN><SPAN>24 words</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P><SPAN>The harbour council met on Monday.</SPAN></P>
<P><SPAN>It listed two points:</SPAN></P></DIV>
<BR><UL><LI><P><SPAN><NOBR>&bull;</NOBR></SPAN></P>
<DIV><P><SPAN>The pier will be longer.</SPAN></P></DIV></LI>
<LI><P><SPAN><NOBR>&bull;</NOBR></SPAN></P><DIV><P><SPAN>The ferry will run hourly.</SPAN></P></DIV></LI></UL>
<DIV CLASS="c5"><P><SPAN>The vote is next week.</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>LOAD-DATE: </SPAN><SPAN>December 31, 2018</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>LANGUAGE: </SPAN><SPAN>ENGLISH</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>MATP</SPAN></P></DIV>
<BR><DIV CLASS="c0"><BR><P CLASS="c1"><SPAN>Copyright 2018 The Daily Courier<BR>All Rights Reserved</SPAN>
</P></DIV>
<!-- </DOCFULL> </DOC> --></BODY></HTML>"""


def test_an_html_export_s_cover_in_one_block_list_items_and_a_missing_headline():
    export = lexis_text.read(NO_HEADLINE.encode())
    said = dict(export.provenance)
    assert (said["search"], said["exported"]) == ("harbour and pier", "Monday, October 14, 2019 08:00:00")
    [article] = export.articles
    assert not article.field("title") and article.field("outlet") == "The Daily Courier"
    assert article.paragraphs == ("The harbour council met on Monday.", "It listed two points:",
                                  "• The pier will be longer.", "• The ferry will run hourly.",
                                  "The vote is next week.")
    assert ("MATP", "label") in article.removed


def test_labels_open_their_own_paragraph_where_no_empty_line_parts_them():
    text = text_export([story(1, byline="By Jane Doe"), story(2)])
    tight = text.replace("\n\nLENGTH:", "\nLENGTH:").replace("\n\nLANGUAGE:", "\nLANGUAGE:")
    first = lexis_text.read(tight.encode()).articles[0]
    assert (first.field("author"), first.field("length")) == ("By Jane Doe", "130 words")
    assert first.field("language") == "ENGLISH" and first.paragraphs == tuple(story(1).body)


def test_an_article_the_archive_could_not_give_has_no_body_and_says_why():
    text = text_export([story(1), story(2)]).replace(
        "\n".join(textwrap.wrap(story(2).body[0], 78)),
        "We are sorry but there is an error in this document and it is not possible to display it.")
    second = lexis_text.read(text.encode()).articles[1]
    assert second.problem.startswith("the archive could not give this article")
    assert second.paragraphs == ()


def test_newlines_of_the_html_source_are_spaces_not_paragraph_breaks():
    html = html_export([story(1, byline="By Jane Doe")]).replace("</SPAN></P>", "\n\n   </SPAN></P>")
    html = html.replace("opens: the harbour", "opens: the\n\n harbour")
    article = lexis_text.read(html.encode()).articles[0]
    assert article.paragraphs == tuple(story(1).body) and article.field("author") == "By Jane Doe"


@pytest.mark.parametrize("centred", [True, False])
def test_a_publication_over_two_lines_and_a_date_in_its_paragraph(centred):
    text = text_export([story(1, outlet="The Westbridge Inquirer"), story(2)]).replace(
        "The Westbridge Inquirer\n\n", "The Westbridge Inquirer\n" + "(Northshire)".center(80) + "\n")
    if not centred:
        text = "\n".join(line.strip() for line in text.split("\n"))
    first = lexis_text.read(text.encode()).articles[0]
    assert first.field("outlet") == "The Westbridge Inquirer (Northshire)"
    assert first.field("date") == "March 3, 2020 Tuesday" and first.field("title").endswith("number 1")


def test_a_centred_line_after_the_copyright_that_opens_no_article_closes_this_one():
    text = text_export([story(1), story(2)]).replace(
        "All Rights Reserved", "All Rights Reserved\n\n" + "Westbridge Printing GmbH & Co. KG".center(80))
    export = lexis_text.read(text.encode())
    assert not export.problems and [a.paragraphs for a in export.articles] == [tuple(story(1).body),
                                                                               tuple(story(2).body)]
    assert ("Westbridge Printing GmbH & Co. KG", "label") in export.articles[0].removed


WIRE = """
                              1 of 2 DOCUMENTS

                            Westbridge Press Agency

LEADALL: Harbour council backs the longer pier

                            March 3, 2020, Tuesday
                          23:22 Central European Time


The harbour council of Westbridge voted on Tuesday for the longer ferry pier, its
clerk said after the meeting.

The vote is final.

SECTION: Politics

LENGTH: 412 words

LOAD-DATE: March 4, 2020

LANGUAGE: ENGLISH


                     Copyright 2020 Westbridge Press Agency

                              2 of 2 DOCUMENTS

                            Westbridge Press Agency

Ferry timetable for Wednesday, March 4, 1400 GMT

                            March 4, 2020, Wednesday

DATELINE: Westbridge


The first ferry leaves at six.

LENGTH: 6 words

LOAD-DATE: March 4, 2020

LANGUAGE: ENGLISH
"""


def test_a_wire_story_s_headline_above_its_date_line_and_labels_after_its_body():
    first, second = lexis_text.read(WIRE.encode()).articles
    assert first.field("title") == "LEADALL: Harbour council backs the longer pier"
    assert (first.field("outlet"), first.field("date")) == (
        "Westbridge Press Agency", "March 3, 2020, Tuesday")
    assert first.paragraphs == ("The harbour council of Westbridge voted on Tuesday for the longer ferry "
                                "pier, its clerk said after the meeting.", "The vote is final.")
    assert (first.field("section"), first.field("length")) == ("Politics", "412 words")
    assert second.field("title") == "Ferry timetable for Wednesday, March 4, 1400 GMT"
    assert second.field("date") == "March 4, 2020, Wednesday"
    assert second.paragraphs == ("The first ferry leaves at six.",)


BROADCAST = """
                               1 of 1 DOCUMENT

                          WESTBRIDGE EVENING NEWS

Prepared by Northshire Transcripts Ltd., which takes sole responsibility for the
                           accuracy of the transcription.

                            March 3, 2020 Tuesday

                  SHOW: Westbridge Tonight 6:00 PM EST

Harbour council backs the longer pier

ANCHORS: ANNA DE VRIES

LENGTH: 30 words


ANNA DE VRIES, anchor:

The harbour council voted tonight for the longer ferry pier. The clerk read the
result outside the town hall to the residents of the old quarter.

LOAD-DATE: March 4, 2020

LANGUAGE: ENGLISH
"""


def test_centred_lines_too_long_to_indent_and_a_centred_label_stay_in_the_header():
    [article] = lexis_text.read(BROADCAST.encode()).articles
    assert article.field("outlet") == "WESTBRIDGE EVENING NEWS"
    assert (article.field("date"), article.field("title")) == (
        "March 3, 2020 Tuesday", "Harbour council backs the longer pier")
    assert article.paragraphs[0] == "ANNA DE VRIES, anchor:" and len(article.paragraphs) == 2
    assert ("SHOW: Westbridge Tonight 6:00 PM EST", "edition") in article.removed


def test_a_copyright_notice_running_onto_a_second_line_is_no_publication():
    notice = ("Copyright 2020 Westbridge Courier Interactive Company, LLC d/b/a".center(80) + "\n"
              + "Westbridge Courier Digital".center(80) + "\n" + "All Rights Reserved".center(80))
    text = text_export([story(1)]).replace(
        "1 of 1 DOCUMENTS\n\n", "1 of 1 DOCUMENTS\n\n" + notice + "\n\n")
    article = lexis_text.read(text.encode()).articles[0]
    assert article.field("outlet") == "The Daily Courier"
    assert ("Westbridge Courier Digital", "copyright") in article.removed


def test_a_label_inside_running_text_stays_in_it_and_a_closing_label_under_text_ends_the_body():
    running = ("The new pier is long. LENGTH: 190 meters. WIDTH: 12 meters. It opens in May and\n"
               "costs four million.")
    text = text_export([story(1)]).replace(
        "\n".join(textwrap.wrap(story(1).body[1], 78)), running.replace(" LENGTH:", "\nLENGTH:"))
    text = text.replace("next week.\n\nLOAD-DATE", "next week.\nLOAD-DATE")
    article = lexis_text.read(text.encode()).articles[0]
    assert article.paragraphs[1] == " ".join(running.split())
    assert article.field("length") == "130 words" and article.field("load_date") == "March 3, 2020 Tuesday"
    assert article.paragraphs[-1] == story(1).body[-1]


FRENCH = """
                             1 of 1 DOCUMENT

                           Copyright 2003 Le Matin
                                   Le Matin

                                 27 mars 2003

RUBRIQUE: Sports

LONGUEUR: 31 mots

TITRE: La jetée de Westbridge sera plus longue

SIGNATURE: Anne Martin

CHAPEAU:

Le conseil du port a voté pour la jetée la plus longue.

ARTICLE:

Le conseil du port de Westbridge a voté mardi pour la nouvelle jetée. Le greffier a lu
le résultat devant la mairie.

LANGUE: FRENCH; FRANÇAIS
"""


def test_a_french_signature_standfirst_and_article_label():
    [article] = lexis_text.read(FRENCH.encode()).articles
    assert (article.field("title"), article.field("author")) == (
        "La jetée de Westbridge sera plus longue", "Anne Martin")
    assert (article.field("outlet"), article.field("date")) == ("Le Matin", "27 mars 2003")
    assert article.paragraphs == (
        "Le conseil du port a voté pour la jetée la plus longue.",
        "Le conseil du port de Westbridge a voté mardi pour la nouvelle jetée. Le greffier a lu le "
        "résultat devant la mairie.")
    assert ("ARTICLE:", "label") in article.removed


@pytest.mark.parametrize("container", ["text", "html"])
def test_the_title_is_the_headline_without_the_subheadline_set_under_its_semicolon(container):
    s = story(1)
    s.title = "Harbour council backs the longer pier;"
    data = _exports("en", [s, story(2)])[container == "html"].decode("utf-8-sig")
    deck = "Residents of the old quarter gather to hear the vote read aloud"
    data = data.replace("backs the longer pier;", "backs the longer pier;" + (
        "\n" if container == "text" else "<BR>") + deck)
    first, second = lexis_text.read(data.encode()).articles
    assert first.field("title") == "Harbour council backs the longer pier"
    assert second.field("title") == "Harbour council votes on pier plan number 2"
    assert deck not in " ".join(first.paragraphs)


def test_a_headline_label_s_subheadline_and_a_semicolon_inside_a_headline_line():
    text = DUTCH.replace("KOP: Havenraad stemt over de nieuwe pier",
                         "KOP: Havenraad stemt over de nieuwe pier;\nBewoners luisteren mee")
    assert lexis_text.read(text.encode()).articles[0].field("title") == "Havenraad stemt over de nieuwe pier"
    text = DUTCH.replace("KOP: Havenraad stemt over de nieuwe pier",
                         "KOP: Havenraad stemt; bewoners luisteren mee")
    assert lexis_text.read(text.encode()).articles[0].field("title") == \
        "Havenraad stemt; bewoners luisteren mee"


def test_an_unknown_label_of_a_date_before_the_closing_labels_is_no_body_text():
    text = text_export([story(1, date=DATES["es"]), story(2, date=DATES["es"])], "es").replace(
        "FECHA-CARGA:", "FECHA DE CARGA:")
    first = lexis_text.read(text.encode()).articles[0]
    assert first.paragraphs == tuple(story(1).body)
    assert ("FECHA DE CARGA: 3 de marzo de 2020 martes", "label") in first.removed


def test_labels_printed_after_a_short_body_leave_the_body_to_the_article():
    s = story(1, section="Wirtschaft")
    text = text_export([s, story(2)], "de")
    labels = "RUBRIK: Wirtschaft\n\nLÄNGE: 130 Wörter\n\n"
    text = text.replace(labels, "").replace("UPDATE: March 3", labels + "UPDATE: March 3", 1)
    first, second = lexis_text.read(text.encode()).articles
    assert first.field("title") == s.title and first.paragraphs == tuple(s.body)
    assert (first.field("section"), first.field("length")) == ("Wirtschaft", "130 Wörter")
    assert second.paragraphs == tuple(story(2).body)


def test_the_publication_is_not_joined_with_the_issue_named_under_it():
    block = "\n".join(line.center(80).rstrip() for line in (
        "Westbridge Company Reports", "Harbour Infrastructure Report Q1 2020", "March 2020"))
    text = text_export([story(1), story(2)]).replace(
        "The Daily Courier".center(80).rstrip() + "\n\n" + "March 3, 2020 Tuesday".center(80).rstrip(),
        block, 1)
    first = lexis_text.read(text.encode()).articles[0]
    assert (first.field("outlet"), first.field("date")) == ("Westbridge Company Reports", "March 2020")
    assert ("Harbour Infrastructure Report Q1 2020", "header") in first.removed


def test_an_export_that_centres_only_its_document_and_copyright_lines_centres_no_header():
    lines = text_export([story(1), story(2)]).split("\n")
    text = "\n".join(line if "DOCUMENTS" in line or "Copyright" in line or "Reserved" in line
                     else line.strip() for line in lines)
    first = lexis_text.read(text.encode()).articles[0]
    assert (first.field("outlet"), first.field("date")) == ("The Daily Courier", "March 3, 2020 Tuesday")
    assert first.field("title") == "Harbour council votes on pier plan number 1"
    assert first.paragraphs == tuple(story(1).body)


def test_a_page_break_before_each_document_line_is_still_an_export():
    text = text_export([story(1), story(2)])
    for n in (1, 2):
        text = text.replace(f"{n} of 2 DOCUMENTS", f"\f{n} of 2 DOCUMENTS")
    data = encode_export(text)
    assert recognise(data) is lexis_text
    assert [a.paragraphs for a in lexis_text.read(data).articles] == [tuple(story(k).body) for k in (1, 2)]
