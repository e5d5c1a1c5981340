"""Page heuristics: which lines of a scraped page are furniture, judged by their place on the page.

A page has a header zone, the article's body and what follows it. The body is the article zone
(`workbench.ingest.zones`: the first block of paragraphs and what reads on from it); a page
without one has a body from its first long line to its last line of some length. In the header
zone the headline is the first line below the page's last menu (else on the page) that reads as
one (3 to 30 words, not a sentence ending in a full stop, not a date, label, byline, URL or
table row) and shares words with the body, never below the article's own text (a table's row,
two paragraphs in a row); lines before it are rubrics, and date lines, bylines and "Label:
value" lines are removed there. Outside the body, a line that is only a date or time, a menu
(short lines in a row), a repeated short line, a repeat of the headline and the lines under the
heading of a list of other articles are furniture; after it, every line is. The body's own
lines (subheadings, one-line quotes, lists, tables, refrains) are never judged by length or
repetition, and a page cut off mid-line keeps its last line. The lines the site's template
removed (`workbench.ingest.template`) are furniture to the zone and still stand in the page's
menus, so that the headline is looked for where it would be without the site's other pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import find_dates, is_date_only
from .zones import Kind, article_zone

BODY_WORDS = 15  # a line with at least this many words starts the article body
TITLE_WORDS = 30  # a first line longer than this is body text, not a headline
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: Han and kana: scripts written without spaces between words (Chinese, Japanese)
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_NAME_WORD = re.compile(r"^[A-ZА-ЯЁƏÇĞİÖŞÜ][\w'’.-]*$")
_BULLET = re.compile(r"^\s*[-•–—▪►]\s+")
_CLOSING = "['\"”»’)」』）】]*$"  # quotes and brackets that may close a sentence
END_PUNCT = re.compile(r"[.!?:;…。！？：；]" + _CLOSING)
_LIST_PUNCT = re.compile(r"[.!?:;,…。！？：；，、]" + _CLOSING)  # an enumeration's item ends in a comma
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_QUOTED = re.compile(r"^\s*[\"“„«‘'].*[\"”»’']\s*$")  # a title in quotes: “The Quiet Shelf”
#: an embedded post's signature: "— City Library (@lib) March 1, 2024"
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^\W\d_].*\(@\w+\)")
_SENTENCE_END = re.compile(r"[.!?…。！？]" + _CLOSING)
_LABEL = re.compile(r"^(?P<label>[^\W\d_]+(?: [^\W\d_]+)?)\s?:\s*(?P<value>\S.*)$")
_BYLINE = re.compile(r"^(?:By|BY|by|Author|Authors|Автор|Авторы|Müəllif|Yazar|Yazan)\b\s*:?\s+"
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
    """The line's words; in a script without spaces (Chinese, Japanese) every two characters
    count as one, so that a sentence of forty characters weighs as twenty words, not as one."""
    unspaced = len(UNSPACED.findall(line))
    return len(_WORDS.findall(UNSPACED.sub(" ", line))) + (unspaced + 1) // 2


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
    """2-4 capitalised words, letters only: a byline or sign-off such as 'Ali Gasimov'; not a
    table's row, its cells set apart by tabs."""
    words = line.split()
    return (2 <= len(words) <= 4 and len(line) <= 50 and not END_PUNCT.search(line)
            and "\t" not in line
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


def _stamp(line: str) -> bool:
    """A post's time stamp: a date alone, or a short line with a clock time ("November 19, 2019
    at 6:34 am", "2 days ago at 07:52 am"), as comments and teasers carry; not an embedded
    post's signature ("— The Senate (@Senate) October 9, 2018")."""
    return is_date_only(line) or n_words(line) <= 8 and bool(_CLOCK.search(line)) \
        and not _SENTENCE_END.search(line)


def _pager(line: str) -> bool:
    """A list's page numbers: three or more small numbers counting up by one and nothing else
    ("1 2 3 4 5", "1 | 2 | 3 »"), not a row of figures or years."""
    numbers = [int(x) for x in re.findall(r"\d+", line)]
    return len(numbers) >= 3 and not re.search(r"[^\W\d_]", line) and numbers[-1] < 1000 \
        and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _stems(line: str) -> set[str]:
    """The line's words of four letters or more, cut to five letters: enough to meet inflected
    forms ("Azerbaijani", "Азербайджана") of the same word."""
    return {w.casefold()[:5] for w in _WORDS.findall(line) if len(w) >= 4}


def headline(live: list[tuple[int, str]], body_at: int, verdict: dict[int, str],
             begun: int) -> int | None:
    """Index in `live` of the headline: the first line of the header zone, none below `begun`
    (where the article's own text starts, `_own_text`), that reads as one (three words or
    more; two when no line has three) and shares words with the article below it, at least
    half as many as the header zone's line that shares most, so that a site's tagline, a rubric
    or "Skip to content" is not taken for it. When no line there shares as many (or there is no
    article below), the first line there that reads as one."""
    fits = [i for i, (n, line) in enumerate(live[:body_at])
            if n not in verdict and 2 <= n_words(line) <= TITLE_WORDS
            and not line.rstrip().endswith(".") and not line.startswith(("http://", "https://"))
            and "\t" not in line  # a table's row
            and not is_date_only(line) and not _is_label(line) and not byline(line)]
    body = set().union(*(_stems(line) for n, line in live[body_at:] if n not in verdict))
    shared = {i: len(_stems(live[i][1]) & body) / max(1, len(_stems(live[i][1]))) for i in fits}
    best = max(shared.values(), default=0)
    fits = [i for i in fits if i <= begun]
    if best:
        fits = [i for i in fits if shared[i] and shared[i] >= best / 2] or fits
    return next((i for i in fits if n_words(live[i][1]) >= 3 and not live[i][1].isupper()),
                fits[0] if fits else None)


def _own_text(live: list[tuple[int, str]], body_at: int, verdict: dict[int, str]) -> int:
    """Index in `live` where the article's own text first stands in the header zone (a table's
    row, or the first of two paragraphs in a row, no removed line between them: a list-like
    article whose body was not found there); `body_at` when none does."""
    return next((i for i in range(body_at) if "\t" in live[i][1]
                 or i + 1 < len(live) and is_prose(live[i][1]) and is_prose(live[i + 1][1])
                 and not any(live[i][0] < n < live[i + 1][0] for n in verdict)),
                body_at)


def _headline_below_menus(live: list[tuple[int, str]], body_at: int, verdict: dict[int, str],
                          menus: dict[int, str]) -> int | None:
    """The `headline`, looked for first below the page's last menu above the body (teasers of
    other articles above that menu share words with the article too), else on the whole page;
    either way above the article's own text (a table's row, two paragraphs in a row), which no
    headline follows: a menu below that text does not move the headline under it."""
    begun = _own_text(live, body_at, verdict)
    head = headline(live, body_at, verdict, begun)
    limit = live[body_at][0] if body_at < len(live) else float("inf")
    last_menu = max((m for m in menus if m < limit), default=0)
    below = sum(n < last_menu for n, _ in live)
    low = headline(live[below:], body_at - below, verdict, begun - below) if below <= begun else None
    return head if low is None else low + below


def _body_start(live: list[tuple[int, str]]) -> int:
    """Index in `live` where the article starts: the first line of BODY_WORDS words or more,
    or the end of the page."""
    return next((i for i, (_, line) in enumerate(live) if n_words(line) >= BODY_WORDS), len(live))


def _header_rule(line: str, *, first: bool = False) -> str | None:
    """The rule of a header-zone element: a person's byline (not on the page's first line, which
    may be a headline), a line that dates the page, a "Label: value" line; None for others."""
    if byline(line) and not first:
        return "byline"
    if n_words(line) <= 10 and _is_dateline(line):
        return "dateline"
    return "rubric" if _is_label(line) else None


def _header_elements(live: list[tuple[int, str]], lines: range, verdict: dict[int, str]) -> None:
    """Bylines, date lines and "Label: value" lines of the header zone (`lines` of `live`); not
    the line above a table's row, which is the table's heading ("Defensive Line")."""
    for i in lines:
        n, line = live[i]
        if n not in verdict and not _table_heading(live, i) and (rule := _header_rule(line, first=i == 0)):
            verdict[n] = rule


def page_furniture(lines: list[tuple[int, str]], verdict: dict[int, str], *,
                   cut: bool = False, template: Iterable[tuple[int, str]] = ()) -> str | None:
    """Fill `verdict` (line number -> rule) with the page furniture among `lines`; return the
    headline, or None when the page has none (its first line is already the article). `cut`
    says the page store cut the page off mid-line: its last line, right after a paragraph of
    the article, is the article's too however short. `template`: the lines its site's template
    removed (in `verdict` already), which stand in the page's menus as the page shows them, so
    that the page's menus, and the headline below them, are read as without its site's other
    pages.

    When the page shows its article zone (`workbench.ingest.zones`), the lines of the body are
    judged only by what they are (a date alone, the headline again), never by their length,
    repetition or company; every line after the body is furniture."""
    shown = sorted([*lines, *template])
    menus: dict[int, str] = {}
    _menus(shown, menus)
    body = _body(lines, verdict, menus, _own_lists(shown, menus))
    verdict.update({n: rule for n, rule in menus.items()
                    if n not in verdict and (body is None or n not in body)})
    _listed(lines, verdict)
    live = [(n, line) for n, line in lines if n not in verdict]
    if not live:
        return None
    tail = cut and any(is_prose(line) for _, line in live[-3:-1])  # the cut line is article
    _headline_lists(live[:-1] if tail else live, verdict)
    if body is None:
        body_at = _body_start(live)
        # the footer zone starts after the last line of some length: a page cut off
        # mid-paragraph still ends in article text
        last_text = max((i for i, (n, line) in enumerate(live)
                         if n not in verdict and (is_prose(line) or n_words(line) >= 8
                                                  or tail and i == len(live) - 1)),
                        default=len(live))
    else:
        body_at = next(i for i, (n, _) in enumerate(live) if n >= body.start)
        last_text = max(i for i, (n, _) in enumerate(live) if n < body.stop)
    _header_elements(live, range(body_at), verdict)
    head = _headline_below_menus(live[:last_text + 1], body_at, verdict, menus)
    standfirst = None
    if head is not None and head + 1 == body_at and any(
            _header_rule(line) for _, line in live[body_at + 1:body_at + 3]):
        # a standfirst under the headline, then a byline or date: the article starts later
        later = _body_start(live[body_at + 1:])
        if body_at + 1 + later < len(live):
            standfirst = body_at
            _header_elements(live, range(body_at + 1, body_at + 1 + later), verdict)
            body_at += 1 + later
    if body is not None:  # the body's bylines and dates: lines before it reads on
        flow = next((i for i in range(body_at, last_text)
                     if is_prose(live[i][1]) and is_prose(live[i + 1][1])), body_at)
        for n, line in live[body_at + 1:flow]:
            rule = _header_rule(line)  # a name alone may be a subheading there: "By" says it
            if n not in verdict and rule and (rule != "byline" or _BYLINE.match(line)):
                verdict[n] = rule
    head_key = " ".join(live[head][1].casefold().split()) if head is not None else None
    main_script = script(" ".join(line for _, line in live if n_words(line) >= 5))
    listed = _list_items(live)
    seen_short: set[str] = set()
    for i, (n, line) in enumerate(live):
        key = " ".join(line.casefold().split())
        words = n_words(line)
        beyond = i > last_text and not (tail and i == len(live) - 1)  # past the article's end
        if n in verdict:
            pass
        elif i != head and key == head_key:
            verdict[n] = "repeated-title"
        elif body is not None and body_at <= i <= last_text:
            if is_date_only(line):  # the body's lines are not judged by length or repetition
                verdict[n] = "dateline"
        elif words <= 3 and main_script and script(line) not in (None, main_script) and (
                i > last_text or head is not None and i < head):  # outside the article
            verdict[n] = "stray-script"
        elif words < 12 and key in seen_short:
            verdict[n] = "repeated-line"
        elif is_date_only(line):
            verdict[n] = "dateline"
        elif head is not None and i < head and not (
                words >= BODY_WORDS and _SENTENCE_END.search(line)):  # no paragraph of prose
            verdict[n] = "rubric"  # what stands above the headline: site names, promos, labels
        elif i < body_at and i != head and not is_prose(line) and not _own_line(live, i, listed) \
                and (words <= 4 and not END_PUNCT.search(line) and not _QUOTED.match(line)
                     or standfirst is not None and i > standfirst and words <= 8):
            verdict[n] = "rubric"  # a section label, or a credit line under the standfirst
        elif beyond and (words <= 4 and not END_PUNCT.search(line) or
                         line.isupper() and words >= 2):
            verdict[n] = "signoff" if i == len(live) - 1 and byline(line) else "footer"
        elif body is not None and beyond:  # comments, teasers of other articles
            verdict[n] = "after-article" if is_prose(line) else "footer"
        if words < 12:
            seen_short.add(key)
    _related_links(live if body is None else live[:body_at], verdict)
    return live[head][1] if head is not None else None


def _body(lines: list[tuple[int, str]], verdict: dict[int, str], menus: dict[int, str],
          own: set[int]) -> range | None:
    """The line numbers of the article's body (`workbench.ingest.zones`), from which lines are
    paragraphs and which are furniture: removed by a rule, a time stamp, a pager, a menu's item
    but for the article's own lists (`own`, `_own_lists`). The signature of a post embedded at
    the body's end closes the body."""
    numbered = sorted([*lines, *((n, None) for n in verdict if lines and n > lines[0][0])])
    kinds: list[Kind] = [
        "furniture" if line is None or _stamp(line) or _pager(line)
        or n in menus and n not in own
        else "paragraph" if is_prose(line) and not _teaser(line) else "line"
        for n, line in numbered]
    zone = article_zone(kinds)
    if zone is None:
        return None
    first, last = zone
    if last + 1 < len(numbered) and _POST_SIGNATURE.match(numbered[last + 1][1] or ""):
        last += 1
    return range(numbered[first][0], numbered[last][0] + 1)


def _own_lists(lines: list[tuple[int, str]], menus: dict[int, str]) -> set[int]:
    """The menus' lines that may be the article's own list: an item in lower case ("капуста /
    кабачок / горох"), and every line of a run that holds a "Label: value" line or repeats a
    line ("Price: $89")."""
    runs: list[list[tuple[int, str]]] = []
    previous = None
    for n, line in lines:
        if n in menus:
            if runs and previous in menus:
                runs[-1].append((n, line))
            else:
                runs.append([(n, line)])
        previous = n
    return {n for run in runs for n, line in run
            if line[:1].islower() or any(_is_label(x) for _, x in run)
            or len({x for _, x in run}) < len(run)}


def _table_heading(live: list[tuple[int, str]], i: int) -> bool:
    """Whether line `i` of `live` stands right above a table's row: the table's heading."""
    return i + 1 < len(live) and "\t" in live[i + 1][1]


def _own_line(live: list[tuple[int, str]], i: int, listed: set[int]) -> bool:
    """Whether line `i` of `live`, in the header zone, is the article's own however short: a
    table's row or heading, an item of a list (`listed`), or the place of a dateline set on a
    line of its own between the date (no byline) and the first paragraph: a proper name, which
    the page never writes in lower case ("Pittsburgh")."""
    word = live[i][1].strip()
    return "\t" in live[i][1] or i in listed or _table_heading(live, i) or (
        0 < i < len(live) - 1 and n_words(word) == 1 and word.istitle()
        and _is_dateline(live[i - 1][1]) and not _BYLINE.match(live[i - 1][1])
        and is_prose(live[i + 1][1])
        and not any(word.casefold() in _WORDS.findall(line) for _, line in live))


def _list_items(live: list[tuple[int, str]]) -> set[int]:
    """Indexes in `live` of the items of a list: 3+ lines in a row opening with the same word in
    lower case ("player.setav health", "player.setav stamina"), which a section label or a row
    of share buttons ("Share on Facebook") never is."""
    firsts = [line.split()[0] if line[:1].islower() else "" for _, line in live]
    items: set[int] = set()
    start = 0
    for i in range(1, len(live) + 1):
        if i < len(live) and firsts[i] and firsts[i] == firsts[start]:
            continue
        if i - start >= 3:
            items.update(range(start, i))
        start = i
    return items


def _teaser(line: str) -> bool:
    """A line cut short with an ellipsis ("Jury rules for half of 21 plaintiffs …"): the teaser
    of another article, not a paragraph."""
    return n_words(line) < BODY_WORDS and line.rstrip().endswith(("…", "..."))


def _menus(lines: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """Menus: 2+ one- or two-word lines opening the page, or 3+ lines of up to three words in a
    row anywhere, two thirds of them of one or two words ("Политика / Технологии и медиа /
    Финансы"), the last not of three (that may be the headline under the menu)."""
    def menu_like(line: str) -> bool:
        return n_words(line) <= 3 and not END_PUNCT.search(line) and not line.isdigit() \
            and not is_date_only(line) and not _QUOTED.match(line)

    run: list[int] = []
    live = [(n, line) for n, line in lines if n not in verdict]
    texts = dict(live)
    for i, (n, line) in enumerate([*live, (-1, "a full stop.")]):
        if menu_like(line):
            run.append(n)
            continue
        while run and n_words(texts[run[-1]]) == 3:  # a three-word line ending it is a headline
            run.pop()
        short = sum(n_words(texts[k]) <= 2 for k in run)
        at_top = bool(run) and run[0] == live[0][0]
        if len(run) >= 3 and 3 * short >= 2 * len(run) or (
                at_top and len(run) >= 2 and short == len(run) and i < len(live)):
            verdict.update({k: "menu" for k in run})
        run = []


def _listed(lines: list[tuple[int, str]], verdict: dict[int, str]) -> None:
    """The lines under the heading of a list of other articles ("Read also", "Последние
    новости", "Oxşar xəbərlər"; rule `related-heading`) that read as headlines (a question
    too), up to the first paragraph of prose."""
    headings = sorted(n for n, rule in verdict.items() if rule == "related-heading")
    if not headings:
        return
    under, previous = False, 0
    for n, line in lines:
        if n in verdict:
            continue
        under = under or any(previous < h < n for h in headings)
        if under and n_words(line) <= 20 and not line.rstrip().endswith((".", "…")):
            verdict[n] = "related-links"
        else:
            under = False
        previous = n


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
    """Runs of 2+ bullet lines that read as headlines (no closing punctuation, not even a comma)
    are link lists; bullets after a line that ends in a colon are the article's own list."""
    run: list[str] = []
    numbers: list[int] = []
    lead = ""  # the line before the run
    for n, line in [*live, (-1, "")]:
        if _BULLET.match(line) and n_words(line) <= 25:
            run.append(line)
            numbers.append(n)
            continue
        headline_like = sum(1 for item in run if not _LIST_PUNCT.search(item))
        if len(run) >= 2 and headline_like * 2 >= len(run) and not lead.rstrip().endswith(":"):
            verdict.update({k: "related-links" for k in numbers if k not in verdict})
        run, numbers, lead = [], [], line
