"""KWIC, collocations, collocates, dispersion and the trend figures on a hand-made corpus."""

import re

import matplotlib
import pandas as pd
import pytest
from hand_made import make_corpus
from seed_paths import PROJECT

from workbench.index import parse_query
from workbench.plots.trends import date_label, plot_dispersion, plot_trend
from workbench.trends import (
    collocates,
    collocations,
    dispersion,
    kwic,
    point_spans,
    term_frequency,
)

matplotlib.use("Agg")


@pytest.fixture
def corpus():
    return make_corpus([
        ("a", "Trend", "2022-01-05", "day",
         "Russian peacekeepers arrived today. Then Russian peacekeepers left Lachin. "
         "Some Russian peacekeepers stayed."),
        ("b", "JAMnews", "2021-06-01", "month", "Turkish peacekeepers? No, Russian peacekeepers."),
        ("c", None, None, None, "Undated Russian peacekeepers story. Russian trade."),
    ])


def test_kwic_gives_left_match_right_from_the_document_text(corpus):
    table = kwic(corpus, "peacekeepers", window=1)
    first = table.iloc[0]  # position order: earliest document first, undated last
    assert (first.doc_id, first.left, first.match, first.right) == (
        "b", "Turkish", "peacekeepers", "? No")
    assert table.doc_id.tolist() == ["b", "b", "a", "a", "a", "c"]
    assert {"outlet", "date", "title"} <= set(table.columns)


@pytest.mark.parametrize(("sort", "expected"), [
    ("left", ["russian", "russian", "russian", "russian", "russian", "turkish"]),
    ("right", ["", "arrived", "left", "no", "stayed", "story"]),
])
def test_kwic_sorts_by_the_nearest_context_word(corpus, sort, expected):
    table = kwic(corpus, "peacekeepers", window=1, sort=sort)
    side = table.left if sort == "left" else table.right
    words = [re.findall(r"\w+", s.lower()) or [""] for s in side]
    assert [w[-1] if sort == "left" else w[0] for w in words] == expected


def test_kwic_rejects_an_unknown_sort():
    with pytest.raises(ValueError, match="sort='middle' is invalid"):
        kwic(make_corpus([("a", "X", "2022-01-01", "day", "x")]), "x", sort="middle")


def test_bigram_collocations_count_within_sentences(corpus):
    table = collocations(corpus, min_freq=2, content_only=False)
    counts = table.set_index("ngram")["count"]
    assert counts["russian peacekeepers"] == 5
    pmi = collocations(corpus, measure="pmi", min_freq=2, content_only=False)
    assert set(pmi.ngram) == set(table.ngram) and (pmi.measure == "pmi").all()


def test_trigrams_need_min_freq(corpus):
    assert collocations(corpus, n=3, min_freq=7, content_only=False).empty


def test_collocates_count_each_window_position_once(corpus):
    table = collocates(corpus, "peacekeepers", window=1, min_freq=1).set_index("term")
    assert table.loc["russian", "count"] == 5
    assert table.loc["russian", "total"] == 6  # once far from any match: "Russian trade"
    assert table.loc["russian", "mi"] > 0


def test_dispersion_orders_documents_by_date_with_undated_last(corpus):
    table = dispersion(corpus, "peacekeepers")
    assert table.drop_duplicates("doc_id").doc_id.tolist() == ["b", "a", "c"]
    assert table.position.between(0, 1).all()
    assert plot_dispersion(table).axes


def test_point_spans_are_the_matches_behind_a_count(corpus):
    table = term_frequency(corpus, "peacekeepers", by="month", split="outlet")
    row = table[table["count"] > 0].iloc[-1]
    spans = point_spans(corpus, parse_query("peacekeepers")[0], period=row.period,
                        group=row.group, by="month", split="outlet")
    assert len(spans) == row["count"] == 3


def test_trend_figure_has_a_panel_per_term_and_a_note_on_excluded_documents(corpus):
    table = term_frequency(corpus, "peacekeepers, russian", by="month")
    fig = plot_trend(table, events=PROJECT.events())
    assert len(fig.axes) == 2
    assert "Not on the time axis: 1 undated (3 occurrences)." in fig.texts[0].get_text()
    bars = plot_trend(table, kind="bar", value="count", facet="group")
    assert len(bars.axes) == 1


def test_trend_figure_draws_the_largest_series_and_says_how_many_are_left_out(corpus):
    table = term_frequency(corpus, "peacekeepers, russian", by="month", split="outlet")
    table.attrs = {}
    # as if the corpus had 30 outlets: the seed outlets' rows copied under new names
    many = pd.concat([table.assign(group=table.group + f" {i}", count=table["count"] * (i + 1))
                      for i in range(30 // table.group.nunique() + 1)], ignore_index=True)
    fig = plot_trend(many, value="count", max_lines=5)
    assert [len(ax.get_lines()) for ax in fig.axes] == [5, 5]
    drawn = {line.get_label() for line in fig.axes[0].get_lines()}
    top = many[many.term == "peacekeepers"].groupby("group")["count"].sum().nlargest(5).index
    assert drawn == set(top)
    note = fig.texts[0].get_text()
    assert f"the 5 groups with most occurrences of {many.group.nunique()} per panel" in note
    assert len(plot_trend(many, facet="group", max_panels=3).axes) == 3


@pytest.mark.parametrize(("precision", "label"), [
    ("year", "2024"), ("month", "2024-04"), ("day", "2024-04-23"), (None, "undated")])
def test_dates_are_labelled_only_as_precisely_as_known(precision, label):
    assert date_label(pd.Timestamp("2024-04-23"), precision) == label
