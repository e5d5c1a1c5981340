"""The term index's postings (the words of the corpus, each with its positions sorted) are kept
with a corpus opened from the cache: a later session maps them instead of sorting every word
again, and its queries give what a freshly built index gives."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from workbench import load_corpus, trends
from workbench.corpus.corpus import Indexes
from workbench.index import terms

ARRAYS = ("parts", "offsets", "part_token", "part_code", "order", "sentence", "doc_code")


def _load(folder):
    return load_corpus(folder, metadata=folder.parent / "sources.csv", cache_dir=folder.parent / ".c")


@pytest.fixture
def built(monkeypatch):
    """How often the postings were computed rather than read."""
    calls, original = [], terms.postings
    monkeypatch.setattr(terms, "postings", lambda tokens: calls.append(len(tokens)) or original(tokens))
    return calls


def test_a_later_session_maps_the_postings_kept_with_the_corpus(seed_copy, built):
    first = _load(seed_copy)
    index = terms.term_index(first)
    assert len(built) == 1 and terms.term_index(first) is index
    assert sorted(p.name.rsplit("-", 1)[0] for p in (first.store / "derived").glob("*.arrow")) == \
        ["term-positions", "term-vocabulary"]
    again = _load(seed_copy)  # another session, the same cache entry
    kept = terms.term_index(again)
    assert len(built) == 1  # read, not computed
    assert not kept.order.flags.owndata  # a view of the mapped file, not a copy
    fresh = terms.TermIndex(again.tokens)
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(kept, name), getattr(fresh, name), err_msg=name)
    assert (kept.parts[1:] > kept.parts[:-1]).all()  # sorted: queries search it
    assert len(fresh.part_code) > len(again.tokens)  # joined expressions: words beyond tokens
    in_memory = replace(again, store=None, indexes=Indexes())  # builds its own
    for query in ("peacekeep*", "russian peacekeepers", "karabakh"):
        assert len(trends.kwic(again, query)) > 0
        pd.testing.assert_frame_equal(trends.kwic(again, query), trends.kwic(in_memory, query))
    words = ["peacekeepers", "corridor", "declaration on allied interaction"]
    pd.testing.assert_frame_equal(trends.term_frequency(again, words, by="year"),
                                  trends.term_frequency(in_memory, words, by="year"))


def test_other_tokens_or_a_damaged_file_are_computed_again(seed_copy, built):
    corpus = _load(seed_copy)
    expected = terms.term_index(corpus)
    for stored in (corpus.store / "derived").glob("term-positions-*.arrow"):
        stored.write_bytes(b"not arrow")
    corpus.indexes.terms = None
    np.testing.assert_array_equal(terms.term_index(corpus).order, expected.order)
    assert len(built) == 2
    fewer = corpus.tokens[corpus.tokens.doc_id != corpus.tokens.doc_id.iloc[0]]
    subset = replace(corpus, tokens=fewer)  # the same store, other tokens
    np.testing.assert_array_equal(terms.term_index(subset).part_token,
                                  terms.TermIndex(fewer).part_token)
    assert len(built) == 4  # the subset's, and the fresh one's
