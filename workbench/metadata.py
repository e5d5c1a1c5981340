"""Infer document metadata from the page itself and merge it with curated metadata.

Inferred: title, outlet (cues from `data/outlets.csv`), date with precision (header,
dateline, or the latest date the body mentions: the page is published on or after it),
author (bylines, sign-offs), language (py3langid). Curated values win; each field's
curated and inferred values, evidence and agreement are kept for the report.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .clean import Cleaned
from .dates import DateMatch, find_dates, modal_year, parse_date

FIELDS = ("title", "outlet", "date", "author", "language", "url")
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
HEADER_RULES = {"dateline", "widget", "byline", "repeated-title", "rubric"}
_FUTURE = re.compile(r"(until|till|by the end of|by|before|due|scheduled for|до|к)\s*(the\s+)?$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class OutletCue:
    outlet: str
    regex: re.Pattern
    country: str
    kind: str


def load_outlets(path: str | Path) -> tuple[OutletCue, ...]:
    """Read outlet cues; a bad row raises ValueError naming it."""
    cues = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            if not (row.get("outlet") or "").strip() or not row.get("pattern"):
                raise ValueError(f"{path} row {n}: outlet and pattern are required; got {row}")
            try:
                regex = re.compile(row["pattern"])
            except re.error as err:
                raise ValueError(f"{path} row {n}: invalid regular expression: {err}") from err
            cues.append(OutletCue(row["outlet"].strip(), regex, (row.get("outlet_country") or ""),
                                  (row.get("outlet_type") or "")))
    return tuple(cues)


def infer_outlet(text: str, cues: tuple[OutletCue, ...]) -> tuple[str, str] | None:
    """The outlet with most cue matches in the raw page, with evidence like "'told Trend' (line 9)"."""
    best = None
    for cue in cues:
        hits = list(cue.regex.finditer(text))
        if hits and (best is None or len(hits) > best[0]):
            line = text.count("\n", 0, hits[0].start()) + 1
            best = (len(hits), cue.outlet, f"{hits[0].group(0)!r} (line {line}, {len(hits)} cue(s))")
    return (best[1], best[2]) if best else None


_LETTERS = re.compile(r"[^\W\d_]{2,}")


@cache
def _language_identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


@cache
def _automaton() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """py3langid's byte automaton as arrays: next state, row offsets, feature per state."""
    ident = _language_identifier()
    return (np.frombuffer(ident.tk_nextmove, dtype=np.uint32).astype(np.int64),
            np.asarray(ident._rowbase, dtype=np.int64), np.asarray(ident.tk_output, dtype=np.int64))


def infer_language(text: str) -> tuple[str, str] | None:
    """ISO 639-1 code and evidence, or None for text too short to tell."""
    return infer_languages([text])[0]


def infer_languages(texts: list[str]) -> list[tuple[str, str] | None]:
    """`infer_language` of each text; py3langid's byte walk runs over all texts at once.

    The scores are py3langid's own (`classify`), computed from the same feature counts.
    """
    ident = _language_identifier()
    samples = [t[:3000] for t in texts]
    todo = [i for i, s in enumerate(samples) if len(_LETTERS.findall(s)) >= 4]
    encoded = [ident._encode(samples[i]) for i in todo]
    out: list[tuple[str, str] | None] = [None] * len(texts)
    for i, data, feats in zip(todo, encoded, _features(encoded)):
        lang, prob = _classify(ident, feats, len(data))
        out[i] = lang, f"py3langid p={prob:.2f}"
    return out


def _features(encoded: list[bytes]) -> list[np.ndarray]:
    """Features each byte string visits, in order: the automaton stepped for all at once."""
    nextmove, rowbase, output = _automaton()
    lengths = np.array([len(b) for b in encoded], dtype=np.int64)
    order = np.argsort(-lengths, kind="stable")  # longest first: the live ones are a prefix
    flat = np.frombuffer(b"".join(encoded), dtype=np.uint8).astype(np.int64)
    at = (np.cumsum(lengths) - lengths)[order]
    state = np.zeros(len(encoded), dtype=np.int64)
    docs, feats = [], []
    for step in range(int(lengths.max(initial=0))):
        live = int(np.searchsorted(-lengths[order], -step, side="left"))
        state[:live] = nextmove[rowbase[state[:live]] + flat[at[:live] + step]]
        found = output[state[:live]]
        hit = np.flatnonzero(found >= 0)
        docs.append(order[hit])
        feats.append(found[hit])
    docs_all = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    feats_all = np.concatenate(feats) if feats else np.zeros(0, dtype=np.int64)
    by_doc = np.argsort(docs_all, kind="stable")
    bounds = np.searchsorted(docs_all[by_doc], np.arange(len(encoded) + 1))
    feats_all = feats_all[by_doc]
    return [feats_all[bounds[i]:bounds[i + 1]] for i in range(len(encoded))]


