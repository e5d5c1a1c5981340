"""LexisNexis plain-text and HTML exports in the classic layout (LexisNexis Academic and its
national interfaces): articles opened by a document line ("1 of 10 DOCUMENTS", "Dokument 3 von
50", "2 de 10 DOCUMENTOS"), after a cover page with the search and the time of the request.

Both containers are turned into paragraphs, each knowing whether it is centred (a text export
indents its header lines, an HTML export aligns them by its style sheet); the layout rules of
`lexis_layout` read each article from them. What cannot be read is said in `Export.problems`: text
after an article that no document line opens (the markers stop), an article cut off.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from lxml import html as lxml_html

from ..decode import decode_bytes
from .export import Export
from .lexis_layout import Para, article, breaks_paragraph, is_copyright

SNIFF_BYTES = 1 << 17  # the head of a file in which an export shows its markers
CENTRED = 6  # leading spaces (a tab counting 8) from which a text export's line is centred
FULL_LINE = 72  # columns from which a line fills a text export's page (it cannot be indented)
_COUNT = (r"(?:FOCUS\s*-\s*)?\d+\s+(?:of|von|de|sur|di|van|af|av|z|из)\s+\d+\s+"
          r"(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?|DOCUMENTI|DOCUMENTEN|DOKUMENTER|ДОКУМЕНТ\w*)"
          r"|(?:Dokument|Document|Documento|Documenti|Documenten)\s+\d+\s+(?:von|de|of|sur|di|van)"
          r"\s+\d+")
_MARKER = re.compile(rf"(?:{_COUNT})", re.IGNORECASE)
_SNIFF_MARKER = re.compile(rf"(?:^|>)[ \t\f\v]*(?:{_COUNT})[ \t\r]*(?:$|<)", re.IGNORECASE | re.MULTILINE)
_SNIFF_LABEL = re.compile(r"(?:^|>)[ \t]*[A-ZÄÖÜÉÈ][A-ZÄÖÜÉÈ-]{2,}[ \t]?:", re.MULTILINE)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|br|span)\b[^>]*>", re.IGNORECASE)
_NOT_TEXT = (b"{\\rtf", b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")
_COVER_LABEL = re.compile(r"([^\W\d_][^:]{1,40}?):\s*(.*)$")
_BLANK_LINE = re.compile(r"\n[ \t\xa0]*\n")
_ALIGN = re.compile(r"\.([\w-]+)\s*\{[^}]*?text-align:\s*(\w+)", re.IGNORECASE)
#: cover-page labels (lower case) -> the provenance they give; others keep their own name
PROVENANCE = {
    **dict.fromkeys(["terms", "search terms", "search", "zoektermen", "suchbegriffe", "suchbegriff",
                     "termes", "termes de recherche", "recherche", "términos", "términos de búsqueda",
                     "búsqueda", "termini di ricerca", "ricerca", "søgeord"], "search"),
    **dict.fromkeys(["time of request", "date/time", "date and time", "tijdstip printopdracht",
                     "zeitpunkt der anfrage", "datum/uhrzeit", "date/heure", "date et heure",
                     "heure de la demande", "fecha/hora", "fecha y hora", "hora de la solicitud",
                     "data/ora"], "exported"),
}
BLOCKS = {"p", "div", "td", "th", "tr", "table", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "center", "body", "section", "article", "header",
          "footer", "address", "hr"}
SKIP = {"head", "style", "script", "title", "noscript"}


def _head(data: bytes) -> str:
    """The head of the file as text, well enough to find ASCII markers in."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore")
    if head[1:400:2].count(0) > 100:  # UTF-16 without its mark
        return head.decode("utf-16-le", "ignore")
    return head.decode("utf-8", "ignore")


def sniff(data: bytes) -> bool:
    """A LexisNexis text or HTML export: a document line ("1 of 10 DOCUMENTS") alone on its line
    or in its element, and an upper-case label ("LENGTH:", "BYLINE:") in the file's head."""
    if data[:64].lstrip().startswith(_NOT_TEXT):
        return False
    head = _head(data)
    return bool(_SNIFF_MARKER.search(head)) and bool(_SNIFF_LABEL.search(head))


