"""Page heuristics: which lines of a scraped page are furniture, judged by their place on the page.

A page has a header zone (before the first paragraph of prose), the body, and a footer zone
(after the last line of some length). In the header zone the headline is the first line that
reads as one (3 to 30 words, not a sentence ending in a full stop, not a date, label, byline
or URL); short lines before it are rubrics, and date lines, bylines and "Label: value" lines
are removed there. Anywhere, a line that is only a date or time, a menu (short lines in a row),
a repeated short line or a repeat of the headline is furniture; in the footer zone, short lines
that are no sentence and ALL-CAPS interface strings are. A line that keeps words of the article
stays: the body's own short lines (subheadings, one-line quotes) are never judged by length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates, is_date_only

BODY_WORDS = 15  # a line with at least this many words starts the article body
TITLE_WORDS = 30  # a first line longer than this is body text, not a headline
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NAME_WORD = re.compile(r"^[A-ZА-ЯЁƏÇĞİÖŞÜ][\w'’.-]*$")
_BULLET = re.compile(r"^\s*[-•–—▪►]\s+")
END_PUNCT = re.compile(r"[.!?:;…]['\"”»’)]*$")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_SENTENCE_END = re.compile(r"[.!?…]['\"”»’)]*$")
_LABEL = re.compile(r"^(?P<label>[^\W\d_]+(?: [^\W\d_]+)?)\s?:\s*(?P<value>\S.*)$")
_BYLINE = re.compile(r"^(?:By|BY|Author|Authors|Автор|Авторы|Müəllif|Yazar|Yazan)\b\s*:?\s+"
                     r"(?P<name>\S.*)$")
#: words that make a name-like line an organisation's, not a person's ("Sputnik International")
ORG_WORDS = set("""
international news agency press service media group tv radio times post daily online today
institute center centre ministry office bureau channel network report journal magazine reuters
агентство новости пресс-служба пресс служба издание газета журнал центр институт министерство
agentliyi xəbər mərkəzi ajansı haber
""".split())
_STORE_HEADER = re.compile(r"\A\s*date (?P<date>\d{4}(?:-\d\d){0,2})(?![\d-])[ \t]*(?P<rest>[^\n]*)")


@dataclass(frozen=True)
class StoreHeader:
    """The line a page store put first: `date 2024-08-17` and what followed it on the page."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: its length is its precision
    rest: str

    @property
    def url(self) -> str | None:
        """The page's own URL, when the store wrote it after the date."""
        return self.rest if re.fullmatch(r"https?://\S+", self.rest) else None


def store_header(text: str) -> StoreHeader | None:
    """The page-store header opening `text`, if there is one."""
    m = _STORE_HEADER.match(text)
    return StoreHeader(m["date"], m["rest"].strip()) if m else None


def n_words(line: str) -> int:
    return len(_WORDS.findall(line))


def is_prose(line: str) -> bool:
    """A paragraph of the article: long, or a sentence of six words or more."""
    words = n_words(line)
    return words >= BODY_WORDS or (words >= 6 and bool(_SENTENCE_END.search(line)))


def script(text: str) -> str | None:
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    lat = sum(1 for c in text if c.isalpha() and c < "\u0250")
    if cyr == lat == 0:
        return None
    return "cyrillic" if cyr > lat else "latin"


def looks_like_name(line: str) -> bool:
    """2-4 capitalised words, letters only: a byline or sign-off such as 'Ali Gasimov'."""
    words = line.split()
    return (2 <= len(words) <= 4 and len(line) <= 50 and not END_PUNCT.search(line)
            and all(_NAME_WORD.match(w) and not any(c.isdigit() for c in w) for w in words))


def person(name: str) -> bool:
    """A person's name: name-like, with no word of an organisation's ("Sputnik International",
    "REUTERS" are not persons)."""
    return looks_like_name(name) and not ORG_WORDS & {w.casefold() for w in name.split()}


def byline(line: str) -> str | None:
    """The person a byline names ("By Ali Gasimov", "Author: Tofigakhanim GASIMOVA", or the
    name alone), None when the line is no byline of a person."""
    m = _BYLINE.match(line)
    name = m["name"].strip() if m else line
    return name if person(name) else None


def _is_label(line: str) -> bool:
    """A "Label: value" line of page metadata ("Theme: Politics", "Region:Azerbaijan, Russia")."""
    m = _LABEL.match(line)
    return bool(m) and n_words(m["value"]) <= 4 and not _SENTENCE_END.search(m["value"])


