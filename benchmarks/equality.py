"""The whole corpus tokenized both ways: words of a whole chunk (polars, `RUST_PATTERN`) and
sentence by sentence (`TOKEN_PATTERN`, the reference reading). Ingest takes the first and falls
back on the second only where they could differ, so they must agree on every token. And two
corpora loaded on different executors (inline, the pool, a cluster) must have equal tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.corpus.corpus import TABLES
from workbench.ingest.pipeline import CHUNK_ROWS
from workbench.ingest.tokens import Tokenizer


def token_paths_agree(corpus) -> dict:
    """{"tokens": words compared, "chunks": chunks, "read_whole": chunks read whole by polars,
    "identical": whether every chunk gave the same words, offsets, sentences and surfaces}."""
    tok = Tokenizer()
    docs = corpus.documents[["doc_id", "text"]]
    sents = corpus.sentences
    codes = sents.doc_id.astype(str).map(dict(zip(docs.doc_id.astype(str), range(len(docs)))))
    bounds = np.searchsorted(codes.to_numpy(), np.arange(len(docs) + 1))
    starts, ends = sents.start.to_numpy(), sents.end.to_numpy()
    out = {"tokens": 0, "chunks": 0, "read_whole": 0, "identical": True}
    texts = docs.text.astype(str).tolist()
    for first in range(0, len(texts), CHUNK_ROWS):
        chunk = range(first, min(first + CHUNK_ROWS, len(texts)))
        spans = [list(zip(starts[bounds[i]:bounds[i + 1]].tolist(), ends[bounds[i]:bounds[i + 1]].tolist()))
                 for i in chunk]
        part = [texts[i] for i in chunk]
        whole, reference = tok._words_of_chunk(part, spans), tok._words_in(part, spans)
        out["chunks"] += 1
        out["tokens"] += len(reference[1])
        if whole is None:
            continue
        out["read_whole"] += 1
        same = all(np.array_equal(whole[0][c], reference[0][c]) for c in reference[0]) and \
            np.array(whole[2], dtype=object)[whole[1]].tolist() == \
            np.array(reference[2], dtype=object)[reference[1]].tolist()
        out["identical"] &= bool(same)
    return out


def assert_same_tables(got, expected) -> None:
    """AssertionError naming the table (and column) unless every table of corpus `got` equals
    `expected`'s: values, dtypes, and each categorical column's categories and codes."""
    for table in TABLES:
        left, right = got.tables()[table], expected.tables()[table]
        pd.testing.assert_frame_equal(left, right, check_dtype=True, check_categorical=True,
                                      obj=table)
        for col in left.columns:
            if isinstance(left[col].dtype, pd.CategoricalDtype):
                assert left[col].cat.categories.equals(right[col].cat.categories), (table, col)
                assert (left[col].cat.codes.to_numpy() == right[col].cat.codes.to_numpy()).all()
