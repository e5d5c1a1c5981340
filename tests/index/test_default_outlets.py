"""The outlets a notebook shows by default come from the corpus: the largest first, so a notebook
runs unchanged on an export whose outlets are not the seed articles'."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from workbench.index import largest_groups, most_frequent

PEKCETIN = "004_3e57617027b9e7e9"  # no outlet: the document is its own group


def test_the_largest_seed_outlets_tie_on_documents_and_are_ranked_by_tokens(seed_corpus):
    # one article each; Trend's interview is the longest (1,104 tokens), then JAMnews (1,003)
    assert largest_groups(seed_corpus) == ["Trend"]
    assert largest_groups(seed_corpus, 2) == ["Trend", "JAMnews"]
    assert largest_groups(seed_corpus, 10) == ["Trend", "JAMnews", "RUSSTRAT", "AzerNews", PEKCETIN]


def test_more_documents_outweigh_more_tokens_and_a_tie_goes_by_name():
    docs = pd.DataFrame({"doc_id": list("abcdef"), "outlet": ["Big", "Small", "Small", "Small",
                                                                "Twin", None],
                         "n_tokens": [5000, 10, 10, 10, 5000, 5000]})
    corpus = SimpleNamespace(documents=docs)
    assert largest_groups(corpus, 4) == ["Small", "Big", "Twin", "f"]


def test_most_frequent_keeps_the_candidates_order_on_a_tie_and_ignores_others():
    seen = pd.Series(["west", "conflict", "west", "conflict", "unlisted", "unlisted", "unlisted"])
    assert most_frequent(seen, ["alliance", "conflict", "west"], 3) == ["conflict", "west"]
    assert most_frequent(seen.iloc[:0], ["alliance", "conflict"], 1) == ["alliance"]
