"""Titles from the page: the headline where the page's own evidence agrees on it, else none.

A text page is read two ways: from the top, the first line that reads as a headline, is supported
by the article and opens it (its byline, date line or first paragraphs follow); and from the
article's lead upwards, the nearest line that reads as a headline and is supported. A line is
supported when at least half of its words of four letters or more (cut to five letters; in a
script without spaces, its pairs of characters), and two, recur in the prose below it: a site's
name, a rubric, an interface string or a teaser of another story shares few. The title is the
line the reading from the lead names when the reading from the top or the zone's headline
(`page.headline`) names it too, or the headline above a deck (where the reading from the lead
stops); otherwise the page has none. A line that pages with other texts share is their site's,
not a title (`without_shared_headlines`, at assembly). An HTML page's title is its `<h1>` where
og:title or `<title>` (without the site's name) agrees with it, else the one of them the article
supports.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import numpy as np
import pandas as pd

from .dates import find_dates
from .page import _is_dateline, _is_label, _stems, byline, is_date_only, is_prose, n_words
from .prose import no_spaces

MAX_WORDS = 24  # a longer line is a sentence of the article, not its headline
_CLOSED = re.compile(r"(?:\.|。|…)['\"”’»)]*$")  # a sentence or a cut teaser, not a headline
#: "By Jane Doe", "Analysis by Jane Doe", "Von Moritz Weber": the word "by" in a few languages
_SIGNED = re.compile(r"^(?:[^\W\d_]+\s+)?(?i:by|von|par|por|di|door|av|af|od|от|автор|yazar|müəllif)"
                     r"\b:?\s+[A-ZА-ЯЁÀ-Þ]")
#: a caption: a sentence, then its credit in brackets or with a slash or ©
_CREDITED = re.compile(r"\S{2}[.!?]['\"”’]?\s+(?:\([^()]*\)|[^.!?]*[/©][^.!?]*)$")
_BULLET = re.compile(r"^[*•▪►·–—-]\s*\S")
_TRAIL = re.compile(r"(?:[>»›|/]\s*[^>»›|/\s][^>»›|/]*){2,}$")  # a breadcrumb: Home > News > World
#: lines the page heuristics removed for their place, not for what they are: one may be the headline
MAY_BE_TITLE = {"rubric", "related-links", "repeated-line"}
_LEAD_GAP = 3  # kept lines from one paragraph of the lead to the next
_HEADER_LINES = 3  # lines between a headline and its byline, date or first paragraph
_LOOK_UP = 8  # kept lines above the lead in which its headline stands
_WORD = re.compile(r"[^\W_]+")
#: what joins a headline and the site's name in `<title>`: "Headline | Site", "Site - Headline"
_SEPARATOR = re.compile(r"\s+[|\-–—:·•»/]\s+|\s*[|•»]\s*")


def _units(line: str) -> set[str]:
    """What a line is compared by: its words of four letters or more cut to five letters, and
    the pairs of characters of its runs in scripts without spaces."""
    run = no_spaces(line)
    return _stems(line) | {run[i:i + 2] for i in range(len(run) - 1)}


def _signed(line: str) -> bool:
    """A byline: "By …", "Analysis by …", "Posted by … on …"."""
    return n_words(line) <= 16 and bool(_SIGNED.match(line))


def _dated(line: str) -> bool:
    """A line that dates the page ("Nov. 19, 2019, 8:41 AM", "Updated 14 hours ago" is not)."""
    return n_words(line) <= 12 and _is_dateline(line) and bool(find_dates(line))


def reads_as_headline(line: str) -> bool:
    """2 to 24 words (4 to 60 characters in a script without spaces), not closed by a full stop
    or an ellipsis, not a date, label, byline, URL, caption with its credit, bullet item,
    breadcrumb or table row, and not in capitals ("DOW JONES, A NEWS CORP COMPANY")."""
    chars, words = len(no_spaces(line)), n_words(line)
    size = 4 <= chars <= 60 if chars >= 4 else 2 <= words <= MAX_WORDS
    return (size and "\t" not in line and not (line.isupper() and words >= 2)
            and not _CLOSED.search(line) and not line.startswith(("http://", "https://"))
            and not _BULLET.match(line) and not _TRAIL.search(line) and not _CREDITED.search(line)
            and not _signed(line) and not _is_label(line) and not is_date_only(line)
            and not _dated(line))


class _Page:
    """A page's lines (`lines`: (line number, text), `verdict`: line number -> rule of the removed
    ones) as the readings see them: the lines kept, and those removed only for their place,
    which may still be the headline."""

    def __init__(self, lines: list[tuple[int, str]], verdict: dict[int, str]):
        self.lines = lines
        self.read = {i for i, (n, _) in enumerate(lines) if verdict.get(n) in MAY_BE_TITLE | {None}}
        #: kept line -> its place among the kept lines
        self.kept = {i: k for k, i in enumerate(i for i, (n, _) in enumerate(lines) if n not in verdict)}
        self.prose = [i for i in self.kept if is_prose(lines[i][1])]
        self.last: dict[str, int] = {}  # unit -> the last paragraph of prose holding it
        for i in self.prose:
            self.last.update(dict.fromkeys(_units(lines[i][1]), i))

    def candidate(self, i: int) -> bool:
        """Whether line `i` may be the headline: it is read and reads as one."""
        return i in self.read and reads_as_headline(self.lines[i][1])

    def supported(self, i: int) -> bool:
        """Whether at least half of line `i`'s units (three or more), and two, recur in the prose
        below it."""
        units = _units(self.lines[i][1])
        shared = sum(self.last.get(u, -1) > i for u in units)
        return len(units) >= 3 and shared >= max(2, len(units) / 2)

    def opens_article(self, i: int) -> bool:
        """Whether the article starts under line `i`: its byline or date line, or its first two
        paragraphs, come within `_HEADER_LINES` lines read (a person's name, and a longer line
        right under it, a deck, may stand between), with no other headline before them. Lines
        removed for what they are (menus, share rows) are passed over."""
        seen, first = 0, None
        for k in range(i + 1, len(self.lines)):
            line = self.lines[k][1]
            signs = _signed(line) or _dated(line)
            if k not in self.read:
                if signs and first is None:
                    return True
                continue
            seen += 1
            if first is None and signs:
                return True
            if is_prose(line):
                if first is not None:
                    return first <= _HEADER_LINES and seen - first <= 2
                first = seen
            elif first is not None:
                if seen - first > 2:
                    return False
            elif not byline(line):
                deck = k == i + 1 and n_words(line) > n_words(self.lines[i][1])
                if seen > _HEADER_LINES or reads_as_headline(line) and not deck:
                    return False
        return first is not None and first <= _HEADER_LINES  # the page's one paragraph

    def from_top(self) -> int | None:
        """The first candidate line that is supported and opens the article."""
        return next((i for i in range(len(self.lines)) if self.candidate(i) and self.supported(i)
                     and self.opens_article(i)), None)

    def from_lead(self) -> int | None:
        """The nearest supported candidate above the article's lead (its first paragraph followed
        by two more, each within `_LEAD_GAP` kept lines; on a shorter page, by what it has; in a
        list-like article, its first paragraph), within `_LOOK_UP` kept lines."""
        if not self.prose:
            return None
        place, need = self.kept, min(2, len(self.prose) - 1)
        lead = next((self.prose[a] for a in range(len(self.prose) - need)
                     if all(place[self.prose[a + b + 1]] - place[self.prose[a + b]] <= _LEAD_GAP
                            for b in range(need))), self.prose[0])
        for i in range(lead - 1, -1, -1):
            if self.candidate(i) and self.supported(i):
                return i
            if place.get(i, place[lead]) < place[lead] - _LOOK_UP:
                return None
        return None


def page_title(lines: list[tuple[int, str]], verdict: dict[int, str],
               headline: str | None) -> str | None:
    """The title of a text page, or None when its readings disagree. `lines` are the page's
    (line number, text) after the line rules, `verdict` the rules of its removed lines,
    `headline` the zone's headline (`page.headline`)."""
    page = _Page(lines, verdict)
    top, lead = page.from_top(), page.from_lead()
    if lead is not None and (lead == top or lines[lead][1] == headline):
        return lines[lead][1]
    if top is not None and lead == top + 1 and lines[top][1] == headline:
        return lines[top][1]  # a headline with its deck under it: the reading from below stopped there
    return None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _agree(a: str, b: str) -> bool:
    """Whether two headings name the same headline: the words of one run on in the other's, or
    they share three in four of the shorter one's words."""
    wa, wb = _words(a), _words(b)
    short, long_ = sorted((wa, wb), key=len)
    if len(short) < 2:
        return short == long_
    if f" {' '.join(short)} " in f" {' '.join(long_)} ":
        return True
    return len(set(short) & set(long_)) >= 0.75 * len(set(short))