def _is_dateline(line: str) -> bool:
    """A line that dates the page: a date and time, or a date filling much of the line
    ("Politics Materials 23 April 2024 21:00", "25.09.2020", "Thursday")."""
    dates = find_dates(line, default_year=2000)  # only whether a date is there: "BAKU, May 5."
    return is_date_only(line) or bool(dates) and (
        sum(d.end - d.start for d in dates) >= 0.3 * len(line) or bool(_CLOCK.search(line)))


def headline(live: list[tuple[int, str]], body_at: int, verdict: dict[int, str]) -> int | None:
    """Index in `live` of the headline: the first line of the header zone that reads as one
    (three words or more; two when no line has three)."""
    fits = [i for i, (n, line) in enumerate(live[:body_at])
            if n not in verdict and 2 <= n_words(line) <= TITLE_WORDS
            and not line.rstrip().endswith(".") and not line.startswith(("http://", "https://"))
            and not is_date_only(line) and not _is_label(line) and not byline(line)]
    return next((i for i in fits if n_words(live[i][1]) >= 3 and not live[i][1].isupper()),
                fits[0] if fits else None)


def page_furniture(lines: list[tuple[int, str]], verdict: dict[int, str]) -> str | None:
    """Fill `verdict` (line number -> rule) with the page furniture among `lines`; return the
    headline, or None when the page has none (its first line is already the article)."""
    _menus(lines, verdict)
    live = [(n, line) for n, line in lines if n not in verdict]
    if not live:
        return None
    body_at = next((i for i, (_, line) in enumerate(live) if n_words(line) >= BODY_WORDS), len(live))
    _headline_lists(live, verdict)
    # the footer zone starts after the last line of some length: a page cut off mid-paragraph
    # still ends in article text
    last_text = max((i for i, (n, line) in enumerate(live)
                     if n not in verdict and (is_prose(line) or n_words(line) >= 8)),
                    default=len(live))
    for i, (n, line) in enumerate(live[:body_at]):  # the header zone's own elements first
        if byline(line) and i:
            verdict[n] = "byline"
        elif n_words(line) <= 10 and _is_dateline(line):
            verdict[n] = "dateline"
        elif _is_label(line):
            verdict[n] = "rubric"
    head = headline(live, body_at, verdict)
    head_key = " ".join(live[head][1].casefold().split()) if head is not None else None
    main_script = script(" ".join(line for _, line in live if n_words(line) >= 5))
    seen_short: set[str] = set()
    for i, (n, line) in enumerate(live):
        key = " ".join(line.casefold().split())
        words = n_words(line)
        if n in verdict:
            pass
        elif i != head and key == head_key:
            verdict[n] = "repeated-title"
        elif words <= 3 and main_script and script(line) not in (None, main_script):
            verdict[n] = "stray-script"
        elif words < 12 and key in seen_short:
            verdict[n] = "repeated-line"
        elif is_date_only(line):
            verdict[n] = "dateline"
        elif i < body_at and words <= 4 and not END_PUNCT.search(line) and (
                head is None or i != head):
            verdict[n] = "rubric"  # a section label before the headline or after it
        elif i > last_text and (words <= 4 and not END_PUNCT.search(line) or
                                 line.isupper() and words >= 2):
            verdict[n] = "signoff" if i == len(live) - 1 and byline(line) else "footer"
        if words < 12:
            seen_short.add(key)
    _related_links(live, verdict)
    return live[head][1] if head is not None else None


def _menus(lines: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Menus: 2+ one- or two-word lines opening the page, or 3+ such lines in a row anywhere."""
    def menu_like(line: str) -> bool:
        return n_words(line) <= 2 and not END_PUNCT.search(line) and not line.isdigit() \
            and not is_date_only(line)

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


def _headline_lists(live: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """After the article's last sentence, 3+ lines in a row that read as headlines (4-20 words,
    no closing punctuation) are a list of other articles ("Most read", "On the same topic").
    One such line alone stays: a page cut off mid-paragraph ends in one."""
    last = max((i for i, (_, line) in enumerate(live) if is_prose(line)), default=len(live))
    run: list[int] = []
    for n, line in [*live[last + 1:], (-1, "a full stop.")]:
        if n not in verdict and 4 <= n_words(line) <= 20 and not END_PUNCT.search(line):
            run.append(n)
            continue
        if len(run) >= 3:
            verdict.update({k: "related-links" for k in run})
        run = []


def _related_links(live: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Runs of 2+ bullet lines that read as headlines (no closing punctuation) are link lists."""
    run: list[int] = []
    for n, line in [*live, (-1, "")]:
        if _BULLET.match(line) and n_words(line) <= 25:
            run.append(n)
            continue
        if len(run) >= 2:
            texts = dict(live)
            headline_like = sum(1 for k in run if not END_PUNCT.search(texts[k]))
            if headline_like * 2 >= len(run):
                verdict.update({k: "related-links" for k in run if k not in verdict})
        run = []
