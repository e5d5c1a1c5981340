"""Dates written only as precisely as they are known: a document dated to a year reads "2024",
to a month "2024-04", to a day "2024-04-05" (the `documents` table stores the first day of the
month or year beside the precision; that day is never shown as if it were known).

Every table, caption and label that shows a document's date writes it with these functions.
"""

from __future__ import annotations

import pandas as pd

#: how a date of each precision is written
FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def date_label(date, precision) -> str:
    """One date as precisely as it is known, or "undated" without a date or a precision.

    >>> [date_label(pd.Timestamp("2024-04-05"), p) for p in ("year", "month", "day", None)]
    ['2024', '2024-04', '2024-04-05', 'undated']
    """
    if pd.isna(date) or pd.isna(precision):
        return "undated"
    return pd.Timestamp(date).strftime(FORMATS[precision])


def date_labels(dates: pd.Series, precisions) -> pd.Series:
    """Each of `dates` as precisely as its precision (`date_label`; same length and order, by
    position), <NA> where undated: a table column. Each distinct date is written once, so a
    million documents, which share few dates, take a fraction of a second.

    >>> date_labels(pd.Series(pd.to_datetime(["2024-01-01", "2024-04-05", None])),
    ...             ["year", "day", None]).tolist()
    ['2024', '2024-04-05', <NA>]
    """
    dates = pd.Series(pd.to_datetime(dates))
    precision = pd.array(precisions, dtype="string")
    out = pd.Series(pd.NA, index=dates.index, dtype="string")
    for name, form in FORMATS.items():
        rows = (precision == name).fillna(False) & dates.notna().to_numpy()
        codes, unique = pd.factorize(dates[rows])
        out[rows] = pd.DatetimeIndex(unique).strftime(form).to_numpy()[codes]
    return out


def first_and_last(dates: pd.Series, precisions, groups: pd.Series | pd.DataFrame) -> pd.DataFrame:
    """Per group (one key column, or several), its earliest and latest date, each written as
    precisely as it is known (`date_labels`): the date range a table shows. A group with no
    dated row is not listed.

    Columns: first, last; indexed by the group keys.
    """
    keys = (groups.to_frame() if isinstance(groups, pd.Series) else groups).reset_index(drop=True)
    rows = keys.assign(_date=pd.to_datetime(dates).to_numpy(),
                       _label=date_labels(dates, precisions).to_numpy())
    dated = rows[rows._label.notna()].sort_values("_date", kind="stable").groupby(
        list(keys.columns), sort=True)
    return pd.DataFrame({"first": dated._label.first(), "last": dated._label.last()}).astype("string")
