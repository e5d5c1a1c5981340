"""The article zone of an HTML page: trafilatura's main text found on the page's own lines and
widened to the article's blocks it drops, less what the page's structure marks as furniture.

trafilatura finds a page's main text but drops parts of it (a table, a list, an embedded quote,
a first or last paragraph, the later chunks of a body the page splits) and keeps some furniture
(links to other articles inside the body). The page is laid out in lines as a browser lays it
out; trafilatura's lines are found among them; the element holding most of them for least other
text is the article's container. The container's lines from trafilatura's first to its last, and
the lines standing where trafilatura's stand in the page's template, are the article's, unless
the page marks them as outside it: navigation, asides, footers, forms, captions, the headline,
elements named for sharing, related links, comments or ads, hidden elements, lines that are
mostly a link or a date. Nothing here counts words: a page in a script without spaces is laid
out and judged as any other.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

#: elements that start a line of their own, as a browser lays them out
BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav "
    "ol p pre section summary table tbody tfoot thead tr ul".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: elements whose text no reader sees
HIDDEN = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio select option "
    "button input textarea head title meta link".split())
#: classes by which CSS frameworks hide an element
HIDDEN_CLASSES = frozenset(
    "hidden hide d-none sr-only visually-hidden screen-reader-text invisible".split())
#: elements that hold no article text (a figure holding a table or a quote is that table or quote)
OUTSIDE = frozenset("nav aside footer form figure figcaption label".split())
#: what a class or id names when it names a page element as no part of the article: parts of
#: names, and words of names (between hyphens, underscores or spaces)
FURNITURE_NAMES = re.compile(
    r"shar(?:e|ing)|social|related|comment(?!ary)|newsletter|promo|advert|sponsor|subscri|"
    r"recommend|byline|author|caption|breadcrumb|sidebar|widget|signup|popular|trending|toolbar|"
    r"footer|pagination|gallery|modal|overlay|popup|cookie|outbrain|taboola|"
    r"(?:^|[-_\s])(?:ads?|tags?|nav|menu|meta|credits?|next|prev|tools?)(?:$|[-_\s])", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")  # spaces, soft hyphens…
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？])")
_LIST_MARK = re.compile(r"^(?:[-*•] |\d+\. )")
_CELL, _BREAK = "\x00", "\x01"  # a table cell's and a preformatted line's end while laying out
LINK_DENSE = 0.5  # a line with more than this share of its characters in links or times
HELD = 0.8  # the article's container holds this share of the text of trafilatura's lines
PART = 0.5  # an element holding less than this share of the page's text is a part of the page
SLOT_REACH = 3  # a line outside the container stands in its slot within this many levels of it


@dataclass
class Line:
    """A line of the page as a browser lays it out: its text, the block element it stands in,
    the innermost element holding all its text, and how many of its characters are links' text
    and a `<time>`'s."""

    text: str
    block: etree._Element
    owner: etree._Element
    link_chars: int = 0
    time_chars: int = 0

    @property
    def dense(self) -> bool:
        """Mostly a link or a date: a link to elsewhere, a time stamp."""
        chars = len(_squash(self.text))
        return max(self.link_chars, self.time_chars) > LINK_DENSE * chars


def article_text(html: str, extracted: str, title: str | None = None) -> str:
    r"""The article's lines of the page `html`, one a line, given trafilatura's main text
    `extracted` and the page's `title`: the lines of the element holding trafilatura's lines
    from its first to its last (with the tables, lists and quotes it drops between them), the
    lines standing where its lines stand in the page's template (its first and last paragraphs,
    the body's later chunks), and its lines outside that element, each unless the page marks it
    as outside the article; a line of links among trafilatura's stays unless other links adjoin
    it. Its text found nowhere on the page is kept where it stands.

    >>> article_text("<body><nav><a href='/'>Home</a></nav><div><p>One.</p><ul><li>Two</li>"
    ...              "</ul><p>Three.</p></div></body>", "One.\nThree.")
    'One.\nTwo\nThree.'
    """
    root = _parse(html)
    lines = page_lines(root) if root is not None else []
    anchors, unplaced = _locate(lines, extracted)
    if not anchors:
        return extracted
    marks = _Marks(lines, anchors, _headlines(root, title))
    clear = {i for i in anchors if not marks.outside(lines[i], None)}
    container = _container(lines, clear or anchors)
    reach = list(_chain(container))[:SLOT_REACH + 1]
    inside = [_inside(line.block, reach[:1]) for line in lines]
    held = sorted(i for i in anchors if inside[i])
    slots = {_slot(lines[i].block) for i in held}
    keep = []
    for i, line in enumerate(lines):
        between = inside[i] and held[0] < i < held[-1]
        in_slot = _slot(line.block) in slots and _inside(line.block, reach)
        listed = (i > 0 and lines[i - 1].dense) or (i + 1 < len(lines) and lines[i + 1].dense)
        keep.append((i in anchors or between or in_slot) and not marks.outside(
            line, container if inside[i] else None, dense=i not in anchors or listed))
    keep = _empty_headings(lines, keep)
    out: list[str] = []
    for i, line in enumerate(lines):
        out += unplaced.get(i, [])
        if keep[i]:
            out.append(line.text)
    return "\n".join(out + unplaced.get(len(lines), []))


