"""The one corpus shape: column names and dtypes of every table a `Corpus` holds.

All offsets (`start`, `end`) are character offsets into the document's clean `text`,
so `text[start:end]` gives back the sentence or token: their text is not stored a second time
(`Corpus.texts_of` slices it). `line_no` is 1-based and counts
lines of the decoded source (after newline normalisation).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: table name -> {column: dtype}. Extra metadata columns may follow in `documents`.
TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string",
        "file": "string",
        "row": "Int64",  # row of a tabular export, article of an archive export; <NA>: one-document file
        "source_id": "string",  # its id in the archive it was exported from (Factiva's AN), or export column
        "outlet": "string",
        "title": "string",
        "date": "datetime64[ns]",  # first day of the month/year for coarser precision
        "date_precision": "string",  # day | month | year | <NA>
        "date_source": "string",  # curated | archive | column | header | dateline | body | <NA>
        "author": "string",
        "cited": "string",  # outlets the text names besides its own (agencies it cites)
        "date_not_before": "string",  # undated: the latest date the text mentions, a lower bound
        "copy_group": "string",  # republication: doc_id of the first document of its copy group
        "copy_of": "string",  # the document this one copies (<NA> for the group's first)
        "copy_similarity": "float64",  # its similarity to that document (1.0: identical text)
        "language": "string",
        "url": "string",
        "text": "string",
        "n_chars": "int64",
        "n_sentences": "int64",
        "n_tokens": "int64",
        "content_hash": "string",
    },
    "paragraphs": {
        "doc_id": "string",
        "para_id": "int32",
        "line_no": "int32",
        "start": "int32",
        "end": "int32",
    },
    "sentences": {
        "doc_id": "string",
        "sent_id": "int32",
        "para_id": "int32",
        "start": "int32",
        "end": "int32",
    },
    "tokens": {
        "doc_id": "string",
        "sent_id": "int32",
        "tok_id": "int32",  # position of the token in its document, from 0
        "start": "int32",
        "end": "int32",
        "norm": "string",
        "is_stop": "bool",
        "is_alpha": "bool",
    },
    "removed": {
        "doc_id": "string",
        "line_no": "int32",
        "text": "string",
        "rule": "string",
    },
    "report": {
        "file": "string",
        "row": "Int64",
        "doc_id": "string",
        "status": "string",  # ok | warning | skipped
        "reason": "string",
    },
    "metadata": {
        "doc_id": "string",
        "field": "string",
        "curated": "string",
        "inferred": "string",
        "evidence": "string",
        "confidence": "string",  # of the inferred value: high | medium | low
        "chosen": "string",
        "agrees": "boolean",
    },
}

#: Columns stored as pandas categoricals once a corpus is assembled (repeated values).
CATEGORICAL = {
    "tokens": ("doc_id", "norm"),
    "sentences": ("doc_id",),
    "paragraphs": ("doc_id",),
    "removed": ("doc_id", "rule"),
}

STATUSES = ("ok", "warning", "skipped")


class ReportRow(NamedTuple):
    """One row of the ingest report, the same shape from every stage that reports: a file, a row
    of a tabular export or a document is in the corpus (`ok`, `warning`) or not (`skipped`), and why.
    """

    file: str
    row: int | None
    doc_id: str | None
    status: str  # one of STATUSES
    reason: str


def report_table(rows: list[ReportRow]) -> pd.DataFrame:
    """Report rows as the schema's report table."""
    return conform(pd.DataFrame(rows, columns=list(TABLES["report"])), "report") if rows \
        else empty("report")

