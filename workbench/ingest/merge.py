"""Merge curated metadata over inferred metadata and record where each value came from.

For one-document files a curated value wins; for rows of a tabular export the row's own
columns win and the curated row of the file only fills gaps (`curated_wins`, which also decides
a document's outlet before assembly). An article of a news-archive export is no row in this:
its archive's fields (inferred values of source "archive") win over anything read from a text,
and the curated row of its file wins over them. Disagreements between curated and inferred
values become warnings in the report.

The merge works on whole columns (one array per field over all documents), so corpora of
hundreds of thousands of rows merge in seconds; only the cells where a curated and an
inferred value meet are compared one at a time (`agrees`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial

import numpy as np
import pandas as pd

from ..corpus import schema
from .infer import FIELDS, agrees

EXTRA_CURATED = ("outlet_country", "outlet_type", "notes")
COMPARISON_BLOCK = 20_000  # documents a block of the metadata table holds (8 rows each)
_PRECISION = {4: "year", 7: "month", 10: "day"}


def precision_of(date: str) -> str | None:
    """The precision a date is written to: "year" (YYYY), "month" (YYYY-MM), "day" (YYYY-MM-DD)."""
    return _PRECISION.get(len(date))


def curated_wins(curated, own, is_row) -> np.ndarray:
    """Where the curated value of a document's file is chosen over the document's own (what its
    page or row states, else what ingest inferred from it): for a page, its file's one document,
    wherever there is one; for a row of an export, only where the row has none. Every field is
    chosen so, the outlet included, which ingest needs before assembly (`pipeline`: the
    cleaning rules, the outlets a text cites). Arrays or single values; missing is None or "".

    >>> curated_wins(["AFP", "AFP", None], ["Trend", None, "Trend"], [True, True, False]).tolist()
    [False, True, False]
    """
    has_curated = np.asarray(curated, dtype=object).astype(bool)
    has_own = np.asarray(own, dtype=object).astype(bool)
    return has_curated & ~(np.asarray(is_row, dtype=bool) & has_own)


def archive_articles(inferred: pd.DataFrame) -> set[str]:
    """The documents that are articles of a news-archive export: those with metadata of the
    source "archive" (`workbench.ingest.archives.metadata`)."""
    return set(inferred.doc_id[inferred.source == "archive"].tolist())


def _each(func, values) -> np.ndarray:
    """`func` of every value as an object array, computed once per distinct value (missing: None)."""
    codes, uniques = pd.factorize(values)
    out = np.empty(len(uniques) + 1, dtype=object)  # code -1 (missing) takes the last None
    for i, value in enumerate(uniques):
        out[i] = func(value)
    return out[codes]


def _strings(values: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Python strings and None as the schema's "string" dtype."""
    return pd.array(values, dtype="string")


def _present(strings: pd.api.extensions.ExtensionArray) -> np.ndarray:
    """Where strings are neither missing nor empty (as Python's truthiness tells them)."""
    return pd.Series(strings, copy=False).str.len().gt(0).fillna(False).to_numpy(dtype=bool)


def _cut_date(row: dict) -> dict:
    """A curated row with its date cut to its precision: '2024-04-23' of a 'month' row -> '2024-04'."""
    date = row.get("date")
    return {**row, "date": date[: {"year": 4, "month": 7}.get(row.get("date_precision"), 10)]} \
        if date else row


