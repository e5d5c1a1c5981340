"""Notebook 02's defaults come from the corpus: the keyword groups it mentions most (the terms
the notebook and its dashboard follow), and a date to cut at that has articles on both sides."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_made import make_corpus
from seed_paths import PROJECT

from workbench.index import match_tokens, parse_query, term_index
from workbench.trends import compare_periods, cut_date, frequent_terms

GROUPS = PROJECT.keyword_groups()


def test_the_default_terms_are_the_keyword_groups_mentioned_most(seed_corpus):
    counts = {name: len(match_tokens(term_index(seed_corpus), q).first) for name, q in GROUPS.items()}
    top = sorted(counts, key=counts.get, reverse=True)[:3]
    terms = frequent_terms(seed_corpus, groups=GROUPS)
    assert terms == ", ".join(f"@{name}" for name in top) == "@conflict, @west, @mediation"
    assert [q.label for q in parse_query(terms, groups=GROUPS)] == top  # a query the notebook runs
    assert frequent_terms(seed_corpus, terms, groups=GROUPS, n=1) == "@conflict"


def test_terms_are_ranked_by_matches_and_those_never_found_left_out(seed_corpus):
    # peacekeep* 12 times in the seeds, "strategic partnership" 3 times (tests/trends/test_trends_seeds.py)
    assert frequent_terms(seed_corpus, "strategic partnership, nosuchword, peacekeep*", n=5) == \
        "peacekeep*, strategic partnership"
    assert frequent_terms(seed_corpus, "nosuchword, neither", n=1) == "nosuchword"


def test_the_seed_articles_are_cut_at_the_september_2023_operation(seed_corpus):
    events = PROJECT.events()
    at = cut_date(seed_corpus, events)
    assert at == pd.Timestamp("2023-09-19")  # two articles before it, two (2024) from it on
    change = compare_periods(seed_corpus, at)
    assert set(change.attrs["excluded"].reason) == {"undated"}  # no dated article straddles it


def test_without_an_event_inside_the_corpus_the_cut_is_its_median_date(seed_corpus):
    early = pd.DataFrame({"date": pd.to_datetime(["1990-01-01"]), "label": ["long ago"]})
    assert cut_date(seed_corpus, early) == pd.Timestamp("2024-01-01")
    undated = make_corpus([("a", "X", None, None, "Peacekeepers arrived.")])
    assert cut_date(undated, PROJECT.events()) is pd.NaT


@pytest.mark.parametrize("n", [1, 2])
def test_an_even_split_wins_over_a_nearer_event(n):
    corpus = make_corpus([(f"d{i}", "X", date, "day", "Talks.") for i, date in enumerate(
        ["2020-01-05", "2020-02-05", "2020-03-05", "2021-06-05"])])
    events = pd.DataFrame({"date": pd.to_datetime(["2020-03-01", "2020-02-01"][:n]),
                           "label": ["even", "uneven"][:n]})
    assert cut_date(corpus, events) == pd.Timestamp("2020-03-01")  # 2 before, 2 after
