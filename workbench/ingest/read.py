"""Read one input file into raw documents (text + found metadata) and report rows.

A news-archive export (Nexis Uni / LexisNexis, Factiva) is recognised by its own markers, whatever
its extension, and gives one document per article (`workbench.ingest.archives`); a PDF is not
read. Otherwise plain text and Markdown are one document; HTML is reduced to its article zone
(trafilatura's main text widened by the page's structure, `workbench.ingest.html`); CSV and JSON
Lines exports (optionally gzipped) give one document per row, with columns found by common names
or an explicit mapping. A UTF-8 export is decoded and parsed as a stream (`decode.utf8_lines`),
so memory follows the rows in flight, not the file's size; an export's rows are left to the
workers in blocks (`FileRead.blocks`, `parse_block`).
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.schema import ReportRow
from . import archives
from .archives import RULE_PREFIX
from .archives.metadata import article_metadata, export_note, export_report
from .decode import decode_bytes, utf8_lines
from .html import article_text
from .titles import html_title

TEXT_EXT = {".txt", ".md", ".markdown", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
TABLE_EXT = {".csv", ".tsv", ".jsonl", ".ndjson"}
#: metadata field -> column names recognised in exports (case-insensitive, in order)
COLUMN_NAMES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "story"),
    "date": ("date", "published", "published_at", "pubdate", "publication_date", "datetime"),
    "outlet": ("outlet", "source", "media", "publisher", "site", "sitename", "sources"),
    "title": ("title", "headline", "heading"),
    "author": ("author", "authors", "byline"),
    "url": ("url", "link", "href"),
    "id": ("id", "doc_id", "article_id", "uid"),
    "language": ("language", "lang"),
}
BLOCK_ROWS = 2_000  # lines of a JSON Lines export parsed together by a worker
SNIFF_BYTES = 1 << 17  # the head of a CSV/JSONL file in which an archive export would show itself
#: files of these types are read only as an archive export
EXPORT_ONLY = {".docx": "a Word document", ".rtf": "an RTF document"}
READ_FORMATS = ("Word (.docx), RTF, plain-text or HTML exports of Nexis Uni / LexisNexis, and "
                "HTML, RTF or text exports of Factiva")
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


@dataclass
class RawDoc:
    """One document before cleaning: its text and whatever metadata the file carried."""

    file: str
    row: int | None
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    is_row: bool = False  # from a tabular export or an archive: already clean of page furniture
    zone: bool = False  # an HTML page's article zone: its template cut away (`workbench.ingest.html`)
    #: field -> where an archive export printed it ("archive BYLINE line: 'By Jane Doe'"): these
    #: fields are curated-strength metadata (`workbench.ingest.archives.metadata`)
    evidence: dict[str, str] = field(default_factory=dict)
    #: (line, rule) of the archive's furniture around the text (labels, copyright lines)
    removed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FileRead:
    """Documents read from a file plus report rows for what was skipped or noteworthy.

    A table export (CSV, TSV, JSON Lines) leaves its rows to the workers as `blocks`, read as
    they are consumed, so a large export is never held at once; its `problems` are complete once
    `blocks` is exhausted.
    """

    docs: Iterable[RawDoc] = field(default_factory=list)
    problems: list[ReportRow] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    #: a table export's rows, the first included: blocks of (line number, row) for the workers
    #: to make documents of with `parse_block(layout, block)` (`docs` is then empty). A JSON
    #: line is left unparsed; a CSV row comes parsed (a {column: cell} dict), since a quoted cell
    #: may span lines and only one pass over the file tells where a row starts
    blocks: Iterator[list[tuple[int, str | dict]]] | None = None
    layout: Layout | None = None


@dataclass(frozen=True)
class Layout:
    """How an export's rows become documents: the file's name, its text column, the
    (field, column) pairs kept as metadata, and notes for every document."""

    name: str
    text_column: str
    columns: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()


def suffixes(path: Path) -> tuple[str, bool]:
    """The meaningful extension of `path` and whether it is gzipped ('.jsonl.gz' -> '.jsonl')."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    ext = Path(name[:-3]).suffix if gz else path.suffix.lower()
    return ext, gz