def _last_inferred(doc_ids: pd.Series, inferred: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The inferred rows and, per document and field, the row with its value (-1: none).

    A repeated (doc_id, field) keeps its last row, as a dict filled row by row would.
    """
    repeated = inferred.duplicated(["doc_id", "field"], keep="last").to_numpy()
    last = (inferred[~repeated] if repeated.any() else inferred).reset_index(drop=True)  # no copy if none
    at = np.full((len(doc_ids), len(FIELDS)), -1)
    for k, fld in enumerate(FIELDS):
        mine = np.flatnonzero((last["field"] == fld).to_numpy())
        found = pd.Index(last["doc_id"].iloc[mine]).get_indexer(doc_ids)
        at[:, k] = np.append(mine, -1)[found]
    return last, at


@dataclass(frozen=True)
class Chosen:
    """The merged metadata of a run of documents (`choose`): each field's chosen values, where
    the date is the curated one and each date's source, the metadata table's blocks (an
    iterator, made as taken) and the documents' report rows."""

    values: dict[str, pd.api.extensions.ExtensionArray]
    date_curated: np.ndarray
    date_source: np.ndarray
    comparison: Iterator[pd.DataFrame]
    report: pd.DataFrame


def merge_metadata(docs: pd.DataFrame, inferred: pd.DataFrame, curated: dict[str, dict]):
    """Return (documents table, metadata comparison table in blocks of documents, report rows for
    each document): the comparison has a row per document and field, so its blocks are made as
    they are taken (an iterator of frames), not held at once. A corpus merges in runs of
    documents (`choose`), then makes its documents table once (`documents_table`)."""
    if not len(docs):
        return schema.empty("documents"), iter([schema.empty("metadata")]), schema.empty("report")
    chosen = choose(docs, inferred, curated)
    return documents_table(docs, [chosen], curated), chosen.comparison, chosen.report


def _curated_of(docs: pd.DataFrame, curated: dict[str, dict]):
    """(`cur(key, missing)`: each document's curated `key`; each file's curated row, files in
    order of first appearance)."""
    codes, files = pd.factorize(docs["file"], use_na_sentinel=False)
    per_file = [_cut_date(curated.get(f, {})) for f in files]

    def cur(key: str, missing=None) -> np.ndarray:
        return np.array([c.get(key, missing) for c in per_file], dtype=object)[codes]

    return cur, per_file


def choose(docs: pd.DataFrame, inferred: pd.DataFrame, curated: dict[str, dict]) -> Chosen:
    """The merged metadata of `docs` (some documents, in order, with their `inferred` rows): each
    document's values depend on its own rows and its file's curated row alone."""
    docs = docs.reset_index(drop=True)
    cur, _ = _curated_of(docs, curated)
    last, at = _last_inferred(docs["doc_id"], inferred)
    # the inferred values stay Arrow strings, taken field by field: as Python objects they were
    # a string per document and field at once (8 fields of 300,000 documents: 2.4 million);
    # their sources, a few distinct names, are looked up by code
    values = last["value"].astype("string").array
    source_codes, source_names = pd.factorize(last["source"])
    source_codes = np.append(source_codes, -1)  # at -1 (no value) picks the None after the names
    source_names = np.append(np.asarray(source_names, dtype=object), None)
    is_row = docs["row"].notna().to_numpy() & ~schema.isin(docs["doc_id"], archive_articles(inferred))
    reasons = _each(lambda w: "; ".join(x for x in w.split("; ") if x), docs["warnings"])
    chosen, columns = {}, {"curated": [], "chosen": [], "agrees": []}
    for k, fld in enumerate(FIELDS):
        inf, cur_value = values.take(at[:, k], allow_fill=True), cur(fld)
        has_inf, has_cur = _present(inf), cur_value.astype(bool)  # None and "" alike
        take_cur = curated_wins(cur_value, has_inf, is_row)
        chosen[fld] = _strings(np.where(take_cur, cur_value, inf.to_numpy(dtype=object, na_value=None))) \
            if take_cur.any() else inf
        source = source_names[source_codes[at[:, k]]]
        if fld == "date":
            date_curated, date_source = take_cur, source
        ok = np.full(len(docs), None, dtype=object)
        both = np.flatnonzero(has_cur & has_inf)
        same = cache(partial(agrees, fld))  # a file's curated value meets few distinct values
        ok[both] = [same(c, v, s) for c, v, s in zip(cur_value[both], inf[both], source[both])]
        bad = both[ok[both] == False]  # noqa: E712 (an object array of True/False)
        shown = inf[bad]
        evidence = last["evidence"].take(at[bad, k]).to_numpy(dtype=object)
        kept = np.where(take_cur[bad], "curated kept", "the row's own value kept")
        reasons[bad] = [(f"{r}; " if r else "") + f"curated {fld} {c!r} differs from the text "
                        f"({s!r}, {e}); {how}"
                        for r, c, s, e, how in zip(reasons[bad], cur_value[bad], shown, evidence, kept)]
        columns["curated"].append(cur_value)
        columns["chosen"].append(chosen[fld])
        columns["agrees"].append(ok)
    report = pd.DataFrame({"file": docs["file"], "row": docs["row"], "doc_id": docs["doc_id"],
                           "status": np.where(reasons.astype(bool), "warning", "ok"),
                           "reason": _strings(reasons)})
    return Chosen(chosen, date_curated, date_source, _comparison(docs["doc_id"], last, at, columns),
                  schema.conform(report, "report"))


def documents_table(docs: pd.DataFrame, runs: list[Chosen], curated: dict[str, dict]) -> pd.DataFrame:
    """The documents table of `docs` (in order) from the metadata chosen for its runs of
    documents in order (`choose`)."""
    docs = docs.reset_index(drop=True)
    cur, per_file = _curated_of(docs, curated)
    values = {fld: pd.concat([pd.Series(run.values[fld], copy=False) for run in runs],
                             ignore_index=True).array for fld in FIELDS}
    return _documents(docs, values, np.concatenate([run.date_curated for run in runs]),
                      np.concatenate([run.date_source for run in runs]), cur, per_file)


def _comparison(doc_ids: pd.Series, last: pd.DataFrame, at: np.ndarray,
                columns: dict[str, list[np.ndarray]]) -> Iterator[pd.DataFrame]:
    """The metadata table, a block of `COMPARISON_BLOCK` documents at a time: one row per
    document and field, documents in order."""
    ids = doc_ids.astype("string").array
    values = {c: last[c].astype("string").array for c in ("value", "evidence", "confidence")}
    for lo in range(0, len(doc_ids), COMPARISON_BLOCK):
        hi = min(lo + COMPARISON_BLOCK, len(doc_ids))
        cells = {name: np.column_stack([a[lo:hi] for a in arrays]).ravel()
                 for name, arrays in columns.items()}
        inferred = {c: v.take(at[lo:hi].ravel(), allow_fill=True) for c, v in values.items()}
        table = pd.DataFrame({
            "doc_id": ids.take(np.repeat(np.arange(lo, hi), len(FIELDS))),
            "field": pd.array(list(FIELDS), dtype="string").take(np.tile(np.arange(len(FIELDS)), hi - lo)),
            "curated": _strings(cells["curated"]), "inferred": inferred["value"],
            "evidence": inferred["evidence"], "confidence": inferred["confidence"],
            "chosen": _strings(cells["chosen"]),
            "agrees": pd.array(cells["agrees"], dtype="boolean")})
        yield schema.conform(table, "metadata")


def _documents(docs: pd.DataFrame, chosen: dict[str, np.ndarray], curated_date: np.ndarray,
               date_source: np.ndarray, cur, per_file: list[dict]) -> pd.DataFrame:
    """The documents table: each document's columns, its chosen metadata and curated extras.

    Columns follow the order a table built from one dict per document had, and columns other
    than the schema's get the dtypes such a table infers (an all-missing one becomes float).
    """
    out = docs.drop(columns="warnings", errors="ignore")
    for fld in FIELDS:
        out[fld] = pd.to_datetime(chosen[fld], format="mixed", errors="coerce") \
            if fld == "date" else _strings(chosen[fld])
    out["date_precision"] = _strings(np.where(curated_date, cur("date_precision"), _each(
        precision_of, chosen["date"])))
    out["date_source"] = _strings(np.where(curated_date, "curated", date_source))
    out["date_not_before"] = out["date_not_before"].mask(out["date"].notna())  # dated: no bound
    rebuilt = {}  # columns typed as a table built from one dict per document would type them
    for extra in EXTRA_CURATED:
        value = cur(extra)
        rebuilt[extra] = np.where(value.astype(bool), value, out[extra].to_numpy(dtype=object)) \
            if extra in out else value
    taken = {*out.columns, *rebuilt, *FIELDS, "date_precision"}
    for key in dict.fromkeys(k for c in per_file for k in c if k not in taken):
        rebuilt[key] = cur(key, np.nan)
    for col in out.columns.difference(list(schema.TABLES["documents"]), sort=False):
        # a column of strings or numbers with a value keeps its dtype when rebuilt; others may not
        if col not in rebuilt and (out[col].dtype == object or not out[col].notna().any()):
            rebuilt[col] = out[col].to_numpy(dtype=object)
    if rebuilt:
        rows = pd.DataFrame(list(zip(*rebuilt.values())), columns=list(rebuilt))
        for col in rows:
            out[col] = rows[col]
    for col in schema.TABLES["documents"]:
        if col not in out:
            out[col] = None
    return schema.conform(out, "documents")
