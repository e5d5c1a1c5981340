"""Archive exports in a corpus folder: recognised by their content whatever their name, one
document per article with the archive's fields as high-confidence metadata, every article a row
of the report, overlapping downloads set aside, and what is not read said."""

from __future__ import annotations

import io
import sys
import textwrap
import types
import zipfile

import pandas as pd
import pytest
from lexis_exports import encode_export, html_export, story, text_export

from workbench import load_corpus
from workbench.ingest import archives
from workbench.ingest.archives import Article, Export


def load(folder, **kw):
    kw.setdefault("metadata", None)
    return load_corpus(folder, cache_dir=folder.parent / ".cache", progress=False, **kw)


def rows(corpus, file):
    return corpus.report[corpus.report.file == file]


@pytest.fixture
def exports(corpus_dir):
    """A text export named .TXT, an HTML export named .htm and a text export without extension."""
    (corpus_dir / "courier.TXT").write_bytes(encode_export(text_export(
        [story(k, byline="By Jane Doe", section="World; Pg. 4") for k in (1, 2)], search="pier")))
    (corpus_dir / "matin.htm").write_text(html_export(
        [story(k, outlet="Le Matin", date="3 mars 2020 mardi") for k in (3, 4)], "fr"), encoding="utf-8")
    (corpus_dir / "download").write_bytes(text_export([story(5, date="3. März 2020")], "de").encode())
    return corpus_dir


def test_an_export_of_any_name_gives_one_document_per_article(exports):
    corpus = load(exports)
    assert corpus.documents.doc_id.tolist() == ["courier.TXT:1", "courier.TXT:2", "download:1",
                                                "matin.htm:1", "matin.htm:2"]
    assert corpus.documents.row.tolist() == [1, 2, 1, 1, 2]
    assert corpus.text("courier.TXT:2") == "\n\n".join(story(2).body)
    articles = corpus.report[corpus.report.row.notna()]
    assert articles.status.eq("ok").all() and len(articles) == 5
    assert "archive export (nexis-html): 2 articles" in rows(corpus, "matin.htm").reason.tolist()
    assert "search: pier" in rows(corpus, "courier.TXT").reason.tolist()


def test_the_archive_s_fields_are_high_confidence_metadata_with_their_evidence(exports):
    corpus = load(exports)
    doc = corpus.documents.set_index("doc_id").loc["courier.TXT:1"]
    assert (doc.outlet, doc.author, doc.language) == ("The Daily Courier", "Jane Doe", "en")
    assert (doc.date, doc.date_precision, doc.date_source) == (pd.Timestamp("2020-03-03"), "day", "archive")
    assert (doc.section, doc.length) == ("World; Pg. 4", "130 words") and pd.isna(doc.source_id)
    assert "search: pier" in doc.notes and "exported: Friday, March 20, 2020" in doc.notes
    meta = corpus.metadata.set_index(["doc_id", "field"])
    author = meta.loc[("courier.TXT:1", "author")]
    assert (author.evidence, author.confidence) == ("archive BYLINE line: 'By Jane Doe'", "high")
    assert meta.loc[("matin.htm:1", "date")].chosen == "2020-03-03"
    assert meta.loc[("download:1", "language")].evidence == "archive SPRACHE line: 'GERMAN; DEUTSCH'"


def test_the_curated_row_of_the_export_still_wins_and_says_where_they_differ(exports):
    (exports.parent / "sources.csv").write_text("file,outlet\ncourier.TXT,Westbridge Courier\n",
                                                encoding="utf-8")
    corpus = load(exports, metadata=exports.parent / "sources.csv")
    mine = corpus.documents[corpus.documents.file == "courier.TXT"]
    assert set(mine.outlet) == {"Westbridge Courier"}
    warned = rows(corpus, "courier.TXT").query("status == 'warning'").reason
    assert len(warned) == 2 and warned.str.contains("curated outlet 'Westbridge Courier' differs").all()


def test_the_archive_s_furniture_is_in_the_removed_lines_and_in_no_text(exports):
    corpus = load(exports)
    removed = corpus.removed[corpus.removed.doc_id == "courier.TXT:1"]
    rules = dict(zip(removed.text.astype(str), removed.rule.astype(str)))
    assert rules["Terms: pier"] == "archive cover" and rules["BYLINE: By Jane Doe"] == "archive label"
    assert rules["Harbour council votes on pier plan number 1"] == "archive headline"
    texts = " ".join(corpus.documents.text)
    assert not any(w in texts for w in ("DOCUMENTS", "LENGTH", "LOAD-DATE", "LONGUEUR", "Copyright",
                                        "Terms", "Harbour council votes"))


def test_the_same_article_in_two_downloads_is_set_aside_with_its_reason(corpus_dir):
    (corpus_dir / "a.TXT").write_bytes(encode_export(text_export([story(k) for k in (1, 2, 3)])))
    (corpus_dir / "b.TXT").write_bytes(encode_export(text_export([story(k) for k in (3, 4)], first=3)))
    corpus = load(corpus_dir, dedupe="near")
    assert corpus.documents.doc_id.tolist() == ["a.TXT:1", "a.TXT:2", "a.TXT:3", "b.TXT:2"]
    aside = rows(corpus, "b.TXT").query("row == 1").iloc[0]
    assert (aside.status, aside.reason) == ("skipped", "duplicate of a.TXT:3 (identical text); "
                                                       "not counted twice")


