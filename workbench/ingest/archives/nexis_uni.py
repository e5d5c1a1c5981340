"""Nexis Uni / Lexis Advance exports saved as Word (.docx) or RTF: recognised by their own markers
whatever the file's extension, turned into paragraphs by python-docx or striprtf, and read by the
one layout reader of both (`nexis_uni_layout`).

A Word file that python-docx cannot open (a truncated download, a damaged part) is read from what
its `word/document.xml` still holds, by a tolerant XML parser; the export reports the damage.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import docx
from lxml import etree
from striprtf.striprtf import rtf_to_text

from .export import Export
from .nexis_uni_layout import WORDS, Para, read_paragraphs

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P, TBL, TR, TC, SDT, SDT_CONTENT = (_W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
T, TAB, BR, CR, RUN, RPR, BOLD, VAL = (_W + t for t in ("t", "tab", "br", "cr", "r", "rPr", "b",
                                                        "val"))
BOOKMARK, LINK, TXBX = (_W + t for t in ("bookmarkStart", "hyperlink", "txbxContent"))
DOCUMENT_XML, RELS_XML = "word/document.xml", "word/_rels/document.xml.rels"
SNIFF_BYTES = 1 << 20  # the part of document.xml (or of the RTF) that sniff looks at,
COVER_BYTES = 1 << 16  # and where in it the cover page's labels are

_DOC_ID = re.compile(r"urn:contentItem:([0-9A-Z]+(?:-[0-9A-Z]+)+)")
_DOC_ID_BYTES = re.compile(_DOC_ID.pattern.encode())
#: what only a Nexis export carries: its links and delivery properties, the bookmarks it sets at
#: each article and body, its closing line, its cover labels
_LEXIS = (b"advance.lexis.com", b"urn:contentItem:", b"LADeliveryID", b"LADocCount")
_BOOKMARKS = (b'w:name="Body"', b'w:name="Bookmark_1"', b"bkmkstart Body", b"bkmkstart Bookmark_1")
_ENDS = tuple(w.encode() for w in WORDS["end"])
_COVER = tuple(w.encode() for k in ("exported", "job number", "search", "search type",
                                    "narrowed by", "client/matter") for w in WORDS[k])


# --- recognising an export ---------------------------------------------------------------------
def sniff(data: bytes) -> bool:
    """Whether `data` is a Nexis Uni Word or RTF export: its first MiB of text carries two of the
    export's kinds of marker (Lexis links or delivery properties, the article and body bookmarks,
    "End of Document" in an interface language, two cover-page labels)."""
    if data[:4] == b"PK\x03\x04":
        head = b"".join(_members(data, {DOCUMENT_XML: SNIFF_BYTES, RELS_XML: SNIFF_BYTES,
                                        "docProps/custom.xml": 1 << 16}).values())
    elif data.lstrip()[:5] == b"{\\rtf":
        head = data[:SNIFF_BYTES].replace(b"\r", b"").replace(b"\n", b"")
    else:
        return False
    low = head.lower()
    cover = low[:COVER_BYTES]  # the cover page opens the file
    kinds = (any(m in head for m in _LEXIS), any(m in head for m in _BOOKMARKS),
             any(m in low for m in _ENDS), sum(m in cover for m in _COVER) >= 2)
    return sum(kinds) >= 2


# --- reading one -------------------------------------------------------------------------------
def read(data: bytes) -> Export:
    """The articles of a Nexis Uni Word or RTF export (`Export.format` "nexis-docx" or
    "nexis-rtf"); a Word file too damaged to hold any text is an export without articles whose
    `problems` say why."""
    if data[:4] != b"PK\x03\x04":
        paras, ids = _rtf_paras(data)
        return read_paragraphs(paras, format="nexis-rtf", styled=False, ids=ids)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx fails in many ways on a broken file
        return _read_damaged(data, f"{type(error).__name__}: {error}")
    targets = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.is_external}
    return read_paragraphs(list(_paragraphs(document.element.body, targets)), format="nexis-docx",
                           styled=True)


def _read_damaged(data: bytes, reason: str) -> Export:
    """A Word file python-docx could not open: what its document.xml still holds, by lxml's
    recovering parser."""
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False, no_network=True)
    parts = _members(data, {DOCUMENT_XML: -1, RELS_XML: -1})
    try:
        root = etree.fromstring(parts[DOCUMENT_XML], parser)
    except etree.XMLSyntaxError:  # nothing the parser could recover
        root = None
    body = root.find(_W + "body") if root is not None else None
    if body is None:
        return Export("nexis-docx", problems=(
            f"the Word file is broken ({reason}) and no text could be recovered from it",))
    cut = bool(parser.error_log)
    try:
        rels = etree.fromstring(parts[RELS_XML], parser).iter()
    except (etree.XMLSyntaxError, AttributeError):  # no links: the articles keep no document id
        rels = ()
    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    export = read_paragraphs(list(_paragraphs(body, targets)), format="nexis-docx", styled=True,
                             cut=cut)
    note = f"the Word file is damaged ({reason}){' and its text breaks off' if cut else ''}: " \
           "read what its document.xml still holds"
    return Export(export.format, export.articles, export.provenance, export.removed,
                  (note,) + export.problems)


def _members(data: bytes, limits: dict[str, int]) -> dict[str, bytes]:
    """The zip members named, uncompressed (their first `limit` bytes; -1 for all), b"" where
    absent: read through the zip's directory, else, in a truncated or damaged zip, each from its
    own local header as far as its compressed bytes go."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            out = {}
            for name, limit in limits.items():
                with archive.open(name) if name in names else io.BytesIO() as member:
                    out[name] = member.read(limit)
            return out
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
        return {name: _inflate_local(data, name, limit) for name, limit in limits.items()}


