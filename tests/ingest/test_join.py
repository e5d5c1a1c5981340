"""A table of the corpus joined from its stored parts part by part (`assemble._joined`) is the
table pandas gives: the parts concatenated with their labels united in order of first
appearance, the documents set aside left out, and the labels only they used removed."""

from __future__ import annotations

import pandas as pd
from pandas.api.types import union_categoricals

from workbench.corpus import schema
from workbench.corpus.cache import FileCache
from workbench.ingest.assemble import StoredPart, _joined


def _as_part(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens as a part stores them: labels in order of first appearance within the part."""
    out = tokens.reset_index(drop=True)
    for col in ("doc_id", "norm"):
        out[col] = schema.categorical(out[col].astype("string"))
    return out


def _expected(parts: list[pd.DataFrame], gone: set[str]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    out = pd.concat([p.drop(columns=["doc_id", "norm"]) for p in parts], ignore_index=True)
    for col in ("doc_id", "norm"):
        out[col] = union_categoricals([p[col] for p in parts])
    out = out[list(schema.TABLES["tokens"])]
    if gone:
        out = out[~out.doc_id.isin(gone)].reset_index(drop=True)
        for col in ("doc_id", "norm"):
            out[col] = out[col].cat.remove_unused_categories()
    return out


def test_tokens_joined_part_by_part_are_pandas_concatenation_less_the_documents_set_aside(
        seed_corpus, tmp_path):
    tokens = seed_corpus.tokens
    ids = tokens.doc_id.cat.categories.tolist()
    by_doc = [tokens[tokens.doc_id == d] for d in ids]
    # three parts (one empty), a missing norm in the last
    last = _as_part(pd.concat(by_doc[3:], ignore_index=True))
    last["norm"] = last.norm.cat.set_categories(last.norm.cat.categories.append(
        pd.Index(["unused-label"], dtype="string")))
    last.loc[len(by_doc[3]) + 5, "norm"] = None  # in the document not set aside
    tables = [_as_part(pd.concat(by_doc[:2], ignore_index=True)), schema.empty("tokens"),
              _as_part(by_doc[2]), last]
    cache = FileCache(tmp_path / "cache")
    for i, table in enumerate(tables):
        cache.store(f"part{i}", {"tokens": table})
    parts = [StoredPart(cache, f"part{i}") for i in range(len(tables))]
    for gone in (set(), {ids[0], ids[3]}):
        joined = _joined(parts, "tokens", frozenset(gone))
        expected = _expected(tables, gone)
        pd.testing.assert_frame_equal(joined, expected, check_categorical=True)
        assert joined.norm.isna().sum() == 1 and len(joined) == len(tokens) - sum(
            len(by_doc[ids.index(d)]) for d in gone)
    # the labels only the documents set aside used are gone; an unused label of a part stays
    # while no document is set aside, as in the parts
    every = _joined(parts, "tokens", frozenset()).norm.cat.categories
    assert "unused-label" in every and "unused-label" not in joined.norm.cat.categories
    assert len(joined.norm.cat.categories) < len(every) - 1

