"""One rule selects documents by date range, in every analysis and dashboard: a document counts
for a range only when its whole date span (day, month or year) lies inside it."""

from __future__ import annotations

import pandas as pd
from dashboards import networks_dash, trends_dash
from seed_paths import PROJECT

from workbench import load_corpus
from workbench.actors import find_mentions
from workbench.index import select_documents
from workbench.networks import select

TREND, AZERNEWS = "001_067d92aa473488f3", "000_438739c02a2fa118"  # 23 April 2024; 2024 only


def test_a_document_dated_only_to_a_year_is_not_in_half_of_that_year(seed_corpus):
    assert set(select_documents(seed_corpus, start="2024-01-01", end="2024-06-30")) == {TREND}
    assert set(select_documents(seed_corpus, start="2024-01-01", end="2024-12-31")) == {
        TREND, AZERNEWS}


def test_undated_documents_are_kept_only_without_a_date_bound(seed_copy, tmp_path):
    (seed_copy / "undated.txt").write_text("A note on the corridors\n\nThe talks on the Zangezur "
                                           "corridor went on without a result.\n", encoding="utf-8")
    corpus = load_corpus(seed_copy, metadata=seed_copy.parent / "sources.csv",
                         cache_dir=tmp_path / "cache")
    assert corpus.documents.set_index("doc_id").date.isna()["undated"]
    assert "undated" in set(select_documents(corpus))
    assert "undated" not in set(select_documents(corpus, end="2030-12-31"))


def test_networks_select_the_documents_trends_select(seed_corpus):
    mentions = find_mentions(seed_corpus, PROJECT.actors())
    docs, kept = select(seed_corpus, mentions, start="2024-01-01", end="2024-06-30")
    assert set(docs.doc_id) == set(kept.doc_id) == {TREND}


def test_both_dashboards_select_the_same_documents_for_the_same_months(seed_corpus, tmp_path):
    trends, networks = trends_dash(seed_corpus), networks_dash(seed_corpus, tmp_path)
    for dash in (trends, networks):
        months = dash.controls["dates"].months
        dash.controls["dates"].index = (months.index(pd.Period("2024-01", freq="M")),
                                        months.index(pd.Period("2024-06", freq="M")))
    assert set(trends._selection()) == {TREND}
    assert networks.graph.graph["documents"] == 1
    assert set(trends.table.attrs["excluded"].doc_id) == set()  # by month: Trend is placed
