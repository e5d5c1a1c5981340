"""Nexis Uni Word and RTF exports are read one article at a time: the archive's fields as printed,
the body paragraph by paragraph and nothing else, the cover page as provenance, in the interface
languages the archive prints its labels in; a broken export loses only what is broken."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import replace

import docx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nexis_exports import LABELS, Story, docx_export, plain, rtf_export

from workbench.ingest.archives import READERS, nexis_uni, recognise
from workbench.ingest.dates import parse_date

FERRY = Story(
    "Harbour ferry returns after the winter break", "Harbour Gazette",
    "March 3, 2020 Tuesday 8:15 AM EST",
    ["The **ferry** to the islands sailed again on Monday, the operator said.",
     "Tickets: prices stay as they were last year, the council added.",
     "The first crossing was full by seven in the morning."],
    byline="By Mara Lind", section="LOCAL; Pg. 4", words=312, doc_id="5XYZ-1AB2-C3D4-E5F6-00000-00",
    edition="Final Edition", highlight="The service had stopped in November",
    updated="March 4, 2020", load_date="March 5, 2020", graphic="The ferry at the pier on Monday.",
    classification={"language": "ENGLISH", "pubtype": "Newspaper",
                    "subject": "FERRIES (90%); TRAVEL (70%)", "geographic": "NORTH SEA (79%)"})
PIER = Story(
    "Council votes for a new pier", "Coast Herald", "March 4, 2020 Wednesday",
    ["The council voted seven to two for the new pier.", "Work starts in May."],
    byline="Tom Reed", doc_id="5XYZ-1AB2-C3D4-E5F7-00000-00", load_date="March 6, 2020")
CONTAINERS = {"docx": docx_export, "rtf": rtf_export}
#: the furniture no body paragraph may hold
FURNITURE = ("Copyright", "Section", "Length", "Byline", "Highlight", "Load-Date", "Classification",
             "Language", "Subject", "Graphic", "End of Document", "Final Edition", "Harbour Gazette",
             "Search Terms", "Job Number", "The ferry at the pier")


@pytest.fixture(params=list(CONTAINERS))
def container(request):
    return CONTAINERS[request.param]


def test_each_field_is_read_as_printed(container):
    first, second = nexis_uni.read(container([FERRY, PIER])).articles
    assert dict(first.fields) == {
        "title": FERRY.title, "date": "March 3, 2020 Tuesday 8:15 AM EST",
        "outlet": "Harbour Gazette", "author": "By Mara Lind", "section": "LOCAL; Pg. 4",
        "length": "312 words", "language": "ENGLISH", "source_id": FERRY.doc_id,
        "updated": "March 4, 2020", "load_date": "March 5, 2020"}
    assert dict(second.fields) == {
        "title": PIER.title, "date": "March 4, 2020 Wednesday", "outlet": "Coast Herald",
        "author": "Tom Reed", "source_id": PIER.doc_id, "load_date": "March 6, 2020"}
    assert (first.number, second.number, first.problem, second.problem) == (1, 2, "", "")


def test_the_body_is_its_paragraphs_and_nothing_else(container):
    export = nexis_uni.read(container([FERRY, PIER]))
    assert [a.paragraphs for a in export.articles] == [
        tuple(plain(p) for p in FERRY.body), tuple(PIER.body)]
    for article in export.articles:
        assert not [p for p in article.paragraphs for f in FURNITURE if f in p]


def test_every_removed_line_keeps_the_rule_that_removed_it(container):
    removed = dict(nexis_uni.read(container([FERRY])).articles[0].removed)
    assert removed["Harbour Gazette"] == "publication"
    assert removed["Final Edition"] == "edition"
    assert removed["Copyright 2020 Harbour Gazette Ltd. All Rights Reserved"] == "copyright"
    assert removed["Length: 312 words"] == removed["Subject: FERRIES (90%); TRAVEL (70%)"] == "label"
    assert removed["The ferry at the pier on Monday."] == "closing block"
    assert removed["End of Document"] == "end of document"


def test_the_cover_page_is_provenance_and_never_an_article(container):
    export = nexis_uni.read(container([FERRY, PIER], search="harbour AND ferry"))
    provenance = dict(export.provenance)
    assert provenance["search"] == "harbour AND ferry"
    assert provenance["exported"] == "Tuesday, March 10, 2020 9:15:00 AM EST"
    assert (provenance["job number"], provenance["documents"]) == ("93150442", "2")
    assert provenance["narrowed by"].startswith("Sources: Harbour Gazette; Timeline:")
    rules = dict(export.removed)
    assert rules[f"1. {FERRY.title}"] == "list of documents"
    assert rules["Job Number: 93150442"] == rules["Search Terms: harbour AND ferry"] == "cover"
    assert len(export.articles) == 2


def test_a_single_document_without_a_cover_page_is_one_article(container):
    export = nexis_uni.read(container([PIER], cover=False))
    [article] = export.articles
    assert (article.field("title"), article.paragraphs, article.problem) == (
        PIER.title, tuple(PIER.body), "")
    assert export.removed == () and export.problems == ()


def test_updated_and_load_date_are_never_the_publication_date(container):
    story = replace(FERRY, date="March 3, 2020 Tuesday", updated="March 9, 2020",
                    load_date="March 10, 2020")
    article = nexis_uni.read(container([story])).articles[0]
    assert parse_date(article.field("date")) == (pd.Timestamp("2020-03-03"), "day")
    assert (article.field("updated"), article.field("load_date")) == ("March 9, 2020",
                                                                     "March 10, 2020")


def test_an_updated_time_in_the_date_line_is_not_the_date():
    story = replace(PIER, date="March 4, 2020 Wednesday 6:02 PM GMT Updated: March 5, 2020 "
                               "9:00 AM GMT")
    article = nexis_uni.read(docx_export([story])).articles[0]
    assert article.field("date") == "March 4, 2020 Wednesday 6:02 PM GMT"
    assert article.field("updated") == "March 5, 2020 9:00 AM GMT"


@pytest.mark.parametrize(("language", "date_line", "length"), [
    ("en", "March 3, 2020 Tuesday", "312 words"),
    ("de", "3. März 2020 Dienstag", "312 Wörter"),
    ("fr", "mardi 3 mars 2020", "312 mots"),
    ("es", "3 de marzo de 2020 martes", "312 palabras"),
    ("nl", "dinsdag 3 maart 2020", "312 woorden"),
])
def test_labels_and_dates_in_the_interface_languages(container, language, date_line, length):
    story = replace(FERRY, date=date_line)
    export = nexis_uni.read(container([story, PIER], language))
    first = export.articles[0]
    assert parse_date(first.field("date")) == (pd.Timestamp("2020-03-03"), "day")
    assert (first.field("outlet"), first.field("author")) == ("Harbour Gazette", "By Mara Lind")
    assert (first.field("length"), first.field("load_date")) == (length, "March 5, 2020")
    assert first.paragraphs == tuple(plain(p) for p in FERRY.body)
    assert export.articles[1].paragraphs == tuple(PIER.body)
    assert dict(export.provenance)["search"] == "harbour AND ferry"
    assert LABELS[language]["end"] in dict(first.removed)


def test_a_word_export_in_an_interface_language_without_labels_here_is_read_by_its_structure():
    """Nexis marks each article and its body with bookmarks, and sets its labels and headings in
    bold: the reader follows them where the words are not in its vocabulary (here Swedish). Only
    a Graphic block's caption, plain text below a heading, it cannot tell from the body there."""
    swedish = LABELS["en"] | dict(
        section="Sektion", length="Längd", byline="Skribent", body="Brödtext",
        classification="Klassificering", language="Språk", subject="Ämne",
        geographic="Geografi", load_date="Inläsningsdatum", end="Slut på dokumentet")
    ferry = replace(FERRY, graphic="")
    first, second = nexis_uni.read(docx_export([ferry, PIER], swedish)).articles
    assert first.paragraphs == tuple(plain(p) for p in FERRY.body)
    assert second.paragraphs == tuple(PIER.body)
    assert (first.field("title"), first.field("outlet"), first.problem) == (
        FERRY.title, "Harbour Gazette", "")
    assert parse_date(second.field("date")) == (pd.Timestamp("2020-03-04"), "day")