def _without_site(title: str, sites: list[str]) -> str:
    """`<title>` or og:title without the parts that name the site ("Headline | Site",
    "Site - Headline")."""
    parts = _SEPARATOR.split(title)
    kept = [p for p in parts if not any(_agree(p, site) for site in sites)]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def _supported_by(heading: str, text: str) -> bool:
    """Whether at least half of a heading's units, and two, occur in the article's text."""
    units = _units(heading)
    return len(units) >= 2 and len(units & _units(text)) >= max(2, len(units) / 2)


def html_title(html: str, text: str, *, site: str | None = None) -> str | None:
    """The headline of an HTML page: its first `<h1>` that og:title or `<title>` agrees with;
    else og:title where `<title>` agrees with it and the article's words (`text`) support it;
    else the one of them the article's words support. None when they disagree unsupported,
    and never the site's name (`site`, og:site_name) or a heading in capitals."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None

    def meta(*names: str) -> str:
        found = root.xpath("//meta[@property=$a or @name=$a or @property=$b or @name=$b]/@content",
                           a=names[0], b=names[-1])
        return " ".join(str(found[0]).split()) if found else ""

    sites = [s for s in (site, meta("og:site_name"), meta("application-name")) if s]
    h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    og = _without_site(meta("og:title", "twitter:title"), sites)
    head = root.find(".//title")
    titled = _without_site(" ".join((head.text_content() if head is not None else "").split()), sites)

    def plausible(heading: str) -> bool:
        return bool(_words(heading)) and not any(_agree(heading, s) for s in sites) \
            and not (heading.isupper() and len(_words(heading)) >= 2)

    confirmed = [h for h in h1s if plausible(h) and any(_agree(h, t) for t in (og, titled) if t)]
    if confirmed:
        return confirmed[0]
    if og and titled and plausible(og) and _agree(og, titled) and _supported_by(og, text):
        return og
    supported = {h for h in (*h1s, og, titled) if h and plausible(h) and _supported_by(h, text)}
    return supported.pop() if len(supported) == 1 else None


def shared_headlines(inferred: pd.DataFrame, docs: pd.DataFrame) -> set[str]:
    """The titles read from a page's lines (source "headline" of the `inferred` rows,
    `infer.INFERRED_COLUMNS`) that documents with other texts (`docs`: `doc_id`,
    `content_hash`) share, as said (`_said`): a line two different articles both carry is their
    site's (its name, a promo, a section), not either's headline."""
    headline = _headlines(inferred)
    if not headline.any():
        return set()
    heads = inferred[headline]
    texts = pd.Series(docs["content_hash"].to_numpy(dtype=object),
                      index=docs["doc_id"].astype(str)).reindex(heads["doc_id"].astype(str))
    texts_per_title = texts.groupby(_said(heads["value"])).nunique()
    return set(texts_per_title.index[texts_per_title > 1])


def without_shared_headlines(inferred: pd.DataFrame, shared: set[str]) -> pd.DataFrame:
    """The `inferred` rows without the titles read from a page's lines that are `shared`
    (`shared_headlines` of the whole corpus, as the rows may be some of its documents' only)."""
    headline = _headlines(inferred)
    if not shared or not headline.any():
        return inferred
    headline[headline] = [said in shared for said in _said(inferred["value"][headline])]
    return inferred[~headline]


def _headlines(inferred: pd.DataFrame) -> np.ndarray:
    """Where the `inferred` rows are titles read from a page's lines."""
    return (inferred["field"] == "title").to_numpy() & (inferred["source"] == "headline").to_numpy()


def _said(values: pd.Series) -> list[str]:
    """Titles as compared: casefolded, their spaces collapsed."""
    return [" ".join(str(value).casefold().split()) for value in values]