def page_lines(root: etree._Element) -> list[Line]:
    """The page's visible lines in document order: a block element or a `<br>` ends a line; a
    table row is one line with its cells separated by tabs, unless its cells hold blocks (a
    table for layout), where a cell is a block; a preformatted text keeps its lines."""
    lines: list[Line] = []
    parts: list[str] = []
    opened: list[etree._Element] = []  # the elements open at this point of the walk
    blocks: list[etree._Element] = [root]
    within = {"a": 0, "time": 0, "pre": 0}  # how many of these are open
    # the line's owner so far and its depth, the shallowest depth since its last text, and
    # its characters in links and times
    line: dict = {"owner": None, "low": 0, "dip": 0, "a": 0, "time": 0}

    def add(text: str | None) -> None:
        if not text:
            return
        parts.append(text.replace("\n", _BREAK) if within["pre"] else text)
        if n := len(_squash(text)):
            depth = len(opened)
            low = min(line["low"], line["dip"], depth) if line["low"] else depth
            if low != line["low"]:
                line.update(owner=opened[low - 1], low=low)
            line["dip"] = depth
            line["a"] += n if within["a"] else 0
            line["time"] += n if within["time"] else 0

    def flush() -> None:
        owner = blocks[-1] if line["owner"] is None else line["owner"]
        for row in "".join(parts).split(_BREAK):
            text = "\t".join(c for cell in row.split(_CELL) if (c := " ".join(cell.split())))
            if text:
                lines.append(Line(text, blocks[-1], owner, line["a"], line["time"]))
        parts.clear()
        line.update(owner=None, low=0, dip=0, a=0, time=0)

    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in HIDDEN or _hidden(el):
                walk.skip_subtree()
                continue
            block = tag in BLOCK or (tag in ("td", "th") and _holds_blocks(el))
            if block or tag == "br":
                flush()
            if block:
                blocks.append(el)
            elif tag in ("td", "th") and parts:
                parts.append(_CELL)
            if tag in within:
                within[tag] += 1
            opened.append(el)
            add(el.text)
        else:
            if opened and opened[-1] is el:  # not a skipped element
                if el is blocks[-1]:
                    flush()
                    blocks.pop()
                opened.pop()
                if tag in within:
                    within[tag] -= 1
                line["dip"] = min(line["dip"], len(opened))
            add(el.tail)
    flush()
    return lines


def _hidden(el: etree._Element) -> bool:
    """Does the page hide `el`: the hidden attribute, an inline style, a framework's class, a
    dialog not open?"""
    return (el.get("hidden") is not None or bool(_DISPLAY_NONE.search(el.get("style") or ""))
            or not HIDDEN_CLASSES.isdisjoint((el.get("class") or "").lower().split())
            or (el.tag == "dialog" and el.get("open") is None))


def _holds_blocks(cell: etree._Element) -> bool:
    return any(isinstance(d.tag, str) and d.tag in BLOCK for d in cell.iterdescendants())


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True))
    except (etree.ParserError, ValueError):
        return None


