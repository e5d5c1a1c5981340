"""Keyword trends: how often terms occur per period and group.

Documents are placed on the time axis only as precisely as they are dated: a document dated to
a year is never put in a month or quarter, and undated documents stay off the axis. Both are
listed by `excluded_documents` (and in `table.attrs["excluded"]`) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..index.axis import FREQ, DocumentAxis, Granularity, document_axis
from ..index.query import Query, as_queries
from ..index.terms import find, term_index

FREQUENCY_COLUMNS = ["period", "group", "term", "count", "documents", "tokens", "n_documents",
                     "rel_freq", "doc_share"]
PLACED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "group", "period",
                  "tokens", "reason"]
EXCLUDED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "reason"]
OTHER = "(other groups)"  # the groups `term_frequency(top=...)` adds up


def place_documents(corpus, *, by: Granularity = "month", split: str | None = None,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Put each document in a period and a group, or say why it cannot be placed.

    Columns: doc_id, outlet, title, date, date_precision, group, period (start of the period;
    NaT when not placed), tokens (tokens in the document), reason (NA when placed).
    """
    axis = document_axis(corpus)
    frame = axis.placement(by)[0]
    labels = axis.groups(split)[0]
    keep = axis.rows(docs)
    return frame[keep].assign(group=labels[keep])[PLACED_COLUMNS].reset_index(drop=True)


def excluded_documents(corpus, *, by: Granularity = "month",
                       docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Documents left off the time axis at granularity `by`, with the reason.

    Columns: doc_id, outlet, title, date, date_precision, reason.
    """
    placed = place_documents(corpus, by=by, docs=docs)
    return placed.loc[placed.reason.notna(), EXCLUDED_COLUMNS].reset_index(drop=True)


def term_frequency(corpus, terms, *, by: Granularity = "month", split: str | None = None,
                   per: int = 10_000, stem: bool = False, compounds: bool = True,
                   groups: Mapping[str, Query] | None = None, docs: Iterable[str] | None = None,
                   top: int | None = None) -> pd.DataFrame:
    """Occurrences of each term per period and group, with every empty period as a zero row.

    `terms` is a query string, a list of terms or of `Query` objects (see `workbench.index.query`);
    with `compounds` a word also counts where it is part of a hyphenated word ("Azerbaijan-Russia").
    Columns: period (start), group, term, count (occurrences), documents (documents containing
    the term), tokens (tokens in the period and group), n_documents (documents in it),
    rel_freq (count per `per` tokens; NaN where there are no tokens), doc_share (documents /
    n_documents). `attrs["excluded"]` lists the documents not placed on the axis (see
    `excluded_documents`) with `count`, their occurrences of all terms.
    With `top`, only the `top` groups with most tokens in the selection keep their own rows;
    the others are added up as one group, OTHER (a split by 3,000 outlets stays readable).
    Only the matches are aggregated: placements and groups come from `document_axis`.
    """
    queries = as_queries(terms, groups=groups)
    axis = document_axis(corpus)
    frame, ordinal, placed = axis.placement(by)
    chosen = axis.rows(docs)
    counts = np.array([axis.match_counts(q, stem=stem, compounds=compounds) for q in queries],
                      dtype=np.int64).reshape(len(queries), len(chosen))
    on = chosen & placed
    codes, names = _grouping(axis, split, on, top)
    present = np.unique(codes[on])
    first, last = (ordinal[on].min(), ordinal[on].max()) if on.any() else (0, -1)
    n_cells = (last - first + 1) * len(present)
    cell = (ordinal[on] - first) * len(present) + np.searchsorted(present, codes[on])

    def per_cell(weights=None) -> np.ndarray:
        return np.bincount(cell, weights, minlength=n_cells).astype(np.int64)

    def per_cell_and_term(values: np.ndarray) -> np.ndarray:
        return np.array([per_cell(v) for v in values], dtype=np.int64).reshape(
            len(values), n_cells).T.ravel()

    hits = counts[:, on]
    periods = pd.PeriodIndex.from_ordinals(np.arange(first, last + 1), freq=FREQ[by]).start_time
    table = pd.DataFrame({
        "period": np.repeat(periods.to_numpy(), len(present) * len(queries)),
        "group": np.tile(np.repeat(names[present], len(queries)), len(periods)),
        "term": np.tile(np.array([q.label for q in queries], dtype=object), n_cells),
        "count": per_cell_and_term(hits),
        "documents": per_cell_and_term(hits > 0),
    })
    table["tokens"] = np.repeat(per_cell(axis.tokens[on]), len(queries))
    table["n_documents"] = np.repeat(per_cell(), len(queries))
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rel_freq"] = np.where(table.tokens > 0, table["count"] / table.tokens * per, np.nan)
        table["doc_share"] = np.where(table.n_documents > 0,
                                      table.documents / table.n_documents, np.nan)
    out = ~placed & chosen
    excluded = frame.loc[out, EXCLUDED_COLUMNS].assign(count=counts[:, out].sum(axis=0))
    table.attrs["per"] = per
    table.attrs["excluded"] = excluded.reset_index(drop=True)
    return table


def _grouping(axis: DocumentAxis, split: str | None, on: np.ndarray,
              top: int | None) -> tuple[np.ndarray, np.ndarray]:
    """(group code per documents row, labels): those of `axis.groups(split)`, or with `top`
    the `top` groups with most tokens in the rows `on` and OTHER for the rest."""
    _, codes, names = axis.groups(split)
    present = np.flatnonzero(np.bincount(codes[on], minlength=len(names)))
    if top is None or len(present) <= top:
        return codes, names
    size = np.bincount(codes[on], weights=axis.tokens[on], minlength=len(names))
    kept = np.sort(present[np.lexsort((present, -size[present]))][:top])
    recode = np.full(len(names), top)
    recode[kept] = np.arange(top)
    return recode[codes], np.append(names[kept], OTHER)


def point_spans(corpus, query: Query, *, period, group: str, by: Granularity = "month",
                split: str | None = None, stem: bool = False, compounds: bool = True,
                docs: Iterable[str] | None = None, top: int | None = None) -> pd.DataFrame:
    """The matches behind one point of `term_frequency` (same `split`, `docs`, `top` and the
    switches):
    `query` in the documents of that period and group. Columns: those of
    `workbench.index.find`."""
    axis = document_axis(corpus)
    frame, _, placed = axis.placement(by)
    on = axis.rows(docs) & placed
    codes, names = _grouping(axis, split, on, top)
    hit = on & (frame.period == pd.Timestamp(period)).to_numpy() & (names[codes] == group)
    return find(term_index(corpus), query, stem=stem, compounds=compounds, docs=axis.ids[hit])
