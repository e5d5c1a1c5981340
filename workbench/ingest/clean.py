"""Boilerplate removal: keep the article's lines, keep every removed line with its reason.

Two kinds of rules: line patterns from `data/cleaning_rules.csv` (general `*` and
per-outlet, `Rules`), then structural heuristics that need the whole page (repeated title,
bylines, sign-offs, related-link lists, stray words in another script, rubrics).
Hard-wrapped text has its lines joined back into paragraphs; the headline is the first
kept line when it is short and more text follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import find_dates

BODY_WORDS = 15  # a line with at least this many words starts the article body
TITLE_WORDS = 30  # a first line longer than this is body text, not a headline
WRAP_WIDTHS = (50, 100)  # hard-wrapped text: its longest line has a length in this range
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NAME_WORD = re.compile(r"^[A-ZА-ЯЁƏÇĞİÖŞÜ][\w'’.-]*$")
_BULLET = re.compile(r"^\s*[-•–—▪►]\s+")
_END_PUNCT = re.compile(r"[.!?:;…]['\"”»’)]*$")


@dataclass(frozen=True)
class Rules:
    """Compiled line rules: (outlet or '*', rule name, regex)."""

    patterns: tuple[tuple[str, str, re.Pattern], ...]

    @classmethod
    def compile(cls, rows: Iterable[tuple[str, str, str]]) -> Rules:
        """Rules from (outlet, rule, pattern) rows, e.g. the project's `data/cleaning_rules.csv`
        (`workbench.project`, which validates them and says which line is wrong)."""
        return cls(tuple((outlet, rule, re.compile(pattern)) for outlet, rule, pattern in rows))

    def key(self) -> str:
        """The rules as text, for the cache key."""
        return "\n".join(f"{o}\t{r}\t{rx.pattern}" for o, r, rx in self.patterns)

    def for_outlet(self, outlet: str | None) -> list[tuple[str, re.Pattern]]:
        return _for_outlet(self, (outlet or "").casefold())


@lru_cache(maxsize=256)
def _for_outlet(rules: Rules, outlet: str) -> list[tuple[str, re.Pattern]]:
    """The general rules and those of `outlet` (case-folded), once per outlet, not per page."""
    return [(rule, rx) for o, rule, rx in rules.patterns if o.casefold() in ("*", outlet)]


@dataclass
class Cleaned:
    """Kept lines `(line_no, text)`, removed lines `(line_no, text, rule)` and the title."""

    kept: list[tuple[int, str]] = field(default_factory=list)
    removed: list[tuple[int, str, str]] = field(default_factory=list)
    title: str | None = None
    bylines: list[str] = field(default_factory=list)


def _n_words(line: str) -> int:
    return len(_WORDS.findall(line))


def _script(text: str) -> str | None:
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    lat = sum(1 for c in text if c.isalpha() and c < "\u0250")
    if cyr == lat == 0:
        return None
    return "cyrillic" if cyr > lat else "latin"


def looks_like_name(line: str) -> bool:
    """2-4 capitalised words, letters only: a byline or sign-off such as 'Ali Gasimov'."""
    words = line.split()
    return (2 <= len(words) <= 4 and len(line) <= 50 and not _END_PUNCT.search(line)
            and all(_NAME_WORD.match(w) and not any(c.isdigit() for c in w) for w in words))


def clean_lines(text: str, rules: Rules, *, outlet: str | None = None) -> Cleaned:
    """Split `text` into lines and decide for each whether it belongs to the article.

    The rules of `rules` test each line; then the lines of hard-wrapped paragraphs (wire copy,
    e-mail) are joined, each paragraph keeping the number of its first line, before the
    heuristics that judge a line by its place on the page (menus, bylines, repeated lines):
    a short wrapped line is not a page element."""
    raw = text.split("\n")
    lines = [(n, line.strip()) for n, line in enumerate(raw, start=1)]
    lines = [(n, line) for n, line in lines if line]
    verdict: dict[int, str] = {}
    patterns = rules.for_outlet(outlet)
    for n, line in lines:
        for rule, rx in patterns:
            if rx.search(line):
                verdict[n] = rule
                break
    out = Cleaned(removed=[(n, line, verdict[n]) for n, line in lines if n in verdict])
    lines = [(n, line) for n, line in lines if n not in verdict]
    if _hard_wrapped(lines):  # paragraphs first: a wrapped line is no page element
        lines = _unwrap(lines, raw)
    if len(lines) > 1:  # every structural heuristic needs a second line to act on
        _structural(lines, verdict)
    for n, line in lines:
        if n in verdict:
            out.removed.append((n, line, verdict[n]))
        else:
            out.kept.append((n, line))
    out.removed.sort(key=lambda row: row[0])
    out.bylines = [line for _, line, rule in out.removed if rule in ("byline", "signoff")]
    if len(out.kept) > 1 and _n_words(out.kept[0][1]) <= TITLE_WORDS:
        out.title = out.kept[0][1]  # a one-paragraph text or a long first paragraph has no headline
    return out


def _hard_wrapped(kept: list[tuple[int, str]]) -> bool:
    """Text wrapped at a fixed width: 4+ lines, the longest within `WRAP_WIDTHS`, at least 40%
    of them running on into the next line without closing punctuation, and 70% of those
    near the longest line's width."""
    if len(kept) < 4:
        return False
    width = max(len(line) for _, line in kept)
    running_on = [line for (n, line), (m, _) in zip(kept, kept[1:])
                  if m == n + 1 and not _END_PUNCT.search(line)]
    full = sum(len(line) >= 0.6 * width for line in running_on)
    return (WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and len(running_on) >= 0.4 * (len(kept) - 1)
            and full >= 0.7 * len(running_on))