def test_the_same_wire_story_in_two_outlets_stays_as_a_copy(corpus_dir):
    (corpus_dir / "a.TXT").write_bytes(encode_export(text_export([story(1, outlet="AP Wire")])))
    (corpus_dir / "b.TXT").write_bytes(encode_export(text_export([story(1, outlet="The Herald")])))
    corpus = load(corpus_dir, dedupe="near")
    docs = corpus.documents.set_index("doc_id")
    assert docs.copy_group.tolist() == ["a.TXT:1", "a.TXT:1"] and docs.loc["b.TXT:1"].copy_of == "a.TXT:1"


@pytest.fixture
def with_ids(monkeypatch):
    """A tiny reader of exports that carry the archive's own document ids ("IDS" files: one
    article per line, `id|outlet|text`), tried before the others."""
    reader = types.ModuleType("fake_ids")
    reader.sniff = lambda data: data.startswith(b"IDS\n")
    reader.read = lambda data: Export("fake-ids", tuple(
        Article(n, (("source_id", sid), ("outlet", outlet)), (text,))
        for n, (sid, outlet, text) in enumerate((line.split("|") for line in
                                                 data.decode().splitlines()[1:]), start=1)))
    monkeypatch.setitem(sys.modules, f"{archives.__name__}.fake_ids", reader)
    monkeypatch.setattr(archives, "READERS", ("fake_ids", *archives.READERS))


@pytest.mark.parametrize("dedupe", ["near", "exact"])
def test_the_archive_s_own_id_decides_first(with_ids, corpus_dir, dedupe):
    one = "The harbour council voted on Tuesday to build the new ferry pier before the summer season."
    other = "Farmers in the northern valley expect an early harvest after a mild and unusually dry spring."
    (corpus_dir / "a.txt").write_text(f"IDS\nAN1|Courier|{one}\nAN2|Courier|{other}\n", encoding="utf-8")
    (corpus_dir / "b.txt").write_text(f"IDS\nAN1|Courier|{other} Corrected.\nAN3|Herald|{one}\n",
                                      encoding="utf-8")
    corpus = load(corpus_dir, dedupe=dedupe)
    assert corpus.documents.source_id.tolist() == ["AN1", "AN2", "AN3"]
    assert corpus.documents.copy_group.fillna("").tolist() == ["a.txt:1", "", "a.txt:1"]
    aside = rows(corpus, "b.txt").query("row == 1").iloc[0]
    assert aside.reason == "duplicate of a.txt:1 (the same archive document, id AN1); not counted twice"


def _word_document(text: str) -> bytes:
    """A minimal Word document (.docx) holding one paragraph: a file no archive exported."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/'
        'xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    return out.getvalue()


def test_a_pdf_and_a_word_file_that_is_no_export_are_skipped_naming_what_is_read(corpus_dir):
    (corpus_dir / "results.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    (corpus_dir / "notes.docx").write_bytes(_word_document("Minutes of the harbour council, 3 March 2020."))
    (corpus_dir / "article.txt").write_text("\n\n".join(story(1).body), encoding="utf-8")
    corpus = load(corpus_dir)
    pdf, = rows(corpus, "results.pdf").itertuples()
    assert pdf.status == "skipped" and "PDF is not read" in pdf.reason
    assert all(f in pdf.reason for f in ("Word (.docx)", "RTF", "plain-text", "HTML", "Nexis Uni",
                                         "Factiva"))
    docx, = rows(corpus, "notes.docx").itertuples()
    assert docx.status == "skipped" and docx.reason.startswith("a Word document that is no archive export")
    assert corpus.documents.doc_id.tolist() == ["article"]


def test_a_broken_export_warns_on_the_article_cut_off_and_reports_what_is_not_read(corpus_dir):
    text = text_export([story(k) for k in range(1, 5)]).replace("3 of 4 DOCUMENTS", "")
    cut = text[: text.index("paragraph 3.", text.index("4 of 4 DOCUMENTS"))]
    (corpus_dir / "broken.TXT").write_bytes(encode_export(cut))
    corpus = load(corpus_dir)
    report = rows(corpus, "broken.TXT")
    assert report[report.row.notna()].status.tolist() == ["ok", "ok", "warning"]
    assert report[report.row == 3].reason.iloc[0].startswith("cut off: the export ends inside it")
    lost = report[report.status == "skipped"].reason
    assert len(lost) == 1 and "follow article 2" in lost.iloc[0]
    assert len(corpus.documents) == 3 and corpus.text("broken.TXT:1") == "\n\n".join(story(1).body)


def test_an_article_without_a_body_is_a_skipped_row_with_why(corpus_dir):
    text = text_export([story(1), story(2)])
    for paragraph in story(2).body:
        text = text.replace("\n".join(textwrap.wrap(paragraph, 78)), "")
    (corpus_dir / "gap.TXT").write_text(text, encoding="utf-8")
    corpus = load(corpus_dir)
    assert corpus.documents.doc_id.tolist() == ["gap.TXT:1"]
    gap = rows(corpus, "gap.TXT").query("row == 2").iloc[0]
    assert (gap.status, gap.reason) == ("skipped", "no body text in this article")


def test_an_export_column_named_source_id_is_kept_but_decides_no_duplicate(corpus_dir):
    one = "The harbour council voted on Tuesday to build the new ferry pier before the summer season."
    other = "Farmers in the northern valley expect an early harvest after a mild and unusually dry spring."
    pd.DataFrame({"text": [one, other], "source_id": ["bbc-news", "bbc-news"]}).to_csv(
        corpus_dir / "feed.csv", index=False)
    corpus = load(corpus_dir, dedupe="near")
    assert corpus.documents.source_id.tolist() == ["bbc-news", "bbc-news"]
    assert corpus.report.status.eq("ok").all()
