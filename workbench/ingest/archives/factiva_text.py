"""Factiva exports saved as RTF or plain text: the articles of the HTML page one paragraph a
line, each ending with its "Document <AN>" line. Two layouts: the article display ([section]
headline [byline], then word count, date, [time], source, [code, page], language, copyright,
then the paragraphs) and the field codes (HD, BY, WC, PD, SN, …, LP and TD holding the body,
the indexing codes, AN). RTF is turned into text by striprtf (its table cells end with "|"); one
layout reader serves both.

An article is found by its header (a word count followed by a date, or an HD field with other
codes after it) and ends at its "Document" line; where that line is missing, at the next
article's header, and the article says its end was guessed or cut off.
"""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from ..decode import decode_bytes
from ..page import looks_like_name, n_words
from . import factiva_fields as ff
from .export import Article, Export

_HEAD = 1 << 18  # the bytes `sniff` reads: the first article's header and its "Document" line
_HTML = re.compile(rb"<(?:!doctype html|html|body|div|table)\b", re.IGNORECASE)
_CODE_LINE = re.compile(r"^(?P<code>[A-Z]{2,3})(?:\s*\||\t|\u00a0|\s+|$)\s*(?P<value>.*)$")
_STRONG = re.compile(r"^[A-Z]{2,3}(?:\s*\||\t|\u00a0|\s{2,}|$)")
_ANSICPG = re.compile(rb"\\ansicpg(\d+)")
# the start of a "Document <AN>" line where the export is cut off: Factiva's word, part of the AN
_CUT_DOCUMENT = re.compile(r"^(?:Document|Dokument|Documento|Документ|文件|文档|ドキュメント)"
                           r"(?: [A-Za-z][A-Za-z0-9]{0,24})?$")
_HEADER_CODES = {"SE", "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "CLM", "VOL",
                 "LA", "CY", "NGC", "GC"}
_PRE_LINES = 3  # above a word count: [section] headline [byline]
_SCAN_LINES = 200  # short lines looked at above the first article (a table of contents)
_PROSE_WORDS = 25  # a line this long is a paragraph, not a headline or a label
_CONTINUATION = 2  # lines a code's value may run on for below it, in the codes closing an article
OUTSIDE = "outside any article"


def sniff(data: bytes) -> bool:
    """An RTF or text file whose head holds a Factiva article: a header (word count and date, or
    an HD field) and then its "Document <AN>" line. A page of HTML is never one. The first 32 KB
    show most exports' first article; 256 KB at most are read."""
    head = data[:_HEAD]
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and (not ff.ACCESSION_BYTES.search(head) or _HTML.search(head[:4096])):
        return False
    for size in (1 << 15, _HEAD):
        lines = _lines(_head_text(data[:size], cut=len(data) > size, utf16=utf16))
        anchor = next((i for i in range(len(lines)) if _anchor(lines, i)), None)
        if anchor is not None and any(ff.accession(x) for x in lines[anchor + 1:]):
            return True
        if len(data) <= size:
            break
    return False


def _head_text(head: bytes, *, cut: bool, utf16: bool) -> str:
    """The text of the first bytes of a file, `cut` from the rest at a line's end."""
    if _is_rtf(head):
        return _rtf_text(head)
    if cut:
        head = head[:len(head) - len(head) % 2] if utf16 else head[:head.rfind(b"\n") + 1] or head
    return decode_bytes(head).text or ""


def read(data: bytes) -> Export:
    """Every article of the export, the search summary as provenance, the rest as removed."""
    fmt = "factiva-rtf" if _is_rtf(data[:64]) else "factiva-text"
    if fmt == "factiva-rtf":
        text = _rtf_text(data)
    else:
        decoded = decode_bytes(data)
        if decoded.text is None:
            return Export(fmt, problems=(f"not read: {decoded.reason}",))
        text = decoded.text
    lines = _lines(text)
    anchors = {i: kind for i in range(len(lines)) if (kind := _anchor(lines, i))}
    articles: list[Article] = []
    outside: list[tuple[int, str]] = []
    start = 0
    ends = [i for i, line in enumerate(lines) if ff.accession(line)] + [len(lines)]
    for end in ends:
        closed = end < len(lines)
        chunk = range(start, end + closed)
        found = [(i, anchors[i]) for i in chunk if i in anchors]
        if closed or found:
            _chunk(lines, chunk, found, closed, articles, outside)
        else:
            outside.extend((i, lines[i]) for i in chunk if lines[i])
        start = end + 1
    provenance, removed, problems = _outside(outside)
    if not articles:
        problems.append("no Factiva article found: no word count and date, field codes or "
                        "\"Document\" lines")
    return Export(fmt, tuple(articles), tuple(provenance), tuple(removed), tuple(problems))