def test_source_ids_come_from_the_links_of_the_list_of_documents(container):
    export = nexis_uni.read(container([FERRY, PIER], title_links=False))
    assert [a.field("source_id") for a in export.articles] == [FERRY.doc_id, PIER.doc_id]


def test_without_a_body_marker_the_body_begins_after_the_header(container):
    story = replace(FERRY, marker=False)
    article = nexis_uni.read(container([story, PIER])).articles[0]
    assert article.paragraphs == tuple(plain(p) for p in FERRY.body)
    assert (article.field("date"), article.field("length")) == (FERRY.date, "312 words")


def test_body_lines_that_look_like_labels_stay_in_the_body(container):
    story = replace(PIER, body=["Mayor: we will build it this year.",
                                "Critics: the money should go to schools."])
    article = nexis_uni.read(container([story])).articles[0]
    assert article.paragraphs == ("Mayor: we will build it this year.",
                                  "Critics: the money should go to schools.")


# --- recognising an export ------------------------------------------------------------------
def test_exports_are_recognised_by_their_markers_whatever_their_name(container):
    data = container([FERRY, PIER])
    assert nexis_uni.sniff(data)
    assert "nexis_uni" in READERS and recognise(data) is nexis_uni


def test_a_word_file_that_is_no_export_is_not_recognised():
    document = docx.Document()
    for text in ("Minutes of the harbour board", "Body", "The board met on Monday.",
                 "End of Document"):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    assert not nexis_uni.sniff(out.getvalue())


