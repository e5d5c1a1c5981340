"""Dated events (`data/events.csv`) to mark on trend plots and to cut periods at."""

from __future__ import annotations

import pandas as pd

from ..index.axis import date_end
from ..ingest.dates import parse_date
from ..project.project import data_path


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
