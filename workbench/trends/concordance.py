"""Keyword in context: every match of a query with the words on either side, sortable.

All matches are sorted from token and document codes; context strings are cut only for the
first `limit` rows, so a frequent term costs little more than a rare one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.options import check_option
from ..index.axis import document_axis
from ..index.query import Query, as_queries
from ..index.terms import match_tokens

Sort = Literal["position", "left", "right"]
KWIC_COLUMNS = ["doc_id", "outlet", "date", "title", "left", "match", "right", "term",
                "start", "end", "sent_id", "tok_start"]
SORT_KEYS = 3  # words compared when sorting by left or right context
LIMIT = 1000  # rows returned by default; `attrs["total"]` says how many matches there are
_SPACE = re.compile(r"\s+")


def kwic(corpus: Corpus, query, *, window: int = 5,
         sort: Sort = "position", stem: bool = False, compounds: bool = True,
         groups: Mapping[str, Query] | None = None,
         docs: Iterable[str] | None = None, limit: int | None = LIMIT) -> pd.DataFrame:
    """Concordance of `query`: `window` tokens of context left and right of each match.

    Sorting by "left" orders by the word just before the match, then the one before it
    (L1, L2, L3); "right" by R1, R2, R3; "position" by document date, then offset.
    Contexts are the document's own text (punctuation kept, whitespace collapsed). With
    `compounds`, a word also matches a part of a hyphenated word, the match being that part.
    Only the first `limit` rows in that order are returned (all with `limit=None`);
    `attrs["total"]` is the number of matches and `attrs["limit"]` the cap.
    Columns: doc_id, outlet, date (as precisely as known: "2024", "2024-04", "2024-04-05"),
    title, left, match, right, term, start, end, sent_id, tok_start.
    """
    check_option("sort", sort, Sort)
    queries = as_queries(query, groups=groups)
    axis = document_axis(corpus)
    index = axis.index
    found = [match_tokens(index, q, stem=stem, compounds=compounds) for q in queries]
    a, b, start, end = (np.concatenate([getattr(f, k) for f in found] or [np.array([], np.int64)])
                        for k in ("first", "last", "start", "end"))
    term = np.repeat(np.array([q.label for q in queries], dtype=object),
                     [len(f.first) for f in found])
    code = index.doc_code[a]
    inside = axis.rows(docs)[axis.row_of_code[code]]
    a, b, start, end, term, code = (x[inside] for x in (a, b, start, end, term, code))
    total = len(a)
    if not total:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in KWIC_COLUMNS})
    else:
        first = index.doc_start[code]
        keep = _order(axis, sort, a, b, start, code, first)[:limit]
        out = _table(axis, a[keep], b[keep], start[keep], end[keep], term[keep], first[keep],
                     window)
    out.attrs.update(total=total, limit=limit)
    return out


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _order(axis, sort: str, a: np.ndarray, b: np.ndarray, start: np.ndarray, code: np.ndarray,
           first: np.ndarray) -> np.ndarray:
    """Positions of the matches in display order (ties keep query, then text order)."""
    rows = axis.row_of_code[code]
    dates = axis.documents.date.to_numpy()
    date = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.view(np.int64))[rows]
    if sort == "position":
        return np.lexsort((start, axis.id_rank[rows], date))
    index = axis.index
    tok_id, ranks = index.tokens.tok_id.to_numpy(), index.norm_rank
    norms = index.tokens.norm.cat.codes.to_numpy()
    keys = []
    for k in range(1, SORT_KEYS + 1):
        pos = tok_id[a] - k if sort == "left" else tok_id[b] + k
        inside = (pos >= 0) & (pos < index.doc_tokens[code])
        keys.append(np.where(inside, ranks[norms[np.where(inside, first + pos, 0)]], ranks[-1]))
    return np.lexsort((start, date, *keys[::-1]))


def _table(axis, a: np.ndarray, b: np.ndarray, start: np.ndarray, end: np.ndarray,
           term: np.ndarray, first: np.ndarray, window: int) -> pd.DataFrame:
    """KWIC rows for the matches from token rows `a` to `b`, at characters `start` to `end`."""
    index = axis.index
    tok = index.tokens
    code = index.doc_code[a]
    rows = axis.row_of_code[code]
    last = first + index.doc_tokens[code] - 1
    tok_id, starts, ends = (tok[c].to_numpy() for c in ("tok_id", "start", "end"))
    left = starts[np.clip(first + tok_id[a] - window, first, last)]
    right = ends[np.clip(first + tok_id[b] + window, first, last)]
    docs = axis.documents[["text", "outlet", "title"]].iloc[rows]
    texts = docs.text.to_numpy()
    pieces = [(_clean(t[min(lo, s):s]), _clean(t[s:e]), _clean(t[e:max(hi, e)]))
              for t, lo, s, e, hi in zip(texts, left, start, end, right, strict=True)]
    return pd.DataFrame({
        "doc_id": index.doc_ids[code].astype(str), "outlet": docs.outlet.to_numpy(),
        "date": axis.date_labels[rows], "title": docs.title.to_numpy(),
        "left": [p[0] for p in pieces], "match": [p[1] for p in pieces],
        "right": [p[2] for p in pieces], "term": term, "start": start, "end": end,
        "sent_id": tok.sent_id.to_numpy()[a], "tok_start": tok_id[a],
    })