def _unwrap(kept: list[tuple[int, str]], raw: list[str]) -> list[tuple[int, str]]:
    """Join wrapped lines into paragraphs; a paragraph ends at a blank or removed line, before an
    indented line, or after a short line that closes a sentence."""
    width = max(len(line) for _, line in kept)
    out: list[tuple[int, str]] = []
    for i, (n, line) in enumerate(kept):
        prev = kept[i - 1] if i else None
        joins = (prev is not None and n == prev[0] + 1 and not raw[n - 1][:1].isspace()
                 and not (_END_PUNCT.search(prev[1]) and len(prev[1]) < 0.8 * width))
        if joins:
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        else:
            out.append((n, line))
    return out


def _structural(lines: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Heuristics that look at a line's place in the page; fills `verdict` in place."""
    _menus(lines, verdict)
    live = [(n, line) for n, line in lines if n not in verdict]
    if not live:
        return
    body_at = next((i for i, (_, line) in enumerate(live) if _n_words(line) >= BODY_WORDS), len(live))
    main_script = _script(" ".join(line for _, line in live if _n_words(line) >= 5))
    title_n, title = live[0]
    seen_short: set[str] = set()
    for i, (n, line) in enumerate(live):
        key = " ".join(line.casefold().split())
        words = _n_words(line)
        if n != title_n and key == " ".join(title.casefold().split()):
            verdict[n] = "repeated-title"
        elif words <= 3 and main_script and _script(line) not in (None, main_script):
            verdict[n] = "stray-script"
        elif words < 12 and key in seen_short:
            verdict[n] = "repeated-line"
        elif 0 < i < body_at and looks_like_name(line):
            verdict[n] = "byline"
        elif 0 < i < body_at and words <= 10 and _is_dateline(line):
            verdict[n] = "dateline"
        elif i == 1 and body_at == 2 and words <= 4 and not _END_PUNCT.search(line):
            verdict[n] = "rubric"
        elif i == len(live) - 1 and i > body_at and looks_like_name(line):
            verdict[n] = "signoff"
        if words < 12:
            seen_short.add(key)
    _related_links(live, verdict)


def _menus(lines: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Menus: 2+ one- or two-word lines opening the page, or 3+ such lines in a row anywhere."""
    def menu_like(line: str) -> bool:
        return _n_words(line) <= 2 and not _END_PUNCT.search(line) and not line.isdigit()

    run: list[int] = []
    live = [(n, line) for n, line in lines if n not in verdict]
    for i, (n, line) in enumerate([*live, (-1, "a full stop.")]):
        if menu_like(line):
            run.append(n)
            continue
        at_top = bool(run) and run[0] == live[0][0]
        if len(run) >= 3 or (at_top and len(run) >= 2 and i < len(live)):
            verdict.update({k: "menu" for k in run})
        run = []


def _is_dateline(line: str) -> bool:
    dates = find_dates(line)
    return bool(dates) and sum(d.end - d.start for d in dates) >= 0.3 * len(line)


def _related_links(live: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Runs of 2+ bullet lines that read as headlines (no closing punctuation) are link lists."""
    run: list[int] = []
    for n, line in [*live, (-1, "")]:
        if _BULLET.match(line) and _n_words(line) <= 25:
            run.append(n)
            continue
        if len(run) >= 2:
            texts = dict(live)
            headline_like = sum(1 for k in run if not _END_PUNCT.search(texts[k]))
            if headline_like * 2 >= len(run):
                verdict.update({k: "related-links" for k in run if k not in verdict})
        run = []
