"""The quality view per site: what each rule removed from a site's pages, the template learned
from them and from how many pages, and the pages whose cleaning to check first."""

from __future__ import annotations

import pytest
from site_pages import ARTICLES, COURIER, FOOT, HEAD, page, write

from workbench import load_corpus, overview

COPYRIGHT = "© 2024 Valley Press. All rights reserved."
MENU = ["Home", "News", "Sport", "Weather", "Shop", "Events", "Jobs", "Cars", "Homes", "Travel"]


@pytest.fixture
def corpus(corpus_dir, tmp_path):
    write(corpus_dir, {f"courier/{t}.txt": page(t) for t in COURIER})
    write(corpus_dir, {"gazette/market.txt": page("market", head=[], foot=[COPYRIGHT]),
                       "gazette/school.txt": "\n".join([*MENU, ARTICLES["school"][1][0]]) + "\n"})
    (corpus_dir / "export.csv").write_text("text\n" + ARTICLES["bridge"][1][0] + "\n",
                                           encoding="utf-8")
    return load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")


def test_site_removals_count_each_rule_per_site_and_leave_out_the_rows_of_exports(corpus):
    table = overview.site_removals(corpus).set_index("site")
    assert table.index.tolist() == ["courier/", "gazette/"]
    courier = table.loc["courier/"]
    assert courier[["pages", "site-template"]].tolist() == [4, 4 * len(HEAD + FOOT)]
    assert courier.lines == 4 * (len(HEAD + FOOT) + 4)  # and a headline and three paragraphs
    assert table.loc["gazette/", "copyright"] == 1 and table.loc["gazette/", "site-template"] == 0


def test_site_templates_list_the_learned_lines_and_the_pages_they_came_from(corpus):
    table = overview.site_templates(corpus)
    assert set(table.site) == {"courier/"}
    assert sorted(table.line) == sorted(HEAD + FOOT)
    assert table[["site_pages", "pages", "share"]].drop_duplicates().values.tolist() == [[4, 4, 1.0]]


def test_unusual_removals_put_the_pages_that_lost_prose_or_most_lines_first(corpus):
    table = overview.unusual_removals(corpus)
    assert set(table.doc_id[:5]) == {*(f"courier/{t}" for t in COURIER), "gazette/market"}
    assert table.doc_id.tolist()[5:] == ["gazette/school"]  # no prose lost, but 10 lines of 11
    rows = table.set_index("doc_id")
    assert rows.loc["courier/ferry", ["prose_removed", "rules", "example"]].tolist() == [
        1, "site-template 1", FOOT[2]]
    assert rows.loc["gazette/market", ["prose_removed", "rules"]].tolist() == [1, "copyright 1"]
    assert rows.loc["gazette/school", "removed_share"] == pytest.approx(10 / 11)
    assert rows.loc["gazette/school", "prose_removed"] == 0
    assert "export.csv:2" not in rows.index


def test_a_corpus_without_pages_has_empty_site_tables(corpus_dir, tmp_path):
    (corpus_dir / "export.csv").write_text("text\n" + ARTICLES["bridge"][1][0] + "\n",
                                           encoding="utf-8")
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")
    assert overview.site_removals(corpus).empty and overview.site_templates(corpus).empty
    assert list(overview.unusual_removals(corpus).columns) == [
        "doc_id", "site", "lines", "removed_share", "prose_removed", "rules", "example"]
