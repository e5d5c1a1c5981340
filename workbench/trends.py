"""Keyword trends: how often terms occur per period and group, and what changed after a date.

Documents are placed on the time axis only as precisely as they are dated: a document dated to
a year is never put in a month or quarter, and undated documents stay off the axis. Both are
listed by `excluded_documents` (and in `table.attrs["excluded"]`) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from workbench.dates import parse_date
from workbench.groups import group_labels
from workbench.keyness import keyness
from workbench.paths import data_path
from workbench.query import Query, as_queries, find, match_tokens, term_index

Granularity = Literal["day", "week", "month", "quarter", "year"]
FREQ = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: the coarsest date precision each granularity can use
NEEDS = {"day": "day", "week": "day", "month": "month", "quarter": "month", "year": "year"}
RANK = {"day": 0, "month": 1, "year": 2}
_LAST_DAY = {"day": pd.offsets.Day(0), "month": pd.offsets.MonthEnd(0),
             "year": pd.offsets.YearEnd(0)}

FREQUENCY_COLUMNS = ["period", "group", "term", "count", "documents", "tokens", "n_documents",
                     "rel_freq", "doc_share"]
PLACED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "group", "period",
                  "tokens", "reason"]
EXCLUDED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "reason"]
OTHER = "(other groups)"  # the groups `term_frequency(top=...)` adds up


def date_end(documents: pd.DataFrame) -> pd.Series:
    """Last day each document may have been written on, given its date precision."""
    ends = documents.date.copy()
    for precision, offset in _LAST_DAY.items():
        rows = documents.date_precision == precision
        ends[rows] = documents.date[rows] + offset
    return ends


def select_documents(corpus, *, outlets: Iterable[str] | None = None, start=None,
                     end=None) -> pd.Index:
    """doc_ids of the documents from `outlets` whose whole date span lies in [start, end].

    Undated documents are kept only when no date bound is given.
    """
    axis = document_axis(corpus)
    docs = axis.documents
    keep = np.ones(len(docs), dtype=bool)
    if outlets is not None:
        _, codes, names = axis.groups("outlet")
        keep &= np.isin(codes, pd.Index(names).get_indexer(list(outlets)))
    if start is not None:
        keep &= (docs.date >= pd.Timestamp(start)).fillna(False).to_numpy()
    if end is not None:
        keep &= (date_end(docs) <= pd.Timestamp(end)).fillna(False).to_numpy()
    return axis.ids[keep]


class DocumentAxis:
    """What queries need about each document, computed once per corpus (see `document_axis`).

    Rows follow `corpus.documents`. `row_of_code` is the documents row of each `TermIndex`
    document code (-1 when none), `tokens` each document's number of tokens; the placement on
    the time axis per granularity, the group codes per split column and the norm counts per
    group are computed on first use and kept, so a query only aggregates its matches.
    """

    def __init__(self, documents: pd.DataFrame, index):
        self.documents, self.index = documents, index
        self.ids = pd.Index(documents.doc_id.astype(str))
        self.row_of_code = self.ids.get_indexer(index.doc_ids)
        known = self.row_of_code >= 0
        self.tokens = np.zeros(len(documents), dtype=np.int64)
        self.tokens[self.row_of_code[known]] = index.doc_tokens[known]
        self._placements: dict[str, tuple[pd.DataFrame, np.ndarray, np.ndarray]] = {}
        self._groups: dict[str | None, tuple[pd.Series, np.ndarray, np.ndarray]] = {}
        self._group_counts: dict[str | None, sparse.csr_matrix] = {}
        self._selection: tuple[pd.Index | None, np.ndarray] = (None, np.ones(0, dtype=bool))

    @cached_property
    def id_rank(self) -> np.ndarray:
        """Place of each row's doc_id in text order."""
        return np.unique(np.asarray(self.ids, dtype=object), return_inverse=True)[1]

    def rows(self, docs: Iterable[str] | None) -> np.ndarray:
        """True for the documents rows whose doc_id is in `docs` (every row when None)."""
        if docs is None:
            return np.ones(len(self.ids), dtype=bool)
        if docs is self._selection[0]:  # an Index cannot change: its rows are still the same
            return self._selection[1]
        keep = np.zeros(len(self.ids), dtype=bool)
        found = self.ids.get_indexer(docs if isinstance(docs, pd.Index) else list(docs))
        keep[found[found >= 0]] = True
        keep.flags.writeable = False
        if isinstance(docs, pd.Index):
            self._selection = docs, keep
        return keep

    def placement(self, by: Granularity) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """(`place_documents` columns but group, period ordinal per row, True where placed)."""
        if by not in self._placements:
            d = self.documents
            precision = d.date_precision.astype("string")
            rank = pd.to_numeric(precision.astype(object).map(RANK))
            coarse = (rank > RANK[NEEDS[by]]).to_numpy()
            undated = (d.date.isna() | precision.isna()).to_numpy()
            reason = pd.Series(pd.NA, index=d.index, dtype="string")
            reason[coarse] = "dated only to the " + precision[coarse] + f"; too coarse for by={by!r}"
            reason[undated] = "undated"
            placed = reason.isna().to_numpy()
            periods = d.date[placed].dt.to_period(FREQ[by])
            period = pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]")
            period[placed] = periods.dt.start_time
            ordinal = np.zeros(len(d), dtype=np.int64)
            ordinal[placed] = periods.array.asi8
            frame = pd.DataFrame({
                "doc_id": d.doc_id.astype(str), "outlet": d.outlet, "title": d.title,
                "date": d.date, "date_precision": precision, "period": period,
                "tokens": self.tokens, "reason": reason,
            }).reset_index(drop=True)
            self._placements[by] = frame, ordinal, placed
        return self._placements[by]

    def groups(self, split: str | None) -> tuple[pd.Series, np.ndarray, np.ndarray]:
        """(group label per row, code per row, the sorted labels the codes point into)."""
        if split not in self._groups:
            labels = group_labels(self.documents, split).reset_index(drop=True)
            names = np.array(sorted(set(labels)), dtype=object)
            codes = pd.Index(names).get_indexer(labels)
            self._groups[split] = labels, codes, names
        return self._groups[split]

    def group_counts(self, split: str | None) -> sparse.csr_matrix:
        """Occurrences of each norm (columns of `index.matrix`) per group of `groups(split)`."""
        if split not in self._group_counts:
            _, codes, names = self.groups(split)
            known = np.flatnonzero(self.row_of_code >= 0)
            member = sparse.csr_matrix(
                (np.ones(len(known), dtype=np.int64), (codes[self.row_of_code[known]], known)),
                shape=(len(names), len(self.row_of_code)))
            self._group_counts[split] = (member @ self.index.matrix).tocsr()
        return self._group_counts[split]

    def match_counts(self, query: Query, *, stem: bool = False) -> np.ndarray:
        """Matches of `query` in each documents row."""
        first, _ = match_tokens(self.index, query, stem=stem)
        rows = self.row_of_code[self.index.doc_code[first]]
        return np.bincount(rows[rows >= 0], minlength=len(self.ids))


