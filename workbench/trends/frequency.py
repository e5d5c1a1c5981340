"""Keyword trends: how often terms occur per period and group.

Documents are placed on the time axis only as precisely as they are dated: a document dated to
a year is never put in a month or quarter, and undated documents stay off the axis. Both are
listed by `excluded_documents` (and in `table.attrs["excluded"]`) instead of vanishing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..index.axis import FREQ, DocumentAxis, Granularity, document_axis
from ..index.query import Query, as_queries
from ..index.terms import find, match_tokens, term_index

FREQUENCY_COLUMNS = ["period", "group", "term", "count", "documents", "tokens", "n_documents",
                     "rel_freq", "doc_share"]
PLACED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "group", "period",
                  "tokens", "reason"]
EXCLUDED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "reason"]
OTHER = "(other groups)"  # the groups `term_frequency(top=...)` adds up


def place_documents(corpus: Corpus, *, by: Granularity = "month", split: str | None = None,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Put each document in a period and a group, or say why it cannot be placed.

    Columns: doc_id, outlet, title, date (as precisely as known: "2024", "2024-04",
    "2024-04-05"; <NA> when undated), date_precision, group, period (start of the period; NaT
    when not placed), tokens (tokens in the document), reason (NA when placed).
    """
    axis = document_axis(corpus)
    frame = axis.placement(by)[0]
    labels = axis.groups(split)[0]
    keep = axis.rows(docs)
    return frame[keep].assign(group=labels[keep])[PLACED_COLUMNS].reset_index(drop=True)


