"""Merge curated metadata over inferred metadata and record where each value came from.

For one-document files a curated value wins; for rows of a tabular export the row's own
columns win and the curated row of the file only fills gaps. Disagreements between
curated and inferred values become warnings in the report.
"""

from __future__ import annotations

import pandas as pd

from . import schema
from .metadata import FIELDS, agrees

EXTRA_CURATED = ("outlet_country", "outlet_type", "notes")


def _split_date(value: str | None) -> tuple[str | None, str | None]:
    """'2024-04-23|header' -> ('2024-04-23', 'header')."""
    if not value:
        return None, None
    date, _, source = value.partition("|")
    return date, source or None


def merge_metadata(docs: pd.DataFrame, inferred: pd.DataFrame, curated: dict[str, dict]):
    """Return (documents table, metadata comparison table, report rows for each document)."""
    found = {(d, f): (v, e) for d, f, v, e in inferred.itertuples(index=False)}
    chosen_rows, compare_rows, report_rows = [], [], []
    for doc in docs.to_dict("records"):
        cur = curated.get(doc["file"], {})
        is_row = not pd.isna(doc["row"])
        warnings = [w for w in str(doc.get("warnings") or "").split("; ") if w]
        values: dict[str, object] = {}
        for fld in FIELDS:
            inf_value, evidence = found.get((doc["doc_id"], fld), (None, None))
            cur_value = cur.get(fld)
            if fld == "date" and cur_value:
                cur_value = cur_value[: {"year": 4, "month": 7}.get(cur.get("date_precision"), 10)]
            if is_row and inf_value:
                chosen, source = inf_value, "inferred"
            elif cur_value:
                chosen, source = cur_value, "curated"
            else:
                chosen, source = inf_value, "inferred" if inf_value else None
            ok = None
            if cur_value and inf_value:
                ok = agrees(fld, cur_value, inf_value)
                if not ok:
                    shown = _split_date(inf_value)[0] if fld == "date" else inf_value
                    warnings.append(f"curated {fld} {cur_value!r} differs from the text "
                                    f"({shown!r}, {evidence}); curated kept")
            compare_rows.append((doc["doc_id"], fld, cur_value, inf_value, evidence,
                                 _split_date(chosen)[0] if fld == "date" else chosen, ok))
            values[fld] = (chosen, source)
        chosen_rows.append(_document_row(doc, values, cur))
        report_rows.append((doc["file"], doc["row"], doc["doc_id"],
                            "warning" if warnings else "ok", "; ".join(warnings)))
    documents = _documents_frame(chosen_rows)
    comparison = schema.conform(pd.DataFrame(compare_rows, columns=list(schema.TABLES["metadata"])),
                                "metadata") if compare_rows else schema.empty("metadata")
    report = pd.DataFrame(report_rows, columns=list(schema.TABLES["report"]))
    return documents, comparison, schema.conform(report, "report") if len(report) else \
        schema.empty("report")


def _document_row(doc: dict, values: dict, cur: dict) -> dict:
    row = {k: v for k, v in doc.items() if k != "warnings"}
    for fld in FIELDS:
        row[fld] = values[fld][0]
    date_value, source = values["date"]
    if source == "curated":
        row["date"], row["date_precision"], row["date_source"] = (
            date_value, cur.get("date_precision"), "curated")
    else:
        date, how = _split_date(date_value)
        precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
        row["date"], row["date_precision"], row["date_source"] = date, precision, how
    for extra in EXTRA_CURATED:
        if cur.get(extra) or extra not in row:
            row[extra] = cur.get(extra)
    for key, value in cur.items():
        if key not in row and key not in FIELDS and key != "date_precision":
            row[key] = value
    return row


def _documents_frame(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return schema.empty("documents")
    df = pd.DataFrame(rows)
    df["date"] = pd.to_datetime(df["date"], format="mixed", errors="coerce")
    for col in schema.TABLES["documents"]:
        if col not in df:
            df[col] = None
    return schema.conform(df, "documents")