def _classify(ident, feats: np.ndarray, n_bytes: int) -> tuple[str, float]:
    """py3langid's `classify` (normalised probabilities) from the visited features."""
    if len(feats):
        keys, first, counts = np.unique(feats, return_index=True, return_counts=True)
        seen = np.argsort(first)  # first-visit order, as py3langid's Counter has it
        scores = ident._sparse_score(dict(zip(keys[seen].tolist(), counts[seen].tolist())),
                                     ident.nb_ptc)
    else:
        scores = np.full(len(ident.nb_classes), 0.0, dtype=np.float32)
    scores *= 1.0 / math.sqrt(n_bytes or 1)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for i, j in ident._alias_pairs:
        scores[i] += scores[j]
        scores[j] = 0.0
    best = int(scores.argmax())
    return ident.nb_classes[best], float(scores[best])


def _date_value(match: DateMatch) -> str:
    return _format(match.value, match.precision)


def _format(value: pd.Timestamp, precision: str) -> str:
    return value.strftime(DATE_FORMATS[precision])


def infer_date(fields: dict[str, str], cleaned: Cleaned, text: str) -> tuple[str, str, str] | None:
    """(date string, precision-bearing source, evidence) from the file, header, dateline or body."""
    if fields.get("date") and (parsed := parse_date(fields["date"])):
        return _format(*parsed), "column", f"date field {fields['date']!r}"
    header = [line for _, line, rule in cleaned.removed if rule in HEADER_RULES]
    for line in header:
        if found := find_dates(line):
            return _date_value(found[0]), "header", f"header line {line!r}"
    year = modal_year(text)
    first_para = text.split("\n\n", 2)[1][:80] if text.count("\n\n") >= 1 else text[:80]
    dateline = re.match(r"^[A-ZА-ЯЁ][\w .'-]{1,40},[^.]{0,40}?(?=\d|[A-ZА-Я])", first_para)
    if dateline and (found := find_dates(first_para[:dateline.end() + 20], default_year=year)):
        return _date_value(found[0]), "dateline", f"dateline {first_para[:dateline.end() + 12]!r}"
    past = [m for m in find_dates(text, default_year=year) if not _FUTURE.search(text[:m.start][-25:])]
    if past:
        latest = max(past, key=lambda m: m.value)
        guess = f" (year {year} from the text)" if latest.year_guessed else ""
        return (_date_value(latest), "body",
                f"latest date mentioned {latest.raw!r}{guess}: published on or after it")
    return None


def infer(fields: dict[str, str], cleaned: Cleaned, raw_text: str, text: str,
          cues: tuple[OutletCue, ...], *, language: tuple[str, str] | None = None
          ) -> dict[str, tuple[str, str]]:
    """field -> (value, evidence) for every field the page or file reveals.

    `language` is `infer_language(text)`, guessed by the caller for many texts at once.
    Dates are encoded as "YYYY[-MM[-DD]]|source" so precision and source travel together.
    """
    out: dict[str, tuple[str, str]] = {}
    for fld in ("title", "author", "url", "outlet", "language"):
        if fields.get(fld):
            out[fld] = (fields[fld], f"{fld} field")
    if "title" not in out and cleaned.title:
        out["title"] = (cleaned.title, "first line")
    if "author" not in out and cleaned.bylines:
        out["author"] = (cleaned.bylines[0], "byline/sign-off line")
    if "outlet" not in out and (found := infer_outlet(raw_text, cues)):
        out["outlet"] = found
    if "language" not in out and language:
        out["language"] = language
    if date := infer_date(fields, cleaned, text):
        out["date"] = (f"{date[0]}|{date[1]}", date[2])
    return out


def _norm(value: str) -> str:
    return " ".join(str(value).casefold().replace("i\u0307", "i").split())


def agrees(fld: str, curated: str, inferred: str) -> bool:
    """Whether an inferred value is consistent with the curated one (dates by precision)."""
    if fld == "date":
        value, source = inferred.split("|")
        if source == "body":  # body dates only bound the publication date from below
            return value <= curated[: len(value)] or curated.startswith(value[: len(curated)])
        return value.startswith(curated) or curated.startswith(value)
    a, b = _norm(curated), _norm(inferred)
    return a == b or (fld in ("title", "author", "outlet") and (a in b or b in a))
