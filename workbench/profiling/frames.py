"""Frames: how often each outlet uses the vocabulary of a framing lexicon, per 1,000 tokens.

Lexicons live in `data/frames.csv` (frame, terms, language, notes), one or more rows per
frame, read by `Project.frames()`; `terms` uses the query syntax of `workbench.index.query`.
Within a frame, overlapping terms count once (the longest), so "strategic partnership" is not
also counted as "partnership".
"""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..index.groups import most_frequent
from ..index.query import Query
from ..index.terms import find, term_index

RATE_COLUMNS = ["group", "frame", "count", "tokens", "per_1k", "documents", "n_documents"]


def frame_matches(corpus: Corpus, frames: dict[str, Query]) -> pd.DataFrame:
    """Every match of every frame. Columns: doc_id, start, end, sent_id, frame."""
    index = term_index(corpus)
    found = [find(index, q).assign(frame=name) for name, q in frames.items()]
    cols = ["doc_id", "start", "end", "sent_id", "frame"]
    return pd.concat(found, ignore_index=True)[cols] if found else pd.DataFrame(columns=cols)


def frame_rates(matches: pd.DataFrame, documents: pd.DataFrame, groups: pd.Series,
                frames: list[str]) -> pd.DataFrame:
    """Matches of each frame per 1,000 tokens of each group (zeros included).

    `groups` maps doc_id to a group label. Columns: group, frame, count, tokens (of the group),
    per_1k = 1000 * count / tokens, documents (with at least one match), n_documents.
    """
    docs = documents.assign(doc_id=documents.doc_id.astype(str))
    docs = docs.assign(group=docs.doc_id.map(groups))
    size = docs.groupby("group", sort=False).agg(tokens=("n_tokens", "sum"),
                                                 n_documents=("doc_id", "size"))
    m = matches.assign(group=matches.doc_id.map(groups))
    counts = m.groupby(["group", "frame"]).agg(count=("doc_id", "size"),
                                               documents=("doc_id", "nunique"))
    grid = pd.MultiIndex.from_product([size.index, frames], names=["group", "frame"])
    out = counts.reindex(grid, fill_value=0).reset_index().join(size, on="group")
    out["per_1k"] = 1000 * out["count"] / out.tokens.where(out.tokens > 0)
    return out[RATE_COLUMNS]


def most_matched_frame(matches: pd.DataFrame, frames: dict[str, Query]) -> str:
    """The frame with most `frame_matches`; the lexicon's first when none matches."""
    return most_frequent(matches.frame, frames)[0]
