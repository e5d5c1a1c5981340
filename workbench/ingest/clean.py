"""Boilerplate removal: keep the article's lines, keep every removed line with its reason.

A scraped page gets two kinds of rules: line patterns from `data/cleaning_rules.csv` (general
`*` and per outlet, `Rules`), then the page heuristics that need the whole page
(`workbench.ingest.page`: header and footer zones, headline, bylines, datelines, menus). A row
of a CSV/JSONL export is article text: only the rules naming its outlet apply, unless its source
asks for page cleaning. Hard-wrapped text has its lines joined back into paragraphs first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .page import END_PUNCT, byline, is_prose, n_words, page_furniture, store_header
from .template import RULE as TEMPLATE_RULE
from .titles import page_title

WRAP_WIDTHS = (50, 100)  # hard-wrapped text: its longest line has a length in this range


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

    def for_outlet(self, outlet: str | None, *, general: bool = True) -> list[tuple[str, re.Pattern]]:
        """The rules of `outlet`, and with `general` the rules for every page (`*`): selected
        once per outlet and kept with the rules (a cache keyed by the rules themselves would
        hash all their patterns for every document)."""
        selected = self.__dict__.setdefault("_selected", {})
        key = ((outlet or "").casefold(), general)
        if key not in selected:
            wanted = {key[0], "*"} if general else {key[0]}
            selected[key] = [(rule, rx) for o, rule, rx in self.patterns if o.casefold() in wanted]
        return selected[key]


@dataclass
class Cleaned:
    """Kept lines `(line_no, text)`, removed lines `(line_no, text, rule)`, the headline, the
    persons of bylines and sign-offs, and the date of a page-store header ("2024-08-17")."""

    kept: list[tuple[int, str]] = field(default_factory=list)
    removed: list[tuple[int, str, str]] = field(default_factory=list)
    title: str | None = None
    bylines: list[str] = field(default_factory=list)
    store_date: str | None = None


def clean_lines(text: str, rules: Rules, *, outlet: str | None = None, page: bool = True,
                zone: bool = False, template: frozenset[int] = frozenset()) -> Cleaned:
    """Split `text` into lines and decide for each whether it belongs to the article.

    The rules test each line, then the page's site template (`template`: numbers of the lines
    that the site's other pages share, `workbench.ingest.template`) removes what the rules left
    of it; then the lines of hard-wrapped paragraphs (wire copy, e-mail) are joined, each
    paragraph keeping the number of its first line, before the page heuristics that judge a line
    by its place on the page (a short wrapped line is not a page element; the template's lines
    still stand in the page's menus there). With `page=False` (a row of an export: article
    text) only the rules naming `outlet` apply; with `zone=True` (an HTML page's article zone,
    its template already cut away by the page's structure) the rules apply to its block-level
    lines, the page heuristics do not."""
    raw = text.split("\n")
    lines = [(n, line.strip()) for n, line in enumerate(raw, start=1)]
    lines = [(n, line) for n, line in lines if line]
    verdict: dict[int, str] = {}
    heuristics = page and not zone
    header = store_header(text) if heuristics and lines else None
    if header:  # "date 2024-08-17 <what the page began with>": the date is metadata
        n = lines[0][0]
        if is_prose(header.rest):
            lines[0] = (n, header.rest)
        else:
            verdict[n] = "store-header"
    selected = rules.for_outlet(outlet, general=page)
    for n, line in lines:
        for rule, rx in selected:
            if n not in verdict and rx.search(line):
                verdict[n] = rule
                break
    if page:
        verdict.update({n: TEMPLATE_RULE for n, _ in lines if n in template and n not in verdict})
    shared = [(n, line) for n, line in lines if verdict.get(n) == TEMPLATE_RULE]
    out = Cleaned(removed=[(n, raw[n - 1].strip(), verdict[n]) for n, _ in lines if n in verdict],
                  store_date=header.date if header else None)
    lines = [(n, line) for n, line in lines if n not in verdict]
    if not zone and _hard_wrapped(lines):  # paragraphs first: a wrapped line is no page element
        lines = _unwrap(lines, raw)
    # a store that cuts pages at a length ends them mid-line, often mid-paragraph
    cut = bool(lines) and not text.endswith("\n") and lines[-1][0] == len(raw) \
        and not lines[-1][1].isupper()
    headline = page_furniture(lines, verdict, cut=cut, template=shared) \
        if heuristics and len(lines) > 1 else None
    _captions(lines, verdict, out.removed)
    for n, line in lines:
        if n in verdict:
            out.removed.append((n, line, verdict[n]))
        else:
            out.kept.append((n, line))
    out.removed.sort(key=lambda row: row[0])
    out.bylines = [name for _, line, rule in out.removed if rule in ("byline", "signoff")
                   if (name := byline(line))]
    if heuristics and len(out.kept) > 1:  # a one-paragraph text has no headline
        out.title = page_title(lines, verdict, headline)
    return out


def _captions(lines: list[tuple[int, str]], verdict: dict[int, str],
              removed: list[tuple[int, str, str]]) -> None:
    """A line right before a photo credit ("Фото: …", "Photo: …") that is no sentence is the
    photo's caption."""
    credits = [n for n, _, rule in removed if rule == "photo-credit"]
    if not credits:
        return
    following = [m for m, _ in lines[1:]] + [float("inf")]
    for (n, line), nxt in zip(lines, following):
        if n not in verdict and any(n < c < nxt for c in credits) and not END_PUNCT.search(line) \
                and n_words(line) <= 40:
            verdict[n] = "caption"


def _hard_wrapped(kept: list[tuple[int, str]]) -> bool:
    """Text wrapped at a fixed width: 4+ lines, the longest within `WRAP_WIDTHS`, at least 40%
    of them running on into the next line without closing punctuation, and 70% of those
    near the longest line's width."""
    if len(kept) < 4:
        return False
    width = max(len(line) for _, line in kept)
    running_on = [line for (n, line), (m, _) in zip(kept, kept[1:])
                  if m == n + 1 and not END_PUNCT.search(line)]
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
                 and not (END_PUNCT.search(prev[1]) and len(prev[1]) < 0.8 * width))
        if joins:
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        else:
            out.append((n, line))
    return out