def _squash(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _extracted_lines(extracted: str) -> list[str]:
    """trafilatura's lines without its markup: a list item's dash, a table's pipes and rules."""
    out = []
    for line in extracted.split("\n"):
        line = line.strip()
        if line.startswith("|"):
            line = "" if set(line) <= set("|-: ") else line.replace("|", " ")
        if line := _LIST_MARK.sub("", line):
            out.append(line)
    return out


def _locate(lines: list[Line], extracted: str) -> tuple[set[int], dict[int, list[str]]]:
    """The indexes of the page lines that carry trafilatura's lines, and its text found nowhere
    on the page by the index of the page line it comes before. A line not found whole (a layout
    table run into one line) is looked for sentence by sentence."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(_squash(line.text))
    page = "".join(_squash(line.text) for line in lines)
    anchors: set[int] = set()
    unplaced: dict[int, list[str]] = defaultdict(list)
    cursor = 0

    def find(text: str) -> bool:
        nonlocal cursor
        if not (sq := _squash(text)):
            return True
        at = page.find(sq, cursor)
        if at < 0:
            at = page.find(sq)
        if at < 0:
            return False
        anchors.update(range(bisect.bisect_right(starts, at) - 1,
                             bisect.bisect_right(starts, at + len(sq) - 1)))
        cursor = at + len(sq)
        return True

    for text in _extracted_lines(extracted):
        if not find(text) and (missing := [piece for piece in _SENTENCE.split(text)
                                           if piece.strip() and not find(piece)]):
            unplaced[bisect.bisect_left(starts, cursor)].append(" ".join(missing))
    return anchors, unplaced


class _Marks:
    """Which elements the page marks as outside the article (`OUTSIDE`, `FURNITURE_NAMES`, the
    headline), each only as a part of the page: an element holding half the page's text or half
    of trafilatura's (a form around the whole page, an article tagged 'tag-comments', a headline
    left open over the page) is none."""

    def __init__(self, lines: list[Line], anchors: set[int], headlines: set[etree._Element]):
        self.headlines = headlines
        self.size: dict[etree._Element, list[int]] = defaultdict(lambda: [0, 0])
        total = [0, 0]
        for i, line in enumerate(lines):
            n, held = len(line.text), len(line.text) if i in anchors else 0
            total[0] += n
            total[1] += held
            for el in _chain(line.block):
                self.size[el][0] += n
                self.size[el][1] += held
        self.part = [PART * total[0], PART * total[1]]
        self.cache: dict[etree._Element, bool] = {}

    def marks(self, el: etree._Element) -> bool:
        if el not in self.cache:
            size = self.size.get(el, (0, 0))
            self.cache[el] = size[0] < self.part[0] and size[1] < self.part[1] and (
                el in self.headlines or _furniture(el))
        return self.cache[el]

    def outside(self, line: Line, container: etree._Element | None, *, dense: bool = True) -> bool:
        """Is `line` mostly a link or a date (when `dense`), or does an element around it,
        below `container`, mark it?"""
        if dense and line.dense:
            return True
        for el in _chain(line.owner):
            if el is container:
                return False
            if self.marks(el):
                return True
        return False


def _furniture(el: etree._Element) -> bool:
    if el.tag in OUTSIDE:
        return el.tag != "figure" or next(el.iter("table", "blockquote"), None) is None
    return bool(FURNITURE_NAMES.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _headlines(root: etree._Element, title: str | None) -> set[etree._Element]:
    """The page's first `<h1>`, and the headings that read as its `title` or most of it."""
    first = next(root.iter("h1"), None)
    out = {first} if first is not None else set()
    if title and (key := _squash(title).casefold()):
        for el in root.iter(*HEADINGS):
            text = _squash(el.text_content()).casefold()
            if text and (key in text or (text in key and 2 * len(text) >= len(key))):
                out.add(el)
    return out


def _chain(el: etree._Element) -> Iterator[etree._Element]:
    """`el` and its ancestors."""
    yield el
    yield from el.iterancestors()


def _container(lines: list[Line], anchors: set[int]) -> etree._Element:
    """The innermost element holding `HELD` of the text of trafilatura's lines."""
    held: dict[etree._Element, int] = defaultdict(int)
    for i in anchors:
        for el in _chain(lines[i].block):
            held[el] += len(lines[i].text)
    total = sum(len(lines[i].text) for i in anchors)
    return max((el for el, n in held.items() if n >= HELD * total),
               key=lambda el: sum(1 for _ in el.iterancestors()))


def _inside(el: etree._Element, within: list[etree._Element]) -> bool:
    """Is `el` one of the elements `within` or in one of them?"""
    return any(a is w for a in _chain(el) for w in within)


def _slot(el: etree._Element) -> tuple[str, ...]:
    """Where an element stands in the page's template: its and its ancestors' tags and classes."""
    return tuple(f"{a.tag}.{a.get('class') or ''}" for a in _chain(el))


def _empty_headings(lines: list[Line], keep: list[bool]) -> list[bool]:
    """`keep` less the headings with no kept line under them (before the next heading of their
    rank or higher): the heading of a list of links, of a form."""
    keep = list(keep)
    heads: list[tuple[int, int]] = []  # (rank, line) of the kept headings over this line
    for i, line in enumerate(lines):
        tag = line.block.tag
        if tag in HEADINGS:
            rank = int(tag[1])
            while heads and heads[-1][0] >= rank:
                keep[heads.pop()[1]] = False
            if keep[i]:
                heads.append((rank, i))
        elif keep[i]:
            heads.clear()
    for _, i in heads:
        keep[i] = False
    return keep
