"""Infer document metadata from the page itself; abstain when the page does not state it.

Inferred: the headline, the outlet and the outlets it cites (`workbench.ingest.outlets`), the
publication date with its precision (a page-store header, a header line, a dateline), else only
a lower bound (`date_not_before`: the latest date the story mentions), the author (a person's
byline or sign-off), the language (py3langid). Curated values win at assembly; each field's
curated and inferred values, evidence and agreement are kept for the report.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..corpus.dates import date_label
from .clean import Cleaned
from .dates import find_dates, parse_date
from .language import classify_many

FIELDS = ("title", "outlet", "date", "author", "language", "url", "cited", "date_not_before")
#: columns of the per-file table of inferred values (one row per document and field)
INFERRED_COLUMNS = ["doc_id", "field", "value", "evidence", "source", "confidence"]
HEADER_RULES = {"dateline", "widget", "byline", "repeated-title", "rubric"}
_FUTURE = re.compile(r"(until|till|by the end of|by|before|due|scheduled for|до|к)\s*(the\s+)?$",
                     re.IGNORECASE)


class Inferred(NamedTuple):
    """A metadata value read from the page, how it was found (`evidence`, for people), and the
    kind of cue (`source`: archive, column, url, self, formula, store-header, header, dateline,
    headline, byline, ...), which sets the value's `confidence`."""

    value: str
    evidence: str
    source: str = ""


#: how sure a kind of cue makes an inferred value: high, medium, or low (check it in sources.csv)
CONFIDENCE = {"archive": "high", "column": "high", "url": "high", "self": "high", "store-header": "high",
              "header": "high", "formula": "medium", "dateline": "medium", "headline": "medium",
              "byline": "medium", "text": "medium", "domain-line": "low", "body": "low"}


def confidence(inferred: Inferred) -> str:
    """The confidence of an inferred value: by its kind of cue, and for a language by
    py3langid's probability (high from 0.9)."""
    if inferred.source == "py3langid":
        p = float(inferred.evidence.rpartition("=")[2])
        return "high" if p >= 0.9 else "medium" if p >= 0.5 else "low"
    return CONFIDENCE.get(inferred.source, "low")


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


@lru_cache(maxsize=1 << 14)
def _format(value: pd.Timestamp, precision: str) -> str:
    """The date as text to its precision (`date_label`); kept, as an export's rows share few
    dates and `strftime` takes 6 µs (1 s on Current Events)."""
    return date_label(value, precision)


def infer_date(fields: dict[str, str], cleaned: Cleaned, text: str,
               evidence: dict[str, str] | None = None) -> Inferred | None:
    """The publication date, from an archive's date line or an export's date column (`evidence`
    says where an archive printed it), a page-store header, a header line of the page (a date
    line, a widget) or a dateline opening the first paragraph, with its precision; None when the
    page does not state it. A date the story mentions is never the publication date (see
    `date_not_before`), and no year is borrowed to complete a day."""
    if fields.get("date") and (parsed := parse_date(fields["date"])):
        how = (evidence or {}).get("date")
        return Inferred(_format(*parsed), how or f"date field {fields['date']!r}",
                        "archive" if how else "column")
    if cleaned.store_date:
        return Inferred(cleaned.store_date, f"page-store header 'date {cleaned.store_date}'",
                        "store-header")
    for line in (line for _, line, rule in cleaned.removed if rule in HEADER_RULES):
        if found := find_dates(line):
            return Inferred(_format(found[0].value, found[0].precision), f"header line {line!r}",
                            "header")
    paragraphs = text.split("\n\n")
    first = paragraphs[1 if cleaned.title and len(paragraphs) > 1 else 0][:80]
    opening = re.match(r"^[A-ZА-ЯЁ][\w .'-]{1,40},[^.]{0,40}?(?=\d|[A-ZА-Я])", first)
    for found in find_dates(first[:(opening.end() if opening else 0) + 20])[:1]:
        if found.start <= (opening.end() if opening else 3):
            return Inferred(_format(found.value, found.precision),
                            f"dateline {first[:found.end + 12]!r}", "dateline")
    return None


def date_not_before(text: str) -> Inferred | None:
    """The latest date with a year that the text mentions as past: the page was published on or
    after it, a lower bound, not its date."""
    past = [m for m in find_dates(text) if not _FUTURE.search(text[:m.start][-25:])]
    if not past:
        return None
    latest = max(past, key=lambda m: m.value)
    return Inferred(_format(latest.value, latest.precision),
                    f"latest date mentioned {latest.raw!r}: published on or after it", "body")


def infer(fields: dict[str, str], cleaned: Cleaned, text: str, *, outlet: tuple[str, str] | None,
          cited: list[str], language: tuple[str, str] | None,
          evidence: dict[str, str] | None = None) -> dict[str, Inferred]:
    """field -> `Inferred` for every field the page or file reveals; `outlet` and `language` are
    what `infer_outlet` found in the raw page and `infer_languages` in the text, `cited` the
    outlets the text names besides its own, `evidence` where an archive export printed the
    fields it gave (their source is "archive"). A date's value is YYYY, YYYY-MM or YYYY-MM-DD:
    its length is its precision.
    """
    out: dict[str, Inferred] = {}
    evidence = evidence or {}
    for fld in ("title", "author", "url", "outlet", "language"):
        if fields.get(fld):
            out[fld] = Inferred(fields[fld], evidence[fld], "archive") if fld in evidence else \
                Inferred(fields[fld], f"{fld} field", "column")
    if "title" not in out and cleaned.title:
        out["title"] = Inferred(cleaned.title, "headline of the page", "headline")
    if "author" not in out and cleaned.bylines:
        out["author"] = Inferred(cleaned.bylines[0], "byline/sign-off line", "byline")
    if "outlet" not in out and outlet:
        out["outlet"] = Inferred(*outlet)
    if cited:
        out["cited"] = Inferred(", ".join(cited), "outlets the text names besides its own", "text")
    if "language" not in out and language:
        out["language"] = Inferred(*language, "py3langid")
    if date := infer_date(fields, cleaned, text, evidence):
        out["date"] = date
    elif bound := date_not_before(text):
        out["date_not_before"] = bound
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
