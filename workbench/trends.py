"""Keyword trends: how often terms occur per period and group, and what changed after a date.

Documents are placed on the time axis only as precisely as they are dated: a document dated to
a year is never put in a month or quarter, and undated documents stay off the axis. Both are
listed by `excluded_documents` (and in `table.attrs["excluded"]`) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from workbench.dates import parse_date
from workbench.keyness import keyness
from workbench.paths import data_path
from workbench.query import Query, as_queries, find, term_index

Granularity = Literal["day", "week", "month", "quarter", "year"]
FREQ = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: the coarsest date precision each granularity can use
NEEDS = {"day": "day", "week": "day", "month": "month", "quarter": "month", "year": "year"}
RANK = {"day": 0, "month": 1, "year": 2}
_LAST_DAY = {"day": pd.offsets.Day(0), "month": pd.offsets.MonthEnd(0),
             "year": pd.offsets.YearEnd(0)}

FREQUENCY_COLUMNS = ["period", "group", "term", "count", "documents", "tokens", "n_documents",
                     "rel_freq", "doc_share"]
EXCLUDED_COLUMNS = ["doc_id", "outlet", "title", "date", "date_precision", "reason"]


def group_labels(documents: pd.DataFrame, split: str | None) -> pd.Series:
    """The group of each document: "all", its outlet (doc_id when unknown) or a metadata value."""
    if split is None:
        return pd.Series("all", index=documents.index, dtype="string")
    if split not in documents.columns:
        raise ValueError(f"split={split!r} is not a documents column; expected None or one of "
                         f"{[c for c in documents.columns if c not in ('text', 'title')]}")
    fallback = documents.doc_id if split == "outlet" else "(unknown)"
    return documents[split].astype("string").fillna(fallback)


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
    docs = corpus.documents
    keep = pd.Series(True, index=docs.index)
    if outlets is not None:
        keep &= group_labels(docs, "outlet").isin(list(outlets))
    if start is not None:
        keep &= (docs.date >= pd.Timestamp(start)).fillna(False)
    if end is not None:
        keep &= (date_end(docs) <= pd.Timestamp(end)).fillna(False)
    return pd.Index(docs.doc_id[keep].astype(str))


def place_documents(corpus, *, by: Granularity = "month", split: str | None = None,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Put each document in a period and a group, or say why it cannot be placed.

    Columns: doc_id, outlet, title, date, date_precision, group, period (start of the period;
    NaT when not placed), tokens (tokens in the document), reason (NA when placed).
    """
    if by not in FREQ:
        raise ValueError(f"by={by!r} is invalid; expected one of {list(FREQ)}")
    d = corpus.documents
    if docs is not None:
        d = d[d.doc_id.isin(list(docs))]
    index = term_index(corpus)
    counts = pd.Series(index.doc_tokens, index=index.doc_ids)
    precision = d.date_precision.astype("string")
    coarse = (pd.to_numeric(precision.astype(object).map(RANK)) > RANK[NEEDS[by]]).to_numpy()
    undated = (d.date.isna() | precision.isna()).to_numpy()
    reason = pd.Series(pd.NA, index=d.index, dtype="string")
    reason[coarse] = "dated only to the " + precision[coarse] + f"; too coarse for by={by!r}"
    reason[undated] = "undated"
    placed = reason.isna()
    period = pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]")
    period[placed] = d.date[placed].dt.to_period(FREQ[by]).dt.start_time
    return pd.DataFrame({
        "doc_id": d.doc_id.astype(str), "outlet": d.outlet, "title": d.title, "date": d.date,
        "date_precision": precision, "group": group_labels(d, split), "period": period,
        "tokens": counts.reindex(d.doc_id.astype(str)).fillna(0).astype("int64").to_numpy(),
        "reason": reason,
    }).reset_index(drop=True)


def excluded_documents(corpus, *, by: Granularity = "month",
                       docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Documents left off the time axis at granularity `by`, with the reason.

    Columns: doc_id, outlet, title, date, date_precision, reason.
    """
    placed = place_documents(corpus, by=by, docs=docs)
    return placed.loc[placed.reason.notna(), EXCLUDED_COLUMNS].reset_index(drop=True)


def term_frequency(corpus, terms, *, by: Granularity = "month", split: str | None = None,
                   per: int = 10_000, stem: bool = False, groups: Mapping[str, Query] | None = None,
                   docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Occurrences of each term per period and group, with every empty period as a zero row.

    `terms` is a query string, a list of terms or of `Query` objects (see `workbench.query`).
    Columns: period (start), group, term, count (occurrences), documents (documents containing
    the term), tokens (tokens in the period and group), n_documents (documents in it),
    rel_freq (count per `per` tokens; NaN where there are no tokens), doc_share (documents /
    n_documents). `attrs["excluded"]` lists the documents not placed on the axis (see
    `excluded_documents`) with `count`, their occurrences of all terms.
    """
    queries = as_queries(terms, groups=groups)
    placed = place_documents(corpus, by=by, split=split, docs=docs)
    index = term_index(corpus)
    hits = [find(index, q, stem=stem, docs=placed.doc_id).groupby("doc_id").size().rename(q.label)
            for q in queries]
    per_doc = (pd.concat(hits, axis=1) if hits else pd.DataFrame()).reindex(placed.doc_id)
    per_doc = per_doc.fillna(0).astype("int64").set_axis(placed.index)
    on_axis = placed[placed.reason.isna()]
    totals = on_axis.groupby(["period", "group"]).agg(
        tokens=("tokens", "sum"), n_documents=("doc_id", "size"))
    long = per_doc.loc[on_axis.index].join(on_axis[["period", "group"]]).melt(
        id_vars=["period", "group"], var_name="term", value_name="count")
    found = long.assign(documents=long["count"] > 0).groupby(["period", "group", "term"]).agg(
        count=("count", "sum"), documents=("documents", "sum"))
    periods = (pd.period_range(on_axis.period.min(), on_axis.period.max(), freq=FREQ[by])
               .start_time if len(on_axis) else pd.DatetimeIndex([]))
    grid = pd.MultiIndex.from_product(
        [periods, sorted(on_axis.group.unique()), [q.label for q in queries]],
        names=["period", "group", "term"])
    table = found.reindex(grid, fill_value=0).join(totals).reset_index()
    table[["tokens", "n_documents"]] = table[["tokens", "n_documents"]].fillna(0).astype("int64")
    table[["count", "documents"]] = table[["count", "documents"]].astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rel_freq"] = np.where(table.tokens > 0, table["count"] / table.tokens * per, np.nan)
        table["doc_share"] = np.where(table.n_documents > 0,
                                      table.documents / table.n_documents, np.nan)
    excluded = placed.loc[placed.reason.notna(), EXCLUDED_COLUMNS].assign(
        count=per_doc.loc[placed.reason.notna()].sum(axis=1).astype("int64"))
    table = table[FREQUENCY_COLUMNS]
    table.attrs["per"] = per
    table.attrs["excluded"] = excluded.reset_index(drop=True)
    return table


def point_spans(corpus, query: Query, *, period, group: str, by: Granularity = "month",
                split: str | None = None, stem: bool = False,
                docs: Iterable[str] | None = None) -> pd.DataFrame:
    """The matches behind one point of `term_frequency`: `query` in the documents of that
    period and group. Columns: those of `workbench.query.find`."""
    placed = place_documents(corpus, by=by, split=split, docs=docs)
    ids = placed.doc_id[(placed.period == pd.Timestamp(period)) & (placed.group == group)]
    return find(term_index(corpus), query, stem=stem, docs=ids)


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