def _is_rtf(head: bytes) -> bool:
    return head.lstrip()[:5] == b"{\\rtf"


def _rtf_text(data: bytes) -> str:
    """The RTF's text by striprtf, in the code page the RTF declares."""
    m = _ANSICPG.search(data[:4096])
    encoding = f"cp{int(m[1])}" if m else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    return rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")


def _lines(text: str) -> list[str]:
    """One stripped line per paragraph; a table cell's closing "|" dropped, and the byte-order mark
    each export starts with where several were joined into one file."""
    return [line.replace("\u00a0", " ").replace("\ufeff", "").strip().removesuffix("|").strip()
            for line in text.split("\n")]


def _code(line: str) -> tuple[str, str] | None:
    """(code, value) of a field-code line ("HD|Headline", "WC\t543 words", "LP"), else None."""
    m = _CODE_LINE.match(line) if line[:1].isupper() else None
    return (m["code"], m["value"].strip()) if m and m["code"] in ff.CODES else None


def _next(lines: list[str], i: int) -> int | None:
    """Index of the first non-empty line after `i`."""
    return next((j for j in range(i + 1, len(lines)) if lines[j]), None)


def _anchor(lines: list[str], i: int) -> str | None:
    """"coded" at an HD field followed by other codes, "display" at a word count followed by a
    date, None elsewhere."""
    line = lines[i]
    if line[:1].isdigit() and ff.is_word_count(line):
        j = _next(lines, i)
        return "display" if j is not None and ff.is_date(lines[j]) else None
    code = _code(line)
    if code and code[0] == "HD":
        after = [lines[j] for j in range(i + 1, min(len(lines), i + 12)) if lines[j]][:6]
        return "coded" if sum(1 for x in after if (_code(x) or ("",))[0] in _HEADER_CODES) >= 2 else None
    return None


def _chunk(lines: list[str], chunk: range, anchors: list[tuple[int, str]], closed: bool,
           articles: list, outside: list) -> None:
    """The articles between two "Document" lines, from their headers' `anchors`: normally one;
    more where "Document" lines are missing (each then ends where the next one's header begins)."""
    if not anchors:  # a "Document" line with no header above it: the text, without fields
        kept = [lines[i] for i in chunk[:-1] if lines[i]]
        body = [ff.clean(x) for x in kept if not ff.is_page_furniture(x)]
        furniture = [(x, ff.PAGE_FURNITURE) for x in kept if ff.is_page_furniture(x)]
        acc = ff.accession(lines[chunk[-1]])
        articles.append(Article(len(articles) + 1, (("source_id", acc),), tuple(body),
                                (*furniture, (lines[chunk[-1]], ff.rule("AN"))),
                                "no Factiva header (word count and date, or field codes) above "
                                "its \"Document\" line: fields not read"))
        return
    starts = [_start(lines, i, kind, chunk.start) for i, kind in anchors]
    outside.extend((i, lines[i]) for i in range(chunk.start, starts[0]) if lines[i])
    bounds = starts[1:] + [chunk.stop]
    for k, ((anchor, kind), begin, stop) in enumerate(zip(anchors, starts, bounds)):
        last = k == len(anchors) - 1
        problem = ""
        if not last:
            problem = "no \"Document\" line: its end is where the next article's header begins"
        elif not closed:
            problem = "cut off: the export ends inside it (no \"Document\" line)"
        if kind == "coded":
            fields, paragraphs, removed = _coded(lines, begin, anchor, stop)
        else:
            fields, paragraphs, removed = _display(lines, begin, anchor, stop, ended=closed or not last)
        if not paragraphs and not problem:
            problem = "no article text found"
        articles.append(Article(len(articles) + 1, tuple(fields), tuple(paragraphs),
                                tuple(removed), problem))