@pytest.mark.parametrize("data", [
    b"", b"End of Document\nLoad-Date: March 5, 2020\n", b"PK\x03\x04broken",
    b"{\\rtf1\\ansi {\\pard Minutes of the board. End of Document\\par}}",
    b"<html><body><p>Job Number: 1</p></body></html>"])
def test_other_files_are_not_exports(data):
    assert not nexis_uni.sniff(data)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_sniffing_arbitrary_bytes_never_raises(data):
    assert nexis_uni.sniff(b"PK\x03\x04" + data) in (True, False)
    assert nexis_uni.sniff(data) in (True, False)


# --- broken exports ---------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_reading_arbitrary_bytes_reports_instead_of_raising(data):
    for blob in (b"PK\x03\x04" + data, b"{\\rtf1 " + data):
        export = nexis_uni.read(blob)
        assert export.articles or export.problems



def _cut_inside_document_xml(data: bytes, text: bytes) -> bytes:
    """The Word file truncated as soon as its compressed document.xml has given `text` (the
    download broke off there)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    size = next(n for n in range(16, info.compress_size, 8) if text in zlib.decompressobj(
        -zlib.MAX_WBITS).decompress(data[start:start + n]))
    return data[:start + size]


def test_a_truncated_word_export_keeps_every_article_before_the_cut():
    stories = [replace(FERRY, title=f"Ferry report {n}", doc_id="", body=[
        f"Crossing number {n} left on time.", "The sea was calm and the pier was crowded."])
        for n in range(1, 9)]
    whole = nexis_uni.read(docx_export(stories)).articles
    export = nexis_uni.read(_cut_inside_document_xml(docx_export(stories), b"Crossing number 6"))
    assert len(export.problems) == 1 and "damaged" in export.problems[0]
    *complete, last = export.articles
    assert complete == list(whole[:5])
    assert last.field("title") == "Ferry report 6" and last.problem.startswith("cut off")
    assert last.paragraphs[0].startswith("Crossing number 6")


def test_a_word_file_broken_before_its_text_is_reported_not_raised():
    export = nexis_uni.read(docx_export([FERRY])[:200])
    assert export.articles == () and "no text could be recovered" in export.problems[0]


def test_an_article_cut_off_keeps_its_text_and_says_so(container):
    cut = replace(PIER, end=False, load_date="")
    first, second = nexis_uni.read(container([FERRY, cut])).articles
    assert first.problem == "" and second.paragraphs == tuple(PIER.body)
    assert second.problem.startswith("cut off")


def test_a_missing_end_of_document_between_articles_does_not_merge_them():
    export = nexis_uni.read(rtf_export([replace(FERRY, end=False), PIER]))
    first, second = export.articles
    assert first.paragraphs == tuple(plain(p) for p in FERRY.body)
    assert first.problem == "no End of Document before the next article"
    assert (second.field("title"), second.paragraphs) == (PIER.title, tuple(PIER.body))


def test_text_after_the_markers_stop_is_named_as_unread():
    data = rtf_export([FERRY, PIER])
    tail = (b"{\\pard Harbour notes continue here without any heading\\par}"
            b"{\\pard and a second line of them\\par}}")
    export = nexis_uni.read(data[:-1] + tail)
    assert len(export.articles) == 2 and export.articles[1].paragraphs == tuple(PIER.body)
    assert len(export.problems) == 1 and "hold no article" in export.problems[0]
    assert ("and a second line of them", "unread") in export.removed