def _inflate_local(data: bytes, name: str, limit: int) -> bytes:
    """A member found by its local header, inflated as far as the bytes there go."""
    at, key = 0, name.encode()
    while (at := data.find(b"PK\x03\x04", at)) >= 0 and at + 30 <= len(data):
        flags, method, size, name_len, extra_len = struct.unpack_from("<6xHH8xI4xHH", data, at)
        start = at + 30 + name_len + extra_len
        if data[at + 30:start - extra_len] == key:
            raw = data[start:start + size] if size and not flags & 8 else data[start:]
            if method == 0:
                return raw[:limit] if limit >= 0 else raw
            try:
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, max(limit, 0)) \
                    if method == 8 else b""
            except zlib.error:
                return b""
        at = start
    return b""


def _paragraphs(body, targets: dict[str, str]):
    """The body's paragraphs in order, a table row as one paragraph of its cells."""
    for child in body.iterchildren(P, TBL, SDT):
        if child.tag == P:
            yield _para(child, targets)
        elif child.tag == TBL:
            for row in child.iter(TR):
                cells = tuple(" ".join(_para(p, targets).text for p in cell.iter(P)).strip()
                              for cell in row.iterchildren(TC))
                yield Para(" | ".join(c for c in cells if c), cells=cells)
        else:
            for content in child.iterchildren(SDT_CONTENT):
                yield from _paragraphs(content, targets)


def _para(p, targets: dict[str, str]) -> Para:
    """One Word paragraph: its text (without text boxes), bold label, bookmarks and the document
    id of its link, in one pass over its elements."""
    parts, marks, link, boxed = [], [], "", False
    for e in p.iter(T, BR, TAB, CR, BOOKMARK, LINK, TXBX):
        tag = e.tag
        if tag == T:
            parts.append(e.text or "")
        elif tag == BOOKMARK:
            marks.append(e.get(_W + "name", ""))
        elif tag == LINK:
            if not link and (m := _DOC_ID.search(targets.get(e.get(_R + "id"), ""))):
                link = m[1]
        elif tag == TXBX:
            boxed = True
        else:
            parts.append(" ")
    if boxed:  # a drawing's text box: its text is not the paragraph's
        parts = [e.text or "" if e.tag == T else " " for e in p.xpath(
            ".//w:t[not(ancestor::w:txbxContent)]|.//w:br|.//w:tab|.//w:cr",
            namespaces={"w": _W[1:-1]})]
    text = " ".join("".join(parts).split())
    label, bold = _bold_start(p) if text and (len(text) <= 60 or ":" in text[:44]) else ("", False)
    return Para(text, label, bold, tuple(marks), link)


def _bold_start(p) -> tuple[str, bool]:
    """(the bold text a paragraph opens with when it ends in a colon, whether all is bold)."""
    lead, leading, all_bold = [], True, True
    for run in p.iter(RUN):
        text = "".join(t.text or "" for t in run.iter(T))
        if not text.strip():
            continue
        rpr = run.find(RPR)
        b = rpr.find(BOLD) if rpr is not None else None
        is_bold = b is not None and b.get(VAL, "true") not in ("0", "false", "off")
        if is_bold and leading:
            lead.append(text)
        elif not is_bold:
            leading = all_bold = False
    label = "".join(lead).strip()
    return (label if label.endswith(":") and not all_bold else ""), all_bold and bool(lead)


def _rtf_paras(data: bytes) -> tuple[list[Para], list[str]]:
    """The RTF export's lines as paragraphs (a table row as its cells), and the document ids of
    its links in the order they first appear."""
    text = rtf_to_text(data.decode("latin-1"), errors="replace")
    paras = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line.endswith("|"):
            cells = tuple(c.strip() for c in line[:-1].split("|"))
            paras.append(Para(" | ".join(c for c in cells if c), cells=cells))
        else:
            paras.append(Para(line))
    ids = [m.decode() for m in dict.fromkeys(m[1] for m in _DOC_ID_BYTES.finditer(data))]
    return paras, ids
