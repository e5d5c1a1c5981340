"""The discovered actors of a mentions table, one row each, for a researcher to review."""

from __future__ import annotations

import pandas as pd

from ..index.passages import passages

COLUMNS = ["actor", "type", "evidence", "mentions", "documents", "surfaces"]


def discovered_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors `find_mentions(discovery=...)` found outside the dictionary, most mentioned first.

    Columns: actor, type, evidence (the patterns that found it, most frequent first), mentions,
    documents, surfaces (its distinct forms in the text, most frequent first, joined by " | ").
    """
    found = mentions[mentions["discovered"]]
    if found.empty:
        return pd.DataFrame(columns=COLUMNS)
    by_count = lambda s: list(s.value_counts().index)  # noqa: E731
    table = found.groupby("actor", as_index=False).agg(
        type=("type", "first"), evidence=("evidence", lambda s: ", ".join(by_count(s))),
        mentions=("doc_id", "size"), documents=("doc_id", "nunique"),
        surfaces=("surface", lambda s: " | ".join(by_count(s))))
    return table.sort_values(["mentions", "documents", "actor"], ascending=[False, False, True],
                             ignore_index=True)[COLUMNS]


def discovered_passages(corpus, mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The passages behind one discovered actor: `index.passages` of its mentions, with the
    pattern that found each (`evidence`)."""
    rows = mentions[mentions["discovered"] & (mentions["actor"] == actor)]
    return passages(corpus, rows[["doc_id", "start", "end", "evidence"]])
