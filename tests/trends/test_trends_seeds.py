"""Keyword trends on the real seed articles (counts checked by hand) and on a corpus built in a
tmp folder with year-precision and undated documents; the dashboard driven from Python."""

import re

import pandas as pd
import pytest
from dashboards import trends_dash

from workbench import load_corpus
from workbench.index import find, parse_query, term_index
from workbench.trends import compare_periods, excluded_documents, kwic, term_frequency
from workbench.widgets.common import ALL

A, B, C, D, E = ("000_438739c02a2fa118", "001_067d92aa473488f3", "002_3ecd11ab92daf9a0",
                 "003_42b7a2a72f6b30d3", "004_3e57617027b9e7e9")


def per_doc(corpus, query):
    spans = pd.concat([find(term_index(corpus), q) for q in parse_query(query)])
    return spans.groupby("doc_id").size().to_dict()


# `grep -oiwE PATTERN data/corpus/FILE | wc -l` per file, minus the lines cleaning removes
# (002's related-links line "State TV lashes out at Russian peacekeepers ...").
@pytest.mark.parametrize(("query", "grep", "removed", "expected"), [
    ("peacekeepers", "peacekeepers", {C: 1}, {A: 5, B: 1, C: 2}),
    ("peacekeep*", "peacekeep[a-z]*", {C: 1}, {A: 5, B: 2, C: 3, E: 2}),
    ("strategic partnership", "strategic partnership", {}, {A: 2, D: 1}),
    ("Russian peacekeepers", "russian peacekeepers", {C: 1}, {A: 2, B: 1, C: 1}),
    ("trilateral statement", "trilateral statement", {}, {B: 2}),
])
def test_seed_counts_match_grep_on_the_cleaned_text(seed_corpus, query, grep, removed, expected):
    assert per_doc(seed_corpus, query) == expected
    removed_lines = seed_corpus.removed.groupby("doc_id", observed=True).text.agg(" ".join)
    for doc_id, n in removed.items():
        assert len(re.findall(rf"(?i)\b{grep}\b", removed_lines[doc_id])) == n


def test_seed_monthly_peacekeepers_with_year_dated_azernews_and_undated_pekcetin_excluded(seed_corpus):
    table = term_frequency(seed_corpus, "peacekeepers", by="month")
    assert len(table) == 27  # 2022-02 .. 2024-04, every month present
    by_month = table.set_index(table.period.dt.strftime("%Y-%m"))["count"]
    assert by_month[["2022-02", "2022-12", "2024-04"]].tolist() == [0, 2, 1]
    assert by_month.sum() == 3
    excluded = table.attrs["excluded"]
    assert excluded.doc_id.tolist() == [A, E]
    assert excluded["count"].tolist() == [5, 0]
    assert excluded.reason.tolist() == [  # Pekcetin's 'As of September 2021' is no publication date
        "dated only to the year; too coarse for by='month'",
        "undated (published on or after 2021-09, the latest date it mentions)"]


def test_seed_yearly_peacekeepers_per_outlet(seed_corpus):
    table = term_frequency(seed_corpus, "peacekeepers", by="year", split="outlet")
    got = table[table["count"] > 0].assign(year=table.period.dt.year)
    assert got.set_index(["year", "group"])["count"].to_dict() == {
        (2022, "JAMnews"): 2, (2024, "AzerNews"): 5, (2024, "Trend"): 1}
    row = table[(table.group == "AzerNews") & (table.period.dt.year == 2024)].iloc[0]
    assert row.rel_freq == pytest.approx(5 / row.tokens * 10_000)
    assert E not in set(table.group) and E in set(table.attrs["excluded"].doc_id)  # undated


def test_seed_kwic_shows_the_phrase_in_context(seed_corpus):
    table = kwic(seed_corpus, "strategic partnership", window=3)
    assert table.match.str.lower().tolist() == ["strategic partnership"] * 3
    assert table.iloc[0].doc_id == D  # earliest dated first (2022-02-27)


def test_seed_change_after_the_2023_operation_uses_keyness(seed_corpus):
    table = compare_periods(seed_corpus, "2023-09-19", min_freq=3)
    assert {"g2", "log_ratio", "direction"} <= set(table.columns)
    assert table.set_index("term").loc["peacekeepers", "direction"] == "over"


