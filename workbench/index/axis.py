"""The document axis: what queries need about each document (date span, period, group, tokens),
computed once per corpus, and the one rule that selects documents by outlet and date range.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Literal, TypeVar

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus.corpus import Corpus
from ..corpus.dates import date_labels
from ..corpus.options import check_option
from .groups import document_ids, group_labels
from .query import Query
from .terms import match_tokens, term_index

Granularity = Literal["day", "week", "month", "quarter", "year"]
FREQ = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: the coarsest date precision each granularity can use
NEEDS = {"day": "day", "week": "day", "month": "month", "quarter": "month", "year": "year"}
RANK = {"day": 0, "month": 1, "year": 2}
MEMO = 8  # results an axis keeps for `DocumentAxis.remember`
T = TypeVar("T")
_LAST_DAY = {"day": pd.offsets.Day(0), "month": pd.offsets.MonthEnd(0),
             "year": pd.offsets.YearEnd(0)}


def date_end(documents: pd.DataFrame) -> pd.Series:
    """Last day each document may have been written on, given its date precision."""
    ends = documents.date.copy()
    for precision, offset in _LAST_DAY.items():
        rows = documents.date_precision == precision
        ends[rows] = documents.date[rows] + offset
    return ends


def months(documents: pd.DataFrame) -> list[pd.Period]:
    """Every month from the earliest document date to the last day a document may have been
    written (`date_end`): the choices of a date-range control. Empty when nothing is dated."""
    if not documents.date.notna().any():
        return []
    return list(pd.period_range(documents.date.min(), date_end(documents).max(), freq="M"))


def select_documents(corpus: Corpus, *, outlets: Iterable[str] | None = None, start=None,
                     end=None) -> pd.Index:
    """doc_ids of the documents from `outlets` whose whole date span lies in [start, end]: the
    one rule every analysis and dashboard uses to select documents by date range.

    A document's span runs from its date to the last day its precision allows (the day, the
    month's last day, the year's last day), so a document known only to "2024" is not counted
    in January–June 2024: it may be from December. Undated documents are kept only when no date
    bound is given. `outlets` None means every outlet (a document without an outlet is its own
    group, named by its doc_id); bounds are inclusive, None meaning no bound.
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

    def __init__(self, documents: pd.DataFrame, index, ids: pd.Index):
        self.documents, self.index, self.ids = documents, index, ids
        self.row_of_code = self.ids.get_indexer(index.doc_ids)
        known = self.row_of_code >= 0
        self.tokens = np.zeros(len(documents), dtype=np.int64)
        self.tokens[self.row_of_code[known]] = index.doc_tokens[known]
        self._placements: dict[str, tuple[pd.DataFrame, np.ndarray, np.ndarray]] = {}
        self._groups: dict[str | None, tuple[pd.Series, np.ndarray, np.ndarray]] = {}
        self._group_counts: dict[str | None, sparse.csr_matrix] = {}
        self._selection: tuple[pd.Index | None, np.ndarray] = (None, np.ones(0, dtype=bool))
        self._memo: dict[tuple, object] = {}

    @cached_property
    def id_rank(self) -> np.ndarray:
        """Place of each row's doc_id in text order."""
        return np.unique(np.asarray(self.ids, dtype=object), return_inverse=True)[1]

    @cached_property
    def date_labels(self) -> np.ndarray:
        """Each row's date as precisely as it is known (`workbench.corpus.date_labels`)."""
        return date_labels(self.documents.date, self.documents.date_precision).to_numpy()

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
        check_option("by", by, Granularity)
        if by not in self._placements:
            d = self.documents
            precision = d.date_precision.astype("string")
            rank = pd.to_numeric(precision.astype(object).map(RANK))
            coarse = (rank > RANK[NEEDS[by]]).to_numpy()
            undated = (d.date.isna() | precision.isna()).to_numpy()
            reason = pd.Series(pd.NA, index=d.index, dtype="string")
            reason[coarse] = "dated only to the " + precision[coarse] + f"; too coarse for by={by!r}"
            reason[undated] = "undated"
            if "date_not_before" in d:  # the text mentions dates: say how early it can be
                bound = d.date_not_before.astype("string")
                known = undated & bound.notna().to_numpy()
                reason[known] = "undated (published on or after " + bound[known] + \
                    ", the latest date it mentions)"
            placed = reason.isna().to_numpy()
            periods = d.date[placed].dt.to_period(FREQ[by])
            period = pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]")
            period[placed] = periods.dt.start_time
            ordinal = np.zeros(len(d), dtype=np.int64)
            ordinal[placed] = periods.array.asi8
            frame = pd.DataFrame({
                "doc_id": d.doc_id.astype(str), "outlet": d.outlet, "title": d.title,
                "date": self.date_labels, "date_precision": precision, "period": period,
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

    def match_rows(self, query: Query, *, stem: bool = False,
                   compounds: bool = True) -> np.ndarray:
        """The documents row of each match of `query` (see `match_tokens`), in text order."""
        first = match_tokens(self.index, query, stem=stem, compounds=compounds).first
        rows = self.row_of_code[self.index.doc_code[first]]
        return rows[rows >= 0]

    def remember(self, key: tuple, build: Callable[[], T]) -> T:
        """`build()`, kept under `key` with the last few results, for what an analysis derives
        from the axis and reuses between queries (a trend's cells for one selection)."""
        if key not in self._memo:
            if len(self._memo) >= MEMO:
                self._memo.pop(next(iter(self._memo)))
            self._memo[key] = build()
        return self._memo[key]


def document_axis(corpus: Corpus) -> DocumentAxis:
    """The corpus's `DocumentAxis`, built on first use and kept in `corpus.indexes` until its
    tables change."""
    axis, index = corpus.indexes.axis, term_index(corpus)
    if axis is None or axis.documents is not corpus.documents or axis.index is not index:
        axis = corpus.indexes.axis = DocumentAxis(corpus.documents, index, document_ids(corpus))
    return axis