def document_axis(corpus) -> DocumentAxis:
    """The corpus's `DocumentAxis`, built on first use and kept until its tables change."""
    axis = getattr(corpus, "_document_axis", None)
    index = term_index(corpus)
    if axis is None or axis.documents is not corpus.documents or axis.index is not index:
        axis = DocumentAxis(corpus.documents, index)
        object.__setattr__(corpus, "_document_axis", axis)
    return axis


def place_documents(corpus, *, by: Granularity = "month", split: str | None = None,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Put each document in a period and a group, or say why it cannot be placed.

    Columns: doc_id, outlet, title, date, date_precision, group, period (start of the period;
    NaT when not placed), tokens (tokens in the document), reason (NA when placed).
    """
    if by not in FREQ:
        raise ValueError(f"by={by!r} is invalid; expected one of {list(FREQ)}")
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
                   per: int = 10_000, stem: bool = False, groups: Mapping[str, Query] | None = None,
                   docs: Iterable[str] | None = None, top: int | None = None) -> pd.DataFrame:
    """Occurrences of each term per period and group, with every empty period as a zero row.

    `terms` is a query string, a list of terms or of `Query` objects (see `workbench.query`).
    Columns: period (start), group, term, count (occurrences), documents (documents containing
    the term), tokens (tokens in the period and group), n_documents (documents in it),
    rel_freq (count per `per` tokens; NaN where there are no tokens), doc_share (documents /
    n_documents). `attrs["excluded"]` lists the documents not placed on the axis (see
    `excluded_documents`) with `count`, their occurrences of all terms.
    With `top`, only the `top` groups with most tokens in the selection keep their own rows;
    the others are added up as one group, OTHER (a split by 3,000 outlets stays readable).
    Only the matches are aggregated: placements and groups come from `document_axis`.
    """
    if by not in FREQ:
        raise ValueError(f"by={by!r} is invalid; expected one of {list(FREQ)}")
    queries = as_queries(terms, groups=groups)
    axis = document_axis(corpus)
    frame, ordinal, placed = axis.placement(by)
    chosen = axis.rows(docs)
    counts = np.array([axis.match_counts(q, stem=stem) for q in queries],
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
                split: str | None = None, stem: bool = False, docs: Iterable[str] | None = None,
                top: int | None = None) -> pd.DataFrame:
    """The matches behind one point of `term_frequency` (same `split`, `docs` and `top`):
    `query` in the documents of that period and group. Columns: those of
    `workbench.query.find`."""
    axis = document_axis(corpus)
    frame, _, placed = axis.placement(by)
    on = axis.rows(docs) & placed
    codes, names = _grouping(axis, split, on, top)
    hit = on & (frame.period == pd.Timestamp(period)).to_numpy() & (names[codes] == group)
    return find(term_index(corpus), query, stem=stem, docs=axis.ids[hit])


def compare_periods(corpus, at, *, min_freq: int = 3, content_only: bool = True,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Keyness of the documents dated from `at` on against those dated before it.

    Uses `workbench.keyness.keyness` (target = after, reference = before), so "over" means
    rising after `at`. With `content_only`, only alphabetic non-stopword tokens are counted.
    Documents whose date span straddles `at` or that are undated are left out and listed in
    `attrs["excluded"]`. Columns: those of `keyness`.
    """
    at = pd.Timestamp(at)
    d = corpus.documents if docs is None else corpus.documents[
        corpus.documents.doc_id.isin(list(docs))]
    before = (date_end(d) < at).fillna(False)
    after = (d.date >= at).fillna(False)
    index = term_index(corpus)
    ids = d.doc_id.astype(str)
    table = keyness(index.norm_counts(ids[after], content_only=content_only),
                    index.norm_counts(ids[before], content_only=content_only), min_freq=min_freq)
    straddle = d[~before & ~after]
    table.attrs["excluded"] = pd.DataFrame({
        "doc_id": straddle.doc_id.astype(str), "outlet": straddle.outlet, "title": straddle.title,
        "date": straddle.date, "date_precision": straddle.date_precision,
        "reason": np.where(straddle.date.isna(), "undated", f"date span straddles {at.date()}"),
    }).reset_index(drop=True)
    return table


def dispersion(corpus, terms, *, stem: bool = False, groups: Mapping[str, Query] | None = None,
               docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Where each term occurs inside each document, documents ranked by date (undated last).

    Columns: doc_id, outlet, date, date_precision, term, tok_start, n_tokens, position
    (tok_start / n_tokens, 0 = start of the document), rank (0 = earliest document with a match).
    """
    index = term_index(corpus)
    spans = pd.concat([find(index, q, stem=stem, docs=docs)
                       for q in as_queries(terms, groups=groups)], ignore_index=True)
    meta = corpus.documents.set_index(corpus.documents.doc_id.astype(str))
    sizes = pd.Series(index.doc_tokens, index=index.doc_ids)
    out = pd.DataFrame({
        "doc_id": spans.doc_id, "outlet": meta.outlet.reindex(spans.doc_id).to_numpy(),
        "date": meta.date.reindex(spans.doc_id).to_numpy(),
        "date_precision": meta.date_precision.reindex(spans.doc_id).to_numpy(),
        "term": spans.term, "tok_start": spans.tok_start,
        "n_tokens": sizes.reindex(spans.doc_id).to_numpy(),
    })
    out["position"] = out.tok_start / out.n_tokens.clip(lower=1)
    order = out.drop_duplicates("doc_id").sort_values(["date", "doc_id"], na_position="last")
    out["rank"] = out.doc_id.map(pd.Series(range(len(order)), index=order.doc_id))
    return out.sort_values(["rank", "tok_start"], ignore_index=True)


def load_events(path=None) -> pd.DataFrame:
    """Dated events from a CSV with columns date ("2020-11-10", "2024-04", "2023"), label[, ...].

    The default is the project's `data/events.csv`.
    Columns: date (first day), date_precision, date_end (last possible day), label, description.
    """
    path = path or data_path("events.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"date", "label"} <= set(raw.columns):
        raise ValueError(f"{path} needs columns date, label[, description]; found {list(raw)}")
    parsed = [parse_date(v) for v in raw.date]
    bad = [v for v, p in zip(raw.date, parsed, strict=True) if p is None]
    if bad:
        raise ValueError(f"{path}: dates {bad} are not understood; "
                         "write 2020-11-10, 2024-04 or 2023")
    events = pd.DataFrame({
        "date": pd.to_datetime([p[0] for p in parsed]).astype("datetime64[ns]"),
        "date_precision": pd.Series([p[1] for p in parsed], dtype="string"),
        "label": raw.label,
        "description": raw.get("description", pd.Series("", index=raw.index)),
    })
    events.insert(2, "date_end", date_end(events))
    return events