@pytest.fixture
def dated_corpus(corpus_dir, tmp_path):
    """Three outlets: day-, year-precision and undated documents, dates curated in sources.csv."""
    texts = {
        "day.txt": "Russian peacekeepers arrived in the region. The peacekeepers stayed.",
        "year.txt": "The peacekeepers left the region. Nobody mentioned allies.",
        "undated.txt": "Peacekeepers were discussed in a short note about the region.",
    }
    for name, text in texts.items():
        (corpus_dir / name).write_text(f"Headline for {name}\n\n{text}\n", encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text(
        "file,outlet,date,date_precision,language\n"
        "day.txt,Trend,2023-05-10,day,en\n"
        "year.txt,AzerNews,2023,year,en\n"
        "undated.txt,JAMnews,,,en\n", encoding="utf-8")
    return load_corpus(corpus_dir, metadata=corpus_dir.parent / "sources.csv",
                       cache_dir=tmp_path / "cache")


def test_year_precision_is_never_put_in_a_month_and_undated_is_listed(dated_corpus):
    docs = dated_corpus.documents.set_index("file")
    assert docs.loc["undated.txt", "date"] is pd.NaT or pd.isna(docs.loc["undated.txt", "date"])
    monthly = term_frequency(dated_corpus, "peacekeepers", by="month", split="outlet")
    assert monthly.groupby("group")["count"].sum().to_dict() == {"Trend": 2}
    reasons = monthly.attrs["excluded"].set_index("doc_id").reason
    assert reasons[docs.loc["year.txt", "doc_id"]].startswith("dated only to the year")
    assert reasons[docs.loc["undated.txt", "doc_id"]] == "undated"
    yearly = term_frequency(dated_corpus, "peacekeepers", by="year", split="outlet")
    assert yearly.groupby("group")["count"].sum().to_dict() == {"AzerNews": 1, "Trend": 2}
    assert excluded_documents(dated_corpus, by="year").doc_id.tolist() == [
        docs.loc["undated.txt", "doc_id"]]


def test_dashboard_follows_its_controls(seed_corpus):
    dash = trends_dash(seed_corpus, terms="peacekeepers")
    assert dash.table.term.unique().tolist() == ["peacekeepers"]
    assert len(dash.kwic) == 8  # 5 + 1 + 2: the year-dated AzerNews article is in the KWIC too
    dash.controls["terms"].value = "strategic partnership"
    assert dash.table.term.unique().tolist() == ["strategic partnership"]
    assert dash.kwic.match.str.lower().unique().tolist() == ["strategic partnership"]
    dash.controls["group"].value = "alliance"
    assert set(dash.table.term) == {"strategic partnership", "alliance"}
    dash.controls["by"].value = "year"
    assert dash.table.period.dt.month.unique().tolist() == [1]
    dash.controls["outlets"].value = ("AzerNews",)
    assert set(dash.table.group) == {"AzerNews"} and set(dash.kwic.outlet) == {"AzerNews"}
    dash.controls["window"].value = 2
    assert all(len(left.split()) <= 3 for left in dash.kwic.left)
    point = next((r.term, r.period, r.group) for r in dash.table.itertuples()
                 if r.term == "alliance" and r.count)
    dash.click_point(*point)
    assert len(dash.concordance) == dash.table.set_index(["term", "period", "group"])[
        "count"][point]
    dash.controls["outlets"].value = (ALL,)
    dash.controls["terms"].value, dash.controls["group"].value = "peacekeeper", ""
    assert dash.table["count"].sum() == 0
    dash.controls["stem"].value = True  # peacekeepers, peacekeeping
    assert dash.table["count"].sum() == 10 and len(dash.kwic) == 12  # Pekcetin's 2: undated
    dash.controls["change_at"].value = pd.Timestamp("2023-09-19")
    assert dash.change.set_index("term").loc["peacekeepers", "direction"] == "over"
    dash.controls["normalise"].value = "count"
    assert dash.table["count"].sum() == 10  # normalisation only redraws