def read(data: bytes) -> Export:
    """Every article of the export, with the cover page's search and request time as provenance."""
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Export("nexis-text", problems=(f"not readable as text: {decoded.reason}",))
    provenance = [("encoding", decoded.note)] if decoded.note else []
    if _HTML.search(decoded.text[:4096]):
        paras, meta = _html_paras(decoded.text)
        return _export("nexis-html", paras, meta + provenance)
    return _export("nexis-text", _text_paras(decoded.text), provenance)


def _is_marker(para: Para) -> bool:
    return len(para.lines) == 1 and _MARKER.fullmatch(para.lines[0]) is not None


def _text_paras(text: str) -> list[Para]:
    """The paragraphs of a text export: runs of non-blank lines, a document line always one of
    its own, and a known label opening one after a label line or, for a label that ends the
    body, after any line ("…last sentence." / "LOAD-DATE: …"); a label inside running text
    ("… COST: 43 million. LENGTH: 19.43 meters.") stays in it. A paragraph is centred when its
    first line is indented, or when that line fills the page (a centred line too long to be
    indented) and every line under it is indented."""
    out: list[Para] = []
    lines: list[str] = []
    indents: list[int] = []
    start = 0

    def flush() -> None:
        wide = indents[0] + len(lines[0]) >= FULL_LINE and len(lines) > 1
        centred = indents[0] >= CENTRED or (wide and min(indents[1:]) >= CENTRED)
        out.append(Para(tuple(lines), centred, start))
        lines.clear()
        indents.clear()

    for n, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        marker = "OCUMENT" in (upper := line.upper()) or "OKUMENT" in upper
        marker = marker and _MARKER.fullmatch(line) is not None
        if lines and (not line or marker or breaks_paragraph(lines[0], line)):
            flush()
        if not line:
            continue
        if not lines:
            start = n
        expanded = raw.expandtabs(8)
        indents.append(len(expanded) - len(expanded.lstrip()))
        lines.append(line)
        if marker:
            flush()
    if lines:
        flush()
    return out


def _html_paras(text: str) -> tuple[list[Para], list[tuple[str, str]]]:
    """The paragraphs of an HTML export (block elements, a `<br>` a line break), centred by
    their `align`, `style` or class, and what its `<meta>` says of the export (the number of
    documents, when it was made)."""
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", "replace"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, SyntaxError):  # lxml's ParserError for a document without elements
        return [], []
    align = {name: how.lower() for css in root.iter("style") for name, how in _ALIGN.findall(
        css.text_content())}
    meta = []
    for m in root.iter("meta"):
        meta += [(what, m.get(key)) for key, what in (("documents", "documents"),
                                                      ("updated", "exported")) if m.get(key)]
    out: list[Para] = []
    run: list[str] = []
    where = [False, 0]  # the paragraph being gathered: centred, line
    bullet: list[str] = []  # a list item's bullet, kept for the paragraph it marks

    def add(text: str | None, centred: bool, line: int | None) -> None:
        if text:  # a newline of the source is a space; a line break is a <br>
            if not run:
                where[:] = [centred, line or 0]
            run.append(text if text == "\n" else " ".join(text.split("\n")))

    def flush() -> None:
        for part in _BLANK_LINE.split("".join(run)):  # an empty line parts paragraphs, as in text
            lines = [" ".join(x.split()) for x in part.split("\n") if x.strip()]
            if len(lines) == 1 and len(lines[0]) <= 2 and not any(c.isalnum() for c in lines[0]):
                bullet[:] = lines  # "•": the bullet of the list item that follows
            elif lines:
                if bullet:
                    lines[0] = f"{bullet.pop()} {lines[0]}"
                out.append(Para(tuple(lines), *where))
        run.clear()

    def visit(el, centred: bool) -> None:
        if not isinstance(el.tag, str) or el.tag.lower() in SKIP:
            return
        tag = el.tag.lower()
        if tag == "br":
            add("\n", centred, el.sourceline)
            return
        block = tag in BLOCKS
        if block:
            flush()
            centred = _centred(el, centred, align)
        add(el.text, centred, el.sourceline)
        for child in el:
            visit(child, centred)
            add(child.tail, centred, child.sourceline)
        if block:
            flush()

    visit(root, False)
    flush()
    return out, meta