def _start(lines: list[str], anchor: int, kind: str, floor: int) -> int:
    """Where the article of the header at `anchor` begins: the field codes above HD, or the
    lines above the word count (and a page number printed before it) that can be section,
    headline, byline and the credit under it. More short lines than that above it (a table of
    contents, a cover): the headline is the one listed again above, or the lines after the last
    blank line."""
    if kind == "coded":
        start = anchor
        for j in range(anchor - 1, floor - 1, -1):
            if lines[j] and (_code(lines[j]) or ("",))[0] not in _HEADER_CODES:
                break
            start = j if lines[j] else start
        return start
    head = _header_start(lines, anchor, floor)
    taken: list[int] = []  # nearest first
    for j in range(head - 1, floor - 1, -1):
        line = lines[j]
        if not line:
            continue
        if (len(taken) > _SCAN_LINES or n_words(line) >= _PROSE_WORDS or ff.accession(line)
                or ff.is_page_furniture(line) or "|" in line or "\t" in line):
            break
        taken.append(j)
    texts = [ff.clean(lines[j]) for j in taken]
    most = _PRE_LINES + (len(texts) > 1 and ff.is_byline(texts[1]) and not ff.is_byline(texts[0]))
    if len(taken) <= most:
        return taken[-1] if taken else head
    for k in range(most):
        if texts[k] in texts[k + 1:]:
            return taken[k]
    for k in range(1, most):
        if any(not lines[x] for x in range(taken[k] + 1, taken[k - 1])):
            return taken[k - 1]
    return taken[most - 1]


def _header_start(lines: list[str], anchor: int, floor: int) -> int:
    """The word count's line, or a page number's printed right above it."""
    j = _previous(lines, anchor, floor)
    return j if j is not None and ff.is_page(lines[j]) else anchor


def _previous(lines: list[str], i: int, floor: int) -> int | None:
    return next((j for j in range(i - 1, floor - 1, -1) if lines[j]), None)


def _display(lines: list[str], begin: int, anchor: int, stop: int, *,
             ended: bool) -> tuple[list, list, list]:
    """The article display: [section] headline [byline] above the word count, the header's
    fields from it on, then the paragraphs, the publisher and "Document <AN>" (where the
    article `ended`, not where the export is cut off)."""
    fields, removed = [], []
    head = _header_start(lines, anchor, begin)
    pre = [lines[j] for j in range(begin, head) if lines[j]]
    for name, value in _pre_lines(pre):
        code = {"section": "SE", "title": "HD", "author": "BY", "credit": "CR"}.get(name)
        removed.append((value, ff.rule(code) if code else "ambiguous header line"))
        if code in ff.FIELD_OF:
            ff.add(fields, name, ff.author(value) if code == "BY" else value)
    rest = [j for j in range(head, stop) if lines[j]]
    got, header, used = ff.display_header([lines[j] for j in rest[:12]], bounded=True)
    for name, value in got:
        ff.add(fields, name, value)
    removed.extend(header)
    paragraphs = []
    for j in rest[used:]:
        line = lines[j]
        if acc := ff.accession(line):
            removed.append((line, ff.rule("AN")))
            ff.add(fields, "source_id", acc)
        elif ff.is_page_furniture(line):
            removed.append((line, ff.PAGE_FURNITURE))
        else:
            paragraphs.append(ff.clean(line))
    if not ended and paragraphs and _CUT_DOCUMENT.match(paragraphs[-1]):  # "Document LKOB"
        removed.append((paragraphs.pop(), ff.rule("AN")))
    if len(paragraphs) > 1 and ff.is_publisher(paragraphs[-1]):
        at = len(removed) - ("source_id" in dict(fields))
        removed.insert(at, (paragraphs.pop(), ff.rule("PUB")))
    return fields, paragraphs, removed


