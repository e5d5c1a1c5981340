"""The same story run by several outlets stays, each copy counted for its outlet and marked with
its copy group; a page the same outlet published twice is set aside; one setting sets the
republications aside too. `overview.republications` and `republishers` say who ran what first."""

from __future__ import annotations

import pytest

from workbench import load_corpus, overview

STORY = ("MOSCOW, September 24. Azerbaijan appreciates the activity of the Russian peacekeepers "
         "aimed at restoring stability in the region, the president said in an interview with a "
         "Russian magazine for its September issue. He said that cooperation was greater, contacts "
         "more intensive, and that the issue was a regular item on the agenda of both sides.")


@pytest.fixture
def copies(corpus_dir):
    """The agency's story, a site's republication of it a day later, and the agency's page
    scraped twice; outlets and dates given in the curated metadata."""
    for name, head in (("tass", "Aliyev values peacekeepers"), ("tass_again", "Aliyev values "
                       "peacekeepers"), ("site", "Aliyev praised Russian peacekeepers")):
        (corpus_dir / f"{name}.txt").write_text(f"{head}\n\n{STORY}\n", encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text(
        "file,outlet,date\ntass.txt,TASS,2021-09-24\ntass_again.txt,TASS,2021-09-24\n"
        "site.txt,Big Asia,2021-09-25\n", encoding="utf-8")
    return corpus_dir


def test_a_republication_stays_in_its_copy_group_and_a_second_scrape_is_set_aside(copies):
    corpus = load_corpus(copies, metadata=copies.parent / "sources.csv",
                         cache_dir=copies.parent / "cache")
    docs = corpus.documents.set_index("doc_id")
    assert set(docs.index) == {"site", "tass"}
    assert docs.loc["site", "copy_group"] == docs.loc["tass", "copy_group"] == "site"
    assert docs.loc["tass", "copy_of"] == "site" and docs.loc["tass", "copy_similarity"] == 1.0
    report = corpus.report.set_index("doc_id")
    assert report.at["tass_again", "status"] == "skipped"
    assert report.at["tass_again", "reason"] == (  # the same outlet's page again
        "duplicate of tass (identical text); not counted twice")


def test_who_republishes_whom_puts_the_earliest_copy_first(copies):
    corpus = load_corpus(copies, metadata=copies.parent / "sources.csv",
                         cache_dir=copies.parent / "cache")
    rows = overview.republications(corpus)
    assert rows[["doc_id", "outlet", "earliest"]].values.tolist() == [
        ["tass", "TASS", True], ["site", "Big Asia", False]]
    table = overview.republishers(corpus)
    assert table[["source", "republished_by", "stories"]].values.tolist() == [["TASS", "Big Asia", 1]]
    assert table[["first", "last"]].values.tolist() == [["2021-09-24", "2021-09-24"]]  # to the day


def test_one_setting_sets_the_republications_aside_too(copies):
    corpus = load_corpus(copies, metadata=copies.parent / "sources.csv",
                         cache_dir=copies.parent / "cache", copies="aside")
    assert list(corpus.documents.doc_id) == ["site"]
    reason = corpus.report.set_index("doc_id").at["tass", "reason"]
    assert reason == ("republished copy of site (near-duplicate, similarity 1.00), another outlet; "
                      "set aside (copies='aside')")
    assert overview.republications(corpus).empty


def test_a_corpus_without_copies_has_empty_tables_with_their_columns(seed_corpus):
    assert overview.republications(seed_corpus).empty
    table = overview.republishers(seed_corpus)
    assert table.empty and list(table.columns) == ["source", "republished_by", "stories", "first",
                                                   "last"]