def _centred(el, inherited: bool, align: dict[str, str]) -> bool:
    """Whether a block element is centred: `<center>`, `align="center"`, a `text-align` in its
    style or its classes' rules; else as the block around it."""
    if el.tag.lower() == "center":
        return True
    style = (el.get("style") or "").lower().replace(" ", "")
    how = [el.get("align", "").lower()] + re.findall(r"text-align:(\w+)", style) + [
        align.get(c, "") for c in (el.get("class") or "").split()]
    said = [h for h in how if h]
    return said[-1] == "center" if said else inherited


def _cover(paras: list[Para]) -> list[tuple[str, str]]:
    """(what, value) from the cover page's labelled lines ("Terms: …", "Time Of Request: …"); a
    line without a label continues the value above it in its paragraph, and a search runs on
    to the paragraph's end."""
    items: list[list[str]] = []
    for p in paras:
        current: list[str] | None = None
        for line in p.lines:
            m = _COVER_LABEL.match(line)
            if m and not (current and PROVENANCE.get(current[0].lower()) == "search"):
                current = [m.group(1).strip(), m.group(2).strip()]
                items.append(current)
            elif current:
                current[1] = f"{current[1]} {line}".strip()
    return [(PROVENANCE.get(" ".join(what.lower().split()), what), value) for what, value in items
            if value]


def _export(fmt: str, paras: list[Para], provenance: list[tuple[str, str]]) -> Export:
    """The export's articles, each opened by its document line, and what could not be read."""
    markers = [i for i, p in enumerate(paras) if _is_marker(p)]
    if not markers:
        return Export(fmt, provenance=tuple(provenance),
                      problems=("no document line (\"1 of 10 DOCUMENTS\") found: no article read",))
    cover = paras[:markers[0]]
    centring = any(_header_centred(paras[at + 1:nxt]) for at, nxt in zip(markers, markers[1:] + [len(paras)]))
    reads = [article(k, paras[at].text, paras[at + 1:nxt], centring=centring) for k, (at, nxt) in
             enumerate(zip(markers, markers[1:] + [len(paras)]), start=1)]
    problems, articles = [], []
    for read in reads:
        problem = read.article.problem or _incomplete(
            read, last=read is reads[-1], closing=any(r.closed for r in reads if r is not read))
        articles.append(replace(read.article, problem=problem) if problem else read.article)
        if read.unread:
            first, last = read.unread[0], read.unread[-1]
            problems.append(f"lines {first.line}-{last.line + len(last.lines) - 1} follow article "
                            f"{read.article.number} but no document line (\"N of M DOCUMENTS\") "
                            "opens them: not read (the export's markers stop there)")
    said = _cover(cover)
    said += [(what, value) for what, value in provenance if what not in dict(said)]
    return Export(fmt, tuple(articles), tuple(said),
                  tuple((line, "cover") for p in cover for line in p.lines), tuple(problems))


def _header_centred(paras: list[Para]) -> bool:
    """Whether an article's header is centred: its first paragraph that is no copyright notice
    (an export may centre its document lines and copyright lines and nothing else)."""
    return next((p.centred for p in paras if not is_copyright(p.lines[0])), False)


def _incomplete(read, *, last: bool, closing: bool) -> str:
    """Why an article is incomplete: it lacks the closing lines (LOAD-DATE, LANGUAGE, copyright)
    the export's other articles have, or, alone, its body holds far fewer words than its LENGTH
    line says; "" when neither shows."""
    words = sum(len(p.split()) for p in read.article.paragraphs)
    short = read.length is not None and words < 0.9 * read.length
    if read.closed or not (closing or short):
        return ""
    where = "the export ends inside it" if last else "the next article begins before its end"
    said = f" (LENGTH says {read.length} words, {words} read)" if read.length is not None else ""
    return f"cut off: {where}{said}"