def _pre_lines(pre: list[str]) -> list[tuple[str, str]]:
    """Section, headline, byline and credit among the lines above the word count, by their shape:
    a byline starts with "By" or reads as a name, a credit ("Special to The New York Times")
    follows a byline, a section is short; unsure stays unnamed."""
    if not pre:
        return []
    pre = [ff.clean(x) for x in pre]
    if len(pre) == 1:
        return [("title", pre[0])]
    if len(pre) >= 3 and ff.is_byline(pre[-2]) and not ff.is_byline(pre[-1]):  # [SE] HD BY CR
        return [*(("section", x) for x in pre[-4:-3]), ("title", pre[-3]), ("author", pre[-2]),
                ("credit", pre[-1])]
    if len(pre) >= 3:
        return [("section", pre[-3]), ("title", pre[-2]), ("author", pre[-1])]
    first, second = pre
    if (ff.author(second) != second or n_words(first) > 4 or len(first) >= 3 * len(second)
            or (looks_like_name(second) and not looks_like_name(first))):
        return [("title", first), ("author", second)]
    if not looks_like_name(second) and (n_words(first) <= 2 < n_words(second)
                                        or len(second) >= 3 * len(first)):
        return [("section", first), ("title", second)]
    return [("?", first), ("?", second)]


def _coded(lines: list[str], begin: int, anchor: int, stop: int) -> tuple[list, list, list]:
    """The field-code layout: header codes, LP and TD paragraphs, indexing codes, AN. The body
    ends where the run of codes closing the article begins."""
    tail, loose = stop, 0
    for j in range(stop - 1, anchor, -1):  # up from the end: the codes after the body
        if not lines[j] or ff.accession(lines[j]):
            continue
        code = _code(lines[j])
        if code and code[0] not in ff.BODY_CODES:
            tail, loose = j, 0
        elif code or loose == _CONTINUATION:
            break
        else:
            loose += 1  # a code's value running on, if a code stands above it
    fields, paragraphs, removed = [], [], []
    current, value = None, []

    def close() -> None:
        text = ff.clean(" ".join(value))
        if current and current not in ff.BODY_CODES and text:
            removed.append((text, ff.rule(current)))
            if current == "AN":
                ff.add(fields, "source_id", ff.an_field(text) or "")
            elif current in ff.FIELD_OF:
                name = ff.FIELD_OF[current]
                ff.add(fields, name, ff.author(text) if current == "BY" else text)

    for j in range(begin, stop):
        line = lines[j]
        if not line:
            continue
        if ff.is_page_furniture(line):
            removed.append((line, ff.PAGE_FURNITURE))
            continue
        in_body = current in ff.BODY_CODES and j < tail
        code = _code(line) or (("AN", line) if ff.accession(line) else None)
        if code and (not in_body or (code[0] in ff.BODY_CODES and _STRONG.match(line))):
            close()
            current, text = code
            value = [text] if text else []
            if current in ff.BODY_CODES and text:
                paragraphs.append(ff.clean(text))
        elif in_body:
            paragraphs.append(ff.clean(line))
        else:
            value.append(line)
    close()
    return fields, paragraphs, removed


def _outside(rows: list[tuple[int, str]]) -> tuple[list, list, list]:
    """The lines outside every article: the search summary (its title and "label|value" rows,
    which give the provenance), page furniture, and any prose, which the problems name: it was
    not read as an article."""
    cells = {i: [c.strip() for c in re.split(r"\||\t", line) if c.strip()] for i, line in rows}
    summary = {i for i, c in cells.items() if len(c) == 2}
    provenance_rows, removed, problems = [], [], []
    for i, line in rows:
        if i in summary:
            provenance_rows.append(tuple(cells[i]))
            removed.append((line, ff.SEARCH_SUMMARY))
        elif ff.is_page_furniture(line):
            removed.append((line, ff.PAGE_FURNITURE))
        elif i + 1 in summary and n_words(line) <= 4:  # the summary's title
            removed.append((line, ff.SEARCH_SUMMARY))
        else:
            removed.append((line, OUTSIDE))
            if n_words(line) >= _PROSE_WORDS:
                problems.append(f"line {i + 1} of the text is outside any article and was not "
                                f"read: {line[:80]!r}")
    provenance = ff.summary_provenance(provenance_rows) if provenance_rows else []
    return provenance, removed, problems