def read_file(path: Path, name: str, *, columns: dict[str, str] | None = None) -> FileRead:
    """Read `path` (reported as `name`); never raises on bad content, reports it instead."""
    ext, gz = suffixes(path)
    if ext in TABLE_EXT:
        try:
            with gzip.open(path, "rb") if gz else open(path, "rb") as fh:
                exported = archives.recognise(fh.read(SNIFF_BYTES)) is not None
            lines = None if exported else utf8_lines(
                lambda: gzip.open(path, "rb") if gz else open(path, "rb"))
        except (OSError, EOFError) as err:
            return _fail(name, f"corrupt gzip archive: {err}")
        if lines is not None:
            return _read_table(lines, name, ext, columns or {}, [])
    data = path.read_bytes()
    if gz:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            return _fail(name, f"corrupt gzip archive: {err}")
    if (reader := archives.recognise(data)) is not None:
        return _read_export(reader, data, name)
    if data.startswith(b"%PDF"):
        return _fail(name, f"a PDF is not read (its text cannot be told from its page layout): "
                     f"export the articles again as one of the formats read, {READ_FORMATS}")
    if ext in EXPORT_ONLY:
        return _fail(name, f"{EXPORT_ONLY[ext]} that is no archive export: {ext} files are read "
                     f"only as {READ_FORMATS}; save it as .txt to read it as one document")
    if ext not in TEXT_EXT | HTML_EXT | TABLE_EXT:
        supported = ", ".join(sorted(TEXT_EXT | HTML_EXT | TABLE_EXT))
        return _fail(name, f"unsupported file type {ext or '(none)'!r}; supported: {supported} (+ .gz), "
                     f"and archive exports: {READ_FORMATS}")
    decoded = decode_bytes(data)
    if decoded.text is None:
        return _fail(name, decoded.reason or "unreadable")
    notes = [decoded.note] if decoded.note else []
    if ext in TABLE_EXT:
        return _read_table(io.StringIO(decoded.text), name, ext, columns or {}, notes)
    if ext in TEXT_EXT and _HTML_SNIFF.match(decoded.text):
        notes.append(f"file named {ext} holds HTML; read as HTML")
        ext = ".html"
    if ext in HTML_EXT:
        return _read_html(decoded.text, name, notes)
    return FileRead(docs=[RawDoc(name, None, decoded.text, notes=notes)])


def _read_export(reader, data: bytes, name: str) -> FileRead:
    """One document per article of an archive export (`reader`: its layout's module), already
    clean of the archive's furniture, with the archive's fields, their evidence and the export's
    provenance; the export's own lines (a cover page) lead its first document's removed lines. An
    article cut off is a warning on its row, one without a body a skipped row."""
    try:
        export = reader.read(data)
    except Exception as err:  # a reader's bug must not stop the corpus: the file is reported
        return _fail(name, f"the archive export reader {reader.__name__.rsplit('.', 1)[-1]} "
                     f"failed on this file ({type(err).__name__}: {err}); please report it")
    note = export_note(export)
    docs, problems = [], export_report(name, export)
    for article in export.articles:
        if not article.paragraphs:
            problems.append(ReportRow(name, article.number, None, "skipped",
                                      article.problem or "no body text in this article"))
            continue
        fields, evidence = article_metadata(article)
        docs.append(RawDoc(name, article.number, "\n\n".join(article.paragraphs),
                           fields={**fields, "notes": note}, notes=[article.problem] if
                           article.problem else [], is_row=True, evidence=evidence,
                           removed=[(line, RULE_PREFIX + rule) for line, rule in
                                    (export.removed if not docs else ()) + article.removed]))
    return FileRead(docs=docs, problems=problems)


def _fail(name: str, reason: str) -> FileRead:
    return FileRead(problems=[ReportRow(name, None, None, "skipped", reason)])


def _read_html(html: str, name: str, notes: list[str]) -> FileRead:
    """The page's article zone (`workbench.ingest.html`: trafilatura's main text, found on the
    page and widened to the article's own blocks) with trafilatura's metadata."""
    import trafilatura  # slow to import; needed only when an HTML page is read

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return _fail(name, "HTML page without extractable main text (only menus, scripts or markup)")
    fields = {k: str(v) for k in ("author", "date", "url") if (v := getattr(doc, k, None))}
    if site := getattr(doc, "sitename", None):
        fields["outlet"] = str(site)
    if title := html_title(html, text, site=site):
        fields["title"] = title
    return FileRead(docs=[RawDoc(name, None, article_text(html, text, getattr(doc, "title", None)),
                                 fields=fields, notes=notes + ["HTML"], zone=True)])


