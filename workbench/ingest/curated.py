"""Curated metadata (`data/sources.csv`): one row per file, validated row by row.

Columns: file, outlet, url, title, date, date_precision (day|month|year), author, language,
outlet_country, outlet_type, notes; further columns are kept as extra metadata. Problems
(no file name, malformed date, unknown precision, repeated file) become report rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..corpus.schema import PRECISIONS, ReportRow
from .dates import parse_date
from .decode import decode_bytes

COLUMNS = ("file", "outlet", "url", "title", "date", "date_precision", "author", "language",
           "outlet_country", "outlet_type", "notes")


def read_curated(path: str | Path | None) -> tuple[dict[str, dict[str, str]], list[ReportRow]]:
    """file -> {field: value} for non-empty values, and report rows for what was ignored."""
    if path is None:
        return {}, []
    path = Path(path)
    name = path.name
    if not path.exists():
        return {}, [ReportRow(name, None, None, "warning",
                              f"metadata file {path} not found; using inferred metadata only")]
    decoded = decode_bytes(path.read_bytes())
    if decoded.text is None:
        return {}, [ReportRow(name, None, None, "warning", f"metadata file unreadable: {decoded.reason}")]
    rows: dict[str, dict[str, str]] = {}
    problems: list[ReportRow] = []
    try:
        records = list(csv.DictReader(decoded.text.splitlines()))
    except csv.Error as err:
        return {}, [ReportRow(name, None, None, "warning", f"metadata file is not valid CSV: {err}")]
    for n, record in enumerate(records, start=2):
        if None in record:  # more cells than header columns
            problems.append(ReportRow(name, n, None, "warning", f"row {n} has more cells than the header; "
                             "extra cells ignored (quote values containing commas)"))
            record.pop(None)
        values = {k.strip(): (v or "").strip() for k, v in record.items() if k}
        file = values.pop("file", "")
        if not file:
            problems.append(ReportRow(name, n, None, "warning", f"row {n} has no file name; ignored"))
            continue
        if file in rows:
            problems.append(ReportRow(name, n, None, "warning",
                                      f"row {n} repeats {file!r}; the first row is used"))
            continue
        problems.extend(_check_date(values, name, n))
        rows[file] = {k: v for k, v in values.items() if v}
    return rows, problems


def _check_date(values: dict[str, str], name: str, n: int) -> list[ReportRow]:
    """Validate date and precision in place: a bad date is dropped with a report row."""
    date, precision = values.get("date", ""), values.get("date_precision", "")
    if precision and precision not in PRECISIONS:
        values["date_precision"] = ""
        return [ReportRow(name, n, None, "warning",
                 f"row {n}: date_precision {precision!r} is not one of {PRECISIONS}; ignored")]
    if not date:
        return []
    parsed = parse_date(date)
    if parsed is None:
        values["date"] = ""
        return [ReportRow(name, n, None, "warning", f"row {n}: malformed date {date!r} ignored "
                 "(use YYYY-MM-DD, YYYY-MM or YYYY)")]
    values.setdefault("date_precision", parsed[1])
    if not values["date_precision"]:
        values["date_precision"] = parsed[1]
    return []


def missing_files(curated: dict[str, dict], present: set[str], source: str) -> list[ReportRow]:
    """Report rows for curated rows naming files that are not in the corpus folder."""
    return [ReportRow(source, None, None, "warning",
                      f"{source} describes {f!r}, which is not in the corpus folder")
            for f in curated if f not in present]