def excluded_documents(corpus: Corpus, *, by: Granularity = "month",
                       docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Documents left off the time axis at granularity `by`, with the reason.

    Columns: doc_id, outlet, title, date (as `place_documents` writes it), date_precision, reason.
    """
    placed = place_documents(corpus, by=by, docs=docs)
    return placed.loc[placed.reason.notna(), EXCLUDED_COLUMNS].reset_index(drop=True)


def term_frequency(corpus: Corpus, terms, *, by: Granularity = "month", split: str | None = None,
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
    Only the matches are counted: the cells of a selection (placements, groups, tokens) are kept
    by `document_axis` between queries.
    """
    queries = as_queries(terms, groups=groups)
    axis = document_axis(corpus)
    chosen = axis.rows(docs)
    cells = axis.remember(("cells", by, split, top, _fingerprint(chosen)),
                          lambda: _Cells(axis, by, split, chosen, top))
    n_terms, n_cells = len(queries), cells.n_cells
    count = np.zeros((n_cells, n_terms), dtype=np.int64)
    documents = np.zeros((n_cells, n_terms), dtype=np.int64)
    excluded_count = np.zeros(len(cells.excluded), dtype=np.int64)
    for k, q in enumerate(queries):
        rows = axis.match_rows(q, stem=stem, compounds=compounds)
        cell = cells.cell[rows]
        count[:, k] = np.bincount(cell[cell >= 0], minlength=n_cells)
        with_term = cells.cell[np.unique(rows)]
        documents[:, k] = np.bincount(with_term[with_term >= 0], minlength=n_cells)
        out = cells.excluded_at[rows]
        excluded_count += np.bincount(out[out >= 0], minlength=len(cells.excluded))
    table = pd.DataFrame({
        "period": np.repeat(cells.periods, len(cells.names) * n_terms),
        "group": np.tile(np.repeat(cells.names, n_terms), len(cells.periods)),
        "term": np.tile(np.array([q.label for q in queries], dtype=object), n_cells),
        "count": count.ravel(),
        "documents": documents.ravel(),
        "tokens": np.repeat(cells.tokens, n_terms),
        "n_documents": np.repeat(cells.n_documents, n_terms),
    })
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rel_freq"] = np.where(table.tokens > 0, table["count"] / table.tokens * per, np.nan)
        table["doc_share"] = np.where(table.n_documents > 0,
                                      table.documents / table.n_documents, np.nan)
    table.attrs["per"] = per
    table.attrs["excluded"] = cells.excluded.assign(count=excluded_count)
    return table


def _fingerprint(chosen: np.ndarray) -> str:
    """A short key for a selection of documents rows."""
    return hashlib.blake2b(np.packbits(chosen).tobytes(), digest_size=16).hexdigest()


class _Cells:
    """The (period, group) cells of a trend table for one granularity, split and selection, kept
    by the document axis so that a query only counts its matches: `cell` is each documents
    row's cell (-1 when not chosen or not placed), `periods` and `names` the cells' period
    starts and group labels (cell = period × len(names) + group), `tokens` and `n_documents`
    per cell; `excluded` the chosen documents not placed (EXCLUDED_COLUMNS) and `excluded_at`
    each row's place in it (-1 if none)."""

    def __init__(self, axis: DocumentAxis, by: Granularity, split: str | None,
                 chosen: np.ndarray, top: int | None):
        frame, ordinal, placed = axis.placement(by)
        on = chosen & placed
        codes, names = _grouping(axis, split, on, top)
        present = np.flatnonzero(np.bincount(codes[on], minlength=len(names)))
        first, last = (ordinal[on].min(), ordinal[on].max()) if on.any() else (0, -1)
        slot = np.full(len(names), -1, dtype=np.int64)
        slot[present] = np.arange(len(present))
        self.names = names[present]
        self.n_cells = (last - first + 1) * len(present)
        self.cell = np.full(len(on), -1, dtype=np.int64)
        self.cell[on] = (ordinal[on] - first) * len(present) + slot[codes[on]]
        self.periods = pd.PeriodIndex.from_ordinals(np.arange(first, last + 1),
                                                    freq=FREQ[by]).start_time.to_numpy()
        self.tokens = np.bincount(self.cell[on], axis.tokens[on], minlength=self.n_cells
                                  ).astype(np.int64)
        self.n_documents = np.bincount(self.cell[on], minlength=self.n_cells).astype(np.int64)
        out = ~placed & chosen
        self.excluded = frame.loc[out, EXCLUDED_COLUMNS].reset_index(drop=True)
        self.excluded_at = np.full(len(out), -1, dtype=np.int64)
        self.excluded_at[out] = np.arange(out.sum())


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


def point_documents(corpus: Corpus, *, period, group: str, by: Granularity = "month",
                    split: str | None = None, docs: Iterable[str] | None = None,
                    top: int | None = None) -> np.ndarray:
    """The doc_ids of one cell of `term_frequency` (same `split`, `docs` and `top`): the
    documents placed in that period and group (a document dated only to a year is in no month)."""
    axis = document_axis(corpus)
    frame, _, placed = axis.placement(by)
    on = axis.rows(docs) & placed
    codes, names = _grouping(axis, split, on, top)
    hit = on & (frame.period == pd.Timestamp(period)).to_numpy() & (names[codes] == group)
    return axis.ids[hit]


def point_spans(corpus: Corpus, query: Query, *, period, group: str, by: Granularity = "month",
                split: str | None = None, stem: bool = False, compounds: bool = True,
                docs: Iterable[str] | None = None, top: int | None = None) -> pd.DataFrame:
    """The matches behind one point of `term_frequency` (same `split`, `docs`, `top` and the
    switches): `query` in the documents of that period and group (`point_documents`).
    Columns: those of `workbench.index.find`."""
    ids = point_documents(corpus, period=period, group=group, by=by, split=split, docs=docs,
                          top=top)
    return find(term_index(corpus), query, stem=stem, compounds=compounds, docs=ids)


def frequent_terms(corpus: Corpus, terms=None, *, groups: Mapping[str, Query] | None = None,
                   n: int = 3) -> str:
    """The `n` of `terms` (a query string; default: every keyword group of `groups`, as
    `@group`) with most matches in the corpus, most first, as a query string: notebook 02's
    default terms, so it follows what this corpus talks about. Those without a match are left
    out, unless none matches: then the first `n`.

    For example "@conflict, @west, @mediation" on the seed articles with the project's groups.
    """
    queries = as_queries([f"@{name}" for name in groups or {}] if terms is None else terms,
                         groups=groups)
    index = term_index(corpus)
    counts = pd.Series([len(match_tokens(index, q).first) for q in queries], dtype="int64")
    ranked = counts[counts > 0].sort_values(ascending=False, kind="stable").index[:n].tolist() \
        or list(range(min(n, len(queries))))
    return ", ".join(f"@{queries[i].label}" if (groups or {}).get(queries[i].label) is queries[i]
                     else queries[i].label for i in ranked)