def _rows(lines: Iterable[str], name: str, ext: str,
          problems: list[ReportRow]) -> Iterator[tuple[int, dict]]:
    """Yield (row number, record) from the lines (each with its newline) of a CSV/TSV text; bad
    rows go to `problems`."""
    reader = csv.reader(lines, delimiter="\t" if ext == ".tsv" else ",")
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return
    for record in reader:
        n = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(ReportRow(name, n, None, "skipped", f"malformed CSV row: {len(record)} "
                                      f"fields, header has {len(header)}"))
            continue
        yield n, dict(zip(header, record))


def _json_record(line: str, n: int, name: str, problems: list[ReportRow]) -> dict | None:
    """The object on JSON line `n`, or None with a report row."""
    try:
        record = json.loads(line.removesuffix("\n"))
    except json.JSONDecodeError as err:
        problems.append(ReportRow(name, n, None, "skipped", f"malformed JSON: {err}"))
        return None
    if not isinstance(record, dict):
        problems.append(ReportRow(name, n, None, "skipped",
                                  f"JSON line is a {type(record).__name__}, not an object"))
        return None
    return record


def map_columns(names: list[str], explicit: dict[str, str]) -> dict[str, str]:
    """field -> column: the explicit mapping first, then the first common name present."""
    lower = {n.lower().strip(): n for n in names}
    found = {f: c for f, c in explicit.items() if c in names}
    for fld, candidates in COLUMN_NAMES.items():
        col = next((lower[c] for c in candidates if c in lower), None)
        if fld not in found and col is not None and col not in found.values():
            found[fld] = col
    return found


def _cell(value) -> str:
    """A table cell as text; list cells (e.g. several `sources`) give their first item."""
    if type(value) is str:  # most cells: the checks below cost more than the strip
        return value.strip()
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


def _read_table(lines: Iterable[str], name: str, ext: str, explicit: dict[str, str],
                notes: list[str]) -> FileRead:
    """The first row decides the column mapping (or fails the file); the rest are read lazily."""
    out = FileRead()
    jsonl = ext in (".jsonl", ".ndjson")
    if jsonl:  # the first object decides the columns; the workers parse every row
        numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
        first = first_line = None
        for n, line in numbered:
            if (record := _json_record(line, n, name, out.problems)) is not None:
                first, first_line = (n, record), line
                break
    else:
        rows = _rows(lines, name, ext, out.problems)
        first = next(rows, None)
    if first is None:
        return out if out.problems else _fail(name, "table without data rows")
    record = first[1]
    mapping = map_columns(list(record), explicit)
    missing = {f: c for f, c in explicit.items() if c not in record}
    if missing:
        out.problems.append(ReportRow(name, None, None, "ok", f"mapped columns {missing} not in this "
                                          f"file; found {list(record)}"))
    if "text" not in mapping:
        return _fail(name, f"no text column: found {list(record)}; name one text/body/content "
                     "or map it, e.g. columns={'text': '<column>'}")
    used = set(mapping.values())
    out.unknown_columns = [c for c in record if c not in used]
    layout = Layout(name, mapping["text"], tuple([(c, c) for c in out.unknown_columns] + [
        (f, c) for f, c in mapping.items() if f != "text"]), tuple(notes))  # mapped fields win
    out.blocks = _blocks(itertools.chain([(first[0], first_line)], numbered) if jsonl
                         else itertools.chain([first], rows))
    out.layout = layout
    return out


def _blocks(rows: Iterator[tuple[int, str | dict]]) -> Iterator[list[tuple[int, str | dict]]]:
    while block := list(itertools.islice(rows, BLOCK_ROWS)):
        yield block


def parse_block(layout: Layout, block: list[tuple[int, str | dict]]) -> tuple[list[RawDoc],
                                                                             list[ReportRow]]:
    """The documents of a block of a table export's rows (line number, JSON line or parsed CSV
    row), and report rows for the rows that give none: what a worker does with `FileRead.blocks`."""
    problems: list[ReportRow] = []
    records = ((n, r) for n, line in block if (r := line if isinstance(line, dict) else
                                                _json_record(line, n, layout.name, problems)) is not None)
    return list(_table_docs(records, layout, problems)), problems


def _table_docs(rows: Iterable[tuple[int, dict]], layout: Layout,
                problems: list[ReportRow]) -> Iterator[RawDoc]:
    for n, record in rows:
        text = _cell(record.get(layout.text_column))
        if not text:
            problems.append(ReportRow(layout.name, n, None, "skipped", "empty text cell"))
            continue
        fields = {key: _cell(record.get(c)) for key, c in layout.columns}
        yield RawDoc(layout.name, n, text, fields=fields, notes=list(layout.notes), is_row=True)
