"""The Corpus object: its tables, its indexes kept with it, and clear errors."""

from __future__ import annotations

import pytest

from workbench.index import document_axis, term_index


def test_text_of_an_unknown_document_names_it_and_shows_real_ids(seed_corpus):
    with pytest.raises(KeyError, match=r"no document 'nope' in this corpus of 5 documents; "
                                       r"ids look like '000_438739c02a2fa118'"):
        seed_corpus.text("nope")
    assert seed_corpus.text("001_067d92aa473488f3").startswith("Current state of")


def test_indexes_are_built_once_and_kept_in_the_corpus(seed_corpus):
    index, axis = term_index(seed_corpus), document_axis(seed_corpus)
    assert seed_corpus.indexes.terms is index and seed_corpus.indexes.axis is axis
    assert term_index(seed_corpus) is index and document_axis(seed_corpus) is axis


def test_the_tables_are_what_the_cache_stores(seed_corpus):
    assert list(seed_corpus.tables()) == ["documents", "paragraphs", "sentences", "tokens",
                                          "removed", "report", "metadata"]


def test_isin_gives_pandas_answer_for_strings_and_categoricals_with_missing_values():
    import pandas as pd

    from workbench.corpus.schema import isin

    ids = ["a", "b", None, "c", "a"]
    for column in (pd.Series(ids, dtype="string"), pd.Series(ids, dtype="category")):
        assert isin(column, {"a", "c"}).tolist() == [True, False, False, True, True]
        assert isin(column, []).tolist() == [False] * 5


def test_united_gives_union_categoricals_answer_for_the_norms_of_each_seed_and_missing_values(
        seed_corpus):
    import numpy as np
    import pandas as pd
    from pandas.api.types import union_categoricals

    from workbench.corpus.schema import string_categories, united

    tokens = seed_corpus.tokens
    parts = [pd.Series(pd.Categorical(tokens.norm[tokens.doc_id == d].astype("string")))
             for d in tokens.doc_id.cat.categories]  # each document's own sorted norms
    parts += [pd.Series(pd.Categorical([None, "russia"], categories=pd.Index(["zz", "russia"],
                                                                             dtype="string"))),
              pd.Series(pd.Categorical([None], categories=pd.Index([], dtype="string")))]
    expected, got = union_categoricals([string_categories(p) for p in parts]), united(parts)
    assert got.categories.equals(expected.categories) and len(got.categories) > 1000
    assert np.array_equal(got.codes, expected.codes) and got.codes.dtype == expected.codes.dtype
    assert got.categories.dtype == "string" and (got.codes == -1).sum() == 2
