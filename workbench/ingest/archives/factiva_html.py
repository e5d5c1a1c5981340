"""Factiva pages saved as HTML, one article per `<div class="article xxArticle">`: the article
display (headline in `#hd`, byline in `.author`, the header's fields in plain divs, the body in
`p.articleParagraph`, then the publisher and "Document <AN>") and "full article with indexing"
(a table of field codes: HD, WC, PD, SN, …, LP and TD holding the body, AN). The search summary
is the export's provenance; the page's logo, footer and headline lists are removed.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from ..decode import decode_bytes
from ..page import n_words
from . import factiva_fields as ff
from .export import Article, Export

FORMAT = "factiva-html"
_ARTICLE_CLASS = re.compile(r"^[a-z]{2}(?:-?[a-z]{2,4})?Article$")
_HEADLINE_CLASS = re.compile(r"Headline$")
_CODE = re.compile(r"^[A-Z]{2,3}$")
_SNIFF_CLASS = re.compile(rb"""class=["']?article [a-z]{2}(?:-?[a-z]{2,4})?Article\b""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCK_TAGS = {"div", "p", "table", "tr", "td", "th", "li", "ul", "ol", "h1", "h2", "h3", "h4",
               "h5", "h6", "br", "form", "center", "blockquote"}
_LEAF_TAGS = ("div", "p", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6")
_UNREAD_WORDS = 25  # text outside any article this long is named in the export's problems


def sniff(data: bytes) -> bool:
    """A page with Factiva's article blocks: `class="article xxArticle"` and their paragraphs or
    field-code cells (substring and one anchored search over the bytes)."""
    if b"articleParagraph" not in data and b'class="index"' not in data:
        return False
    return bool(_SNIFF_CLASS.search(data))


def read(data: bytes) -> Export:
    """Every article of the page, the search summary as provenance, the rest as removed lines."""
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Export(FORMAT, problems=(f"not read: {decoded.reason}",))
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", decoded.text))
    except (lxml.etree.ParserError, ValueError) as error:
        return Export(FORMAT, problems=(f"not read: the HTML cannot be parsed ({error})",))
    for br in root.iter("br"):  # a line break parts words (text_content() would glue them)
        br.tail = " " + (br.tail or "")
    elements = _articles(root)
    articles = [_article(n, el, last=n == len(elements)) for n, el in enumerate(elements, 1)]
    summary = next((t for t in root.iter("table") if _is_summary(t)), None)
    provenance, removed = _summary(summary) if summary is not None else ([], [])
    problems = []
    skip = set(elements) | ({summary} if summary is not None else set())
    body = root.find("body")
    for text, where in _loose_text(body if body is not None else root, skip):
        removed.append((text, where))
        if where == ff.PAGE_FURNITURE and n_words(text) >= _UNREAD_WORDS:
            problems.append(f"text outside any article was not read: {text[:80]!r}")
    if not elements:
        problems.append("no Factiva article block found on the page")
    elif "</html>" not in decoded.text[-4096:].lower():
        problems.append(f"the page is cut off after article {len(elements)}: what followed was not read")
    return Export(FORMAT, tuple(articles), tuple(provenance), tuple(removed), tuple(problems))


def _classes(el) -> list[str]:
    return (el.get("class") or "").split()


def _articles(root) -> list:
    """The innermost article blocks, in page order (a saved page may wrap each in another)."""
    found = [el for el in root.iter("div")
             if any(c == "article" or _ARTICLE_CLASS.match(c) for c in _classes(el))]
    candidates = set(found)
    outer = {a for el in found for a in el.iterancestors("div") if a in candidates}
    return [el for el in found if el not in outer]


def _article(number: int, el, *, last: bool) -> Article:
    rows = [tr for tr in el.iter("tr") if _code_of(tr)]
    coded = any(_code_of(tr) in ("HD", "LP", "TD") for tr in rows)  # not a table in an article
    fields, paragraphs, removed = _coded(rows) if coded else _display(el)
    got = {k for k, _ in fields}
    problem = ""
    if "source_id" not in got and last:
        problem = "cut off: the page ends inside it (no \"Document …\" line)"
    elif not paragraphs:
        problem = "no article text found in its block"
    return Article(number, tuple(fields), tuple(paragraphs), tuple(removed), problem)


def _code_of(tr) -> str | None:
    cells = tr.findall("td")
    code = ff.clean(cells[0].text_content()) if len(cells) >= 2 else ""
    return code if _CODE.match(code) and code in ff.CODES else None



def _coded(rows) -> tuple[list, list, list]:
    """"Full article with indexing": one table row per field code."""
    fields, paragraphs, removed = [], [], []
    for tr in rows:
        code, cell = _code_of(tr), tr.findall("td")[1]
        if code in ff.BODY_CODES:
            paras = [ff.clean(p.text_content()) for p in cell.iter("p")] or [ff.clean(cell.text_content())]
            paragraphs.extend(p for p in paras if p)
            continue
        value = ff.clean(cell.text_content())
        if not value:
            continue
        removed.append((value, ff.rule(code)))
        if code == "AN":
            ff.add(fields, "source_id", ff.an_field(value) or "")
        elif code == "BY":
            ff.add(fields, "author", ff.author(value))
        elif code in ff.FIELD_OF:
            ff.add(fields, ff.FIELD_OF[code], value)
    return fields, paragraphs, removed


def _leaf_blocks(el) -> list:
    """The article's divs, paragraphs and cells that hold no other such block, in order."""
    return [b for b in el.iterdescendants(*_LEAF_TAGS)
            if next(b.iterdescendants(*_LEAF_TAGS), None) is None]


def _is_headline(el) -> bool:
    return el.get("id") == "hd" or any(_HEADLINE_CLASS.search(c) for c in _classes(el)) or any(
        _HEADLINE_CLASS.search(c) for d in el.iterdescendants() for c in _classes(d))


def _display(el) -> tuple[list, list, list]:
    """The article display: [section] headline [byline] header divs, paragraphs, then plain
    paragraphs (captions, the publisher) and "Document <AN>"."""
    fields, paragraphs, removed = [], [], []
    blocks = [(b, ff.clean(b.text_content())) for b in _leaf_blocks(el)]
    blocks = [(b, t) for b, t in blocks if t]
    hd = next((k for k, (b, _) in enumerate(blocks) if _is_headline(b)), None)
    for _, text in blocks[:hd or 0]:  # before the headline: the section
        removed.append((text, ff.rule("SE")))
        ff.add(fields, "section", text)
    if hd is not None:
        counted = any("counted" in _classes(d) for d in blocks[hd][0].iter())
        removed.append((blocks[hd][1], ff.rule("HD")))
        ff.add(fields, "title", ff.headline(blocks[hd][1], counted=counted))
    header: list[str] = []
    note = None  # where the last plain paragraph is in `removed`: the publisher, if it reads as one

    def read_header() -> None:
        got, lines, used = ff.display_header(header, bounded=False)
        for name, value in got:
            ff.add(fields, name, value)
        removed.extend(lines + [(text, "header line") for text in header[used:]])
        header.clear()

    for b, text in blocks[(hd + 1 if hd is not None else 0):]:
        if b.tag == "div" and not paragraphs and note is None and "author" not in _classes(b) \
                and not ff.accession(text):
            header.append(text)
            continue
        read_header()
        if "author" in _classes(b) and not paragraphs:
            removed.append((text, ff.rule("BY")))
            ff.add(fields, "author", ff.author(text))
        elif any(c.endswith("articleParagraph") for c in _classes(b)):
            paragraphs.append(text)
        elif acc := ff.accession(text):
            removed.append((text, ff.rule("AN")))
            ff.add(fields, "source_id", acc)
        else:
            note = len(removed)
            removed.append((text, "caption or note"))
    read_header()
    if note is not None and ff.is_publisher(removed[note][0]):
        removed[note] = (removed[note][0], ff.rule("PUB"))
    return fields, paragraphs, removed


def _is_summary(table) -> bool:
    return "searchPreview" in (table.get("class") or "") or any(
        "sbSummaryTitle" in _classes(td) for td in table.iter("td"))


def _summary(table) -> tuple[list, list]:
    """The search summary's rows as provenance, and all its lines as removed."""
    rows, removed = [], []
    for tr in table.iter("tr"):
        cells = [ff.clean(td.text_content()) for td in tr.findall("td")]
        cells = [c for c in cells if c]
        if cells:
            removed.append((" ".join(cells), ff.SEARCH_SUMMARY))
        if len(cells) == 2:
            rows.append((cells[0], cells[1]))
    return ff.summary_provenance(rows), removed


def _loose_text(root, skip: set) -> list[tuple[str, str]]:
    """The page's text outside the articles and the summary, block by block, with its rule."""
    out: list[tuple[str, str]] = []
    buffer: list[str] = []

    def flush(where: str) -> None:
        text = ff.clean(" ".join(buffer))
        buffer.clear()
        if text:
            out.append((text, where))

    def walk(el, where: str) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # a comment or processing instruction
            return
        if el in skip or tag in ("script", "style", "noscript", "head"):
            flush(where)
            return
        if el.get("id") == "carryOver":
            where = "headline list"
        if tag in _BLOCK_TAGS:
            flush(where)
        buffer.append(el.text or "")
        for child in el:
            walk(child, where)
            buffer.append(child.tail or "")
        if tag in _BLOCK_TAGS:
            flush(where)

    walk(root, ff.PAGE_FURNITURE)
    flush(ff.PAGE_FURNITURE)
    return out