PRECISIONS = ("day", "month", "year")


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of `table`."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in TABLES[table].items()})


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return `df` with the schema's columns in order and dtypes applied; extra columns kept after.

    A `CATEGORICAL` column may stay categorical (its categories become string dtype).
    Raises ValueError naming the missing columns, so a broken table fails loudly on load.
    """
    spec = TABLES[table]
    missing = [c for c in spec if c not in df.columns]
    if missing:
        raise ValueError(f"table {table!r} lacks columns {missing}; expected {list(spec)}")
    categorical = {c for c in CATEGORICAL.get(table, ()) if isinstance(df[c].dtype, pd.CategoricalDtype)}
    out = df.astype({c: t for c, t in spec.items() if str(df[c].dtype) != t and c not in categorical})
    for col in categorical:
        out[col] = string_categories(out[col])
    extra = [c for c in out.columns if c not in spec]
    return out[list(spec) + extra]


def isin(column: pd.Series, values) -> np.ndarray:
    """Which values of `column` are in `values` (a set or list of strings, or a `value_set` made
    once for many columns), by Arrow's `is_in`: pandas' own `isin` on Arrow-backed strings builds
    one Arrow scalar per value, and a conversion to Python strings first takes 0.6 s for 700,000
    ids."""
    if isinstance(column.dtype, pd.CategoricalDtype):  # test each label once, then the codes
        labels = _in(column.cat.categories, values)
        return np.r_[labels, False][column.cat.codes.to_numpy()]  # code -1: missing, not in
    return _in(column, values)


def value_set(values) -> pa.Array:
    """Strings (a set or list) as the Arrow array `isin` tests against, made once."""
    return values if isinstance(values, pa.Array) else pa.array(list(values), type=pa.large_string())


def _in(strings: pd.Series | pd.Index, values) -> np.ndarray:
    array = pa.array(strings.astype("string").array)
    wanted = value_set(values).cast(array.type)
    return pc.is_in(array, value_set=wanted).fill_null(False).to_numpy(zero_copy_only=False)


def categorical(values) -> pd.Categorical:
    """Strings as a categorical whose string-dtype categories are in order of first appearance
    (so concatenating tables in corpus order keeps that order)."""
    codes, forms = pd.factorize(values)
    return pd.Categorical.from_codes(codes, pd.Index(forms, dtype="string"))


def string_labelled(values: pd.Series) -> bool:
    """Whether `values` is a categorical whose categories have string dtype (not pandas' default
    "str" (NaN) dtype, which Arrow gives back)."""
    return isinstance(values.dtype, pd.CategoricalDtype) and str(values.cat.categories.dtype) == "string"


def string_categories(values: pd.Series) -> pd.Categorical | pd.Series:
    """A categorical whose categories have string dtype (Arrow gives them back as str)."""
    if string_labelled(values):
        return values
    return pd.Categorical.from_codes(values.cat.codes, values.cat.categories.astype("string"))


def concat(frames: list[pd.DataFrame], table: str | None = None) -> pd.DataFrame:
    """Rows of several frames in order; `CATEGORICAL` columns of `table` stay categorical,
    with their categories united (plain `pd.concat` would turn them back into strings)."""
    frames = [f for f in frames if len(f)] or frames[:1]
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    cats = [c for c in CATEGORICAL.get(table or "", ())
            if all(c in f and isinstance(f[c].dtype, pd.CategoricalDtype) for f in frames)]
    out = pd.concat([f.drop(columns=cats) for f in frames], ignore_index=True)
    for col in cats:
        out[col] = united([f[col] for f in frames])
    order = list(frames[0].columns)
    return out[order + [c for c in out.columns if c not in order]]


def united(values: list[pd.Series]) -> pd.Categorical:
    """`union_categoricals` of categorical columns (their categories in order of first
    appearance, as string dtype), by one factorize of all their categories: each column's codes
    are looked up at its offset, where union_categoricals recodes each column against the union
    so far (9 s for the 500 partitions of a million items)."""
    values = [pd.Series(string_categories(v), copy=False).array for v in values]  # Categoricals
    categories = [v.categories for v in values]
    at, labels = pd.factorize(categories[0].append(categories[1:]))
    offsets = np.cumsum([0] + [len(c) for c in categories[:-1]])
    at = np.append(at, -1)  # where a missing value (code -1) looks up
    codes = np.concatenate([at[np.where(c >= 0, c + offset, len(at) - 1)] for c, offset in
                            zip((v.codes for v in values), offsets)])
    return pd.Categorical.from_codes(codes.astype(np.int32 if len(labels) < 2**31 else np.int64),
                                     pd.Index(labels, dtype="string"), validate=False)
