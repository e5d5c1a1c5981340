"""Infer document metadata from the page itself and merge it with curated metadata.

Inferred: title, outlet (cues from `data/outlets.csv`), date with precision (header,
dateline, or the latest date the body mentions: the page is published on or after it),
author (bylines, sign-offs), language (py3langid). Curated values win; each field's
curated and inferred values, evidence and agreement are kept for the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import pandas as pd
import regex

from .clean import Cleaned
from .dates import find_dates, modal_year, parse_date
from .language import classify_many

FIELDS = ("title", "outlet", "date", "author", "language", "url")
#: columns of the per-file table of inferred values (one row per document and field)
INFERRED_COLUMNS = ["doc_id", "field", "value", "evidence", "source"]
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
HEADER_RULES = {"dateline", "widget", "byline", "repeated-title", "rubric"}
_FUTURE = re.compile(r"(until|till|by the end of|by|before|due|scheduled for|до|к)\s*(the\s+)?$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class OutletCue:
    """A pattern whose matches in a raw page name its outlet ("told Trend", "azernews.az")."""

    outlet: str
    regex: regex.Pattern


class Inferred(NamedTuple):
    """A metadata value read from the page, how it was found, and for a date where it came from
    (column | header | dateline | body: a body date only bounds the publication from below)."""

    value: str
    evidence: str
    source: str = ""


def outlet_cues(rows: Iterable[tuple[str, str]]) -> tuple[OutletCue, ...]:
    """Cues from (outlet, pattern) rows, e.g. the project's `data/outlets.csv` (validated by
    `workbench.project`); patterns use the `regex` module's syntax."""
    return tuple(OutletCue(outlet, regex.compile(pattern)) for outlet, pattern in rows)


@cache
def _any_cue(cues: tuple[OutletCue, ...]) -> regex.Pattern:
    """One pattern matching where any cue matches: most pages of a large export match none.
    (The `regex` module: several times faster than `re` on these case-insensitive alternations.)"""
    return regex.compile("|".join(f"(?:{cue.regex.pattern})" for cue in cues) or r"(?!)")


def infer_outlet(text: str, cues: tuple[OutletCue, ...]) -> tuple[str, str] | None:
    """The outlet with most cue matches in the raw page, with evidence like "'told Trend' (line 9)"."""
    if not _any_cue(cues).search(text):
        return None
    best = None
    for cue in cues:
        hits = list(cue.regex.finditer(text))
        if hits and (best is None or len(hits) > best[0]):
            line = text.count("\n", 0, hits[0].start()) + 1
            best = (len(hits), cue.outlet, f"{hits[0].group(0)!r} (line {line}, {len(hits)} cue(s))")
    return (best[1], best[2]) if best else None


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def infer_languages(texts: list[str]) -> list[tuple[str, str] | None]:
    """ISO 639-1 code and evidence for each text (its first 3,000 characters), or None for
    text too short to tell (under four words)."""
    samples = [text[:3000] for text in texts]
    known = [i for i, sample in enumerate(samples) if len(_LETTERS.findall(sample)) >= 4]
    found = classify_many([samples[i] for i in known])
    out: list[tuple[str, str] | None] = [None] * len(texts)
    for i, (lang, prob) in zip(known, found):
        out[i] = (lang, f"py3langid p={prob:.2f}")
    return out


def _format(value: pd.Timestamp, precision: str) -> str:
    return value.strftime(DATE_FORMATS[precision])


def infer_date(fields: dict[str, str], cleaned: Cleaned, text: str) -> tuple[str, str, str] | None:
    """(date string, precision-bearing source, evidence) from the file, header, dateline or body."""
    if fields.get("date") and (parsed := parse_date(fields["date"])):
        return _format(*parsed), "column", f"date field {fields['date']!r}"
    header = [line for _, line, rule in cleaned.removed if rule in HEADER_RULES]
    for line in header:
        if found := find_dates(line):
            return _format(found[0].value, found[0].precision), "header", f"header line {line!r}"
    year = modal_year(text)
    first_para = text.split("\n\n", 2)[1][:80] if text.count("\n\n") >= 1 else text[:80]
    dateline = re.match(r"^[A-ZА-ЯЁ][\w .'-]{1,40},[^.]{0,40}?(?=\d|[A-ZА-Я])", first_para)
    if dateline and (found := find_dates(first_para[:dateline.end() + 20], default_year=year)):
        return (_format(found[0].value, found[0].precision), "dateline",
                f"dateline {first_para[:dateline.end() + 12]!r}")
    past = [m for m in find_dates(text, default_year=year) if not _FUTURE.search(text[:m.start][-25:])]
    if past:
        latest = max(past, key=lambda m: m.value)
        guess = f" (year {year} from the text)" if latest.year_guessed else ""
        return (_format(latest.value, latest.precision), "body",
                f"latest date mentioned {latest.raw!r}{guess}: published on or after it")
    return None


def infer(fields: dict[str, str], cleaned: Cleaned, text: str, *, outlet: tuple[str, str] | None,
          language: tuple[str, str] | None) -> dict[str, Inferred]:
    """field -> `Inferred` for every field the page or file reveals; `outlet` and `language` are
    what `infer_outlet` found in the raw page and `infer_languages` in the text. A date's value
    is YYYY, YYYY-MM or YYYY-MM-DD: its length is its precision.
    """
    out: dict[str, Inferred] = {}
    for fld in ("title", "author", "url", "outlet", "language"):
        if fields.get(fld):
            out[fld] = Inferred(fields[fld], f"{fld} field")
    if "title" not in out and cleaned.title:
        out["title"] = Inferred(cleaned.title, "first line")
    if "author" not in out and cleaned.bylines:
        out["author"] = Inferred(cleaned.bylines[0], "byline/sign-off line")
    if "outlet" not in out and outlet:
        out["outlet"] = Inferred(*outlet)
    if "language" not in out and language:
        out["language"] = Inferred(*language)
    if date := infer_date(fields, cleaned, text):
        out["date"] = Inferred(date[0], date[2], date[1])
    return out


def _norm(value: str) -> str:
    return " ".join(str(value).casefold().replace("i\u0307", "i").split())


def agrees(fld: str, curated: str, inferred: str, source: str = "") -> bool:
    """Whether an inferred value is consistent with the curated one (dates by precision; a date
    whose `source` is the body only bounds the publication date from below)."""
    if fld == "date":
        value = inferred
        if source == "body":  # body dates only bound the publication date from below
            return value <= curated[: len(value)] or curated.startswith(value[: len(curated)])
        return value.startswith(curated) or curated.startswith(value)
    a, b = _norm(curated), _norm(inferred)
    return a == b or (fld in ("title", "author", "outlet") and (a in b or b in a))
