"""Keyword in context: every match of a query with the words on either side, sortable."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from workbench.query import Query, as_queries, find, term_index

KWIC_COLUMNS = ["doc_id", "outlet", "date", "title", "left", "match", "right", "term",
                "start", "end", "sent_id", "tok_start"]
SORT_KEYS = 3  # words compared when sorting by left or right context
_SPACE = re.compile(r"\s+")


def kwic(corpus, query, *, window: int = 5,
         sort: Literal["position", "left", "right"] = "position", stem: bool = False,
         groups: Mapping[str, Query] | None = None,
         docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Concordance of `query`: `window` tokens of context left and right of each match.

    Sorting by "left" orders by the word just before the match, then the one before it
    (L1, L2, L3); "right" by R1, R2, R3; "position" by document date, then offset.
    Contexts are the document's own text (punctuation kept, whitespace collapsed).
    Columns: doc_id, outlet, date, title, left, match, right, term, start, end, sent_id,
    tok_start.
    """
    if sort not in ("position", "left", "right"):
        raise ValueError(f"sort={sort!r} is invalid; expected one of 'position', 'left', 'right'")
    queries = as_queries(query, groups=groups)
    index = term_index(corpus)
    spans = pd.concat([find(index, q, stem=stem, docs=docs) for q in queries], ignore_index=True)
    if spans.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KWIC_COLUMNS})
    tok = index.tokens
    first = np.concatenate([[0], np.cumsum(index.doc_tokens)[:-1]])
    doc = index.doc_index.get_indexer(spans.doc_id)
    lo, hi = first[doc], first[doc] + index.doc_tokens[doc] - 1
    left_row = np.clip(first[doc] + spans.tok_start.to_numpy() - window, lo, hi)
    right_row = np.clip(first[doc] + spans.tok_end.to_numpy() - 1 + window, lo, hi)
    starts, ends = tok.start.to_numpy(), tok.end.to_numpy()
    meta = corpus.documents.set_index(corpus.documents.doc_id.astype(str))
    text = meta.text
    rows = []
    for span, a, b in zip(spans.itertuples(), starts[left_row], ends[right_row], strict=True):
        body = text[span.doc_id]
        rows.append((_clean(body[min(a, span.start):span.start]),
                     _clean(body[span.start:span.end]),
                     _clean(body[span.end:max(b, span.end)])))
    out = spans.assign(
        left=[r[0] for r in rows], match=[r[1] for r in rows], right=[r[2] for r in rows],
        outlet=meta.outlet.reindex(spans.doc_id).to_numpy(),
        date=meta.date.reindex(spans.doc_id).to_numpy(),
        title=meta.title.reindex(spans.doc_id).to_numpy(),
    )
    return _sorted(out, sort, index, first[doc])[KWIC_COLUMNS].reset_index(drop=True)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _sorted(table: pd.DataFrame, sort: str, index, doc_first: np.ndarray) -> pd.DataFrame:
    if sort == "position":
        return table.sort_values(["date", "doc_id", "start"], na_position="last", kind="stable")
    norm = index.tokens.norm
    codes, names = norm.cat.codes.to_numpy(), np.asarray(norm.cat.categories, dtype=object)
    keys = {}
    for k in range(1, SORT_KEYS + 1):
        if sort == "left":
            tok = table.tok_start.to_numpy() - k
        else:
            tok = table.tok_end.to_numpy() - 1 + k
        inside = (tok >= 0) & (tok < index.doc_tokens[index.doc_index.get_indexer(
            table.doc_id)])
        row = np.where(inside, doc_first + tok, 0)
        keys[f"key{k}"] = np.where(inside, names[codes[row]], "")
    return table.assign(**keys).sort_values(list(keys) + ["date", "start"], kind="stable")
