"""The quality view: per outlet, what cleaning removed and how much metadata is known and how
surely; and the documents that need a researcher's eye, with why."""

from __future__ import annotations

import pytest
from lexis_exports import story, text_export

from workbench import load_corpus, overview
from workbench.app.cli import format_report

BODY = ("The two foreign ministers met in Moscow on Friday to discuss the transport corridors "
        "and the border commission, officials said after the talks.")


@pytest.fixture
def corpus(corpus_dir, tmp_path):
    pages = {
        "agency.txt": f"Ministers meet in Moscow\nMOSCOW, May 5, 2023. /TASS/. {BODY}\n{BODY}",
        "site.txt": f"Talks go on\n{BODY} The statement was first reported by TASS.\n"
                    f"The talks began after the peacekeepers left in April 2024.\n{BODY}",
        "menu.txt": "Home\nNews\nPolitics\nWorld\nSport\nShare\nMinisters meet again\n" + BODY,
    }
    for name, text in pages.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    return load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")


def test_quality_says_per_outlet_what_was_removed_and_which_metadata_is_known(corpus):
    table = overview.quality(corpus).set_index("group")
    assert table.loc["TASS", ["documents", "outlet", "date", "title"]].tolist() == [1, 1.0, 1.0, 1.0]
    assert table.loc["site", ["outlet", "date"]].tolist() == [0.0, 0.0]
    assert table.loc["menu", "removed_share"] == pytest.approx(6 / 8)
    assert table.loc["menu", "removed_by"] == "menu 4, interface 1, share-buttons 1"


def test_needs_attention_lists_the_cited_agency_the_bound_and_the_stripped_page(corpus):
    issues = overview.needs_attention(corpus).set_index(["doc_id", "issue"]).detail
    assert issues["site", "no outlet; the text cites agencies"].startswith("cited: TASS")
    assert issues["site", "undated"] == "published on or after 2024-04"
    assert issues["menu", "much removed"].startswith("75% of the page's lines removed")
    assert issues["agency", "outlet from a medium-confidence cue"].startswith("TASS: '/TASS/.'")


def test_an_archive_s_labels_and_copyright_lines_do_not_make_an_article_much_removed(corpus, corpus_dir):
    (corpus_dir / "export.TXT").write_text(text_export([story(1, byline="By Jane Doe", section="World")]),
                                           encoding="utf-8")
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=corpus_dir.parent / "cache2")
    assert len(corpus.removed[corpus.removed.doc_id == "export.TXT:1"]) > 2 * len(story(1).body)
    flagged = overview.needs_attention(corpus).query("issue == 'much removed'").doc_id.tolist()
    assert flagged == ["menu"]


def test_the_check_report_shows_coverage_confidence_and_what_needs_attention(corpus):
    text = format_report(corpus)
    assert "METADATA COVERAGE" in text and "  outlet  1 of 3" in text and "  date    1 of 3" in text
    assert "[inferred, medium confidence: '/TASS/.' (line 2)]" in text
    assert "site: no outlet; the text cites agencies: cited: TASS" in text
