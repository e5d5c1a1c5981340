"""KWIC, collocations, collocates, dispersion and point spans on a hand-made corpus."""

import re

import matplotlib
import pytest
from hand_made import peacekeepers

from workbench.index import parse_query
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
    return peacekeepers()


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


def test_point_spans_are_the_matches_behind_a_count(corpus):
    table = term_frequency(corpus, "peacekeepers", by="month", split="outlet")
    row = table[table["count"] > 0].iloc[-1]
    spans = point_spans(corpus, parse_query("peacekeepers")[0], period=row.period,
                        group=row.group, by="month", split="outlet")
    assert len(spans) == row["count"] == 3
