"""A large JSON Lines export split into partitions that workers read, process and commit.

A partition is a fixed run of `BLOCK_ROWS` of the file's lines, from the line of its first record
on. Here, a pass over the file's bytes finds where each partition starts (its byte offset and the
number of its first line); a worker given the file's path, that span and the export's `Layout`
reads the bytes itself, processes the documents and commits their tables to the cache as the
entry `<file key>-<partition>`, numbered so that name order is file order. What crosses to the
worker is a path and small settings, never text. The partitions are the file's store: once every
one is committed, the file's key holds only its `head` (the report rows of reading it, and its
partitions' names), and assembly takes the partitions one by one (`file_parts`): an id an earlier
partition used gets '~row<n>', as in one pass over the file.

Any other table export is read by one task that commits its partitions of `BLOCK_ROWS` rows
itself, with the same store (`commit_blocks`): a CSV or TSV (a quoted cell may span lines, so only
one pass tells where a row starts), and a JSON Lines export gzipped, of a single partition, or
whose lines are not all plain UTF-8 lines ended by "\\n" or "\\r\\n" (another line break would
number its lines differently from its bytes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corpus import schema
from ..corpus.cache import FileCache, commit
from ..parallel import map_bounded
from .assemble import StoredPart
from .decode import normalise
from .pipeline import PRELOAD, Context, process_block, reading_problems
from .read import BLOCK_ROWS, FileRead, Layout, read_file, suffixes

#: a line break other than "\n" and "\r\n": a lone carriage return, NEL, LINE and PARAGRAPH
#: SEPARATOR as UTF-8
_OTHER_BREAK = re.compile(rb"\r(?!\n)|\xc2\x85|\xe2\x80[\xa8\xa9]")


@dataclass(frozen=True)
class Plan:
    """How a file is split: its export layout, the report rows and extra columns found while
    reading its first record, and each partition's (byte offset, bytes, number of its first
    line)."""

    layout: Layout
    problems: tuple[schema.ReportRow, ...]
    unknown_columns: tuple[str, ...]
    spans: tuple[tuple[int, int, int], ...]


def plan(path: Path, name: str, ctx: Context) -> Plan | None:
    """The partitions of a JSON Lines file of more than one, or None: the file is processed
    whole (not JSON Lines, gzipped, another line break than "\\n", not UTF-8, no record)."""
    ext, gz = suffixes(path)
    if ext not in (".jsonl", ".ndjson") or gz or path.stat().st_size == 0:
        return None
    read = read_file(path, name, columns=dict(ctx.columns))
    if read.blocks is None:
        return None
    first = next(read.blocks, None)
    read.blocks.close()
    if not first:
        return None
    spans, start, offset = [], None, 0
    try:
        with open(path, "rb") as fh:
            for line_no, line in enumerate(fh, start=1):
                if (b"\r" in line or b"\xc2" in line or b"\xe2" in line) and (
                        _OTHER_BREAK.search(line) or line.endswith(b"\r")):
                    return None
                if line_no >= first[0][0] and (line_no - first[0][0]) % BLOCK_ROWS == 0:
                    if start is not None:
                        spans.append((start[0], offset - start[0], start[1]))
                    start = (offset, line_no)
                offset += len(line)
    except OSError:  # unreadable now: its one task reports it
        return None
    if start is None or not spans:
        return None  # one partition: the file is one task
    spans.append((start[0], offset - start[0], start[1]))
    return Plan(read.layout, tuple(read.problems), tuple(read.unknown_columns), tuple(spans))


def span_lines(path: Path, offset: int, size: int, first: int) -> list[tuple[int, str]]:
    """The (line number, line) of the non-blank lines of a span, each line ending in a newline
    (but the file's last), normalised as the whole file is when read (`decode.utf8_lines`)."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        text = normalise(fh.read(size).decode("utf-8-sig" if offset == 0 else "utf-8"))
    if offset == 0:
        text = text.lstrip("\ufeff")
    lines = text.split("\n")
    numbered = [(first + i, line + "\n") for i, line in enumerate(lines[:-1])]
    if lines[-1]:
        numbered.append((first + len(lines) - 1, lines[-1]))
    return [(n, line) for n, line in numbered if line.strip()]


@dataclass(frozen=True)
class SpanTask:
    """A worker's unit of work: process one partition of a file and commit it to the cache under
    `entry`, with the ids its documents were given and the lines that gave none (tables
    `assigned` and `parsed`); the call returns each table's rows."""

    path: Path
    layout: Layout
    ctx: Context
    span: tuple[int, int, int]
    entry: str
    cache_root: Path

    def __call__(self) -> dict[str, int]:
        return commit(self.cache_root, self.entry, _partition(*process_block(
            (span_lines(self.path, *self.span), self.layout, self.ctx))))


def _partition(tables: dict[str, pd.DataFrame], assigned: list[tuple[str, int]],
               problems: list[schema.ReportRow]) -> dict[str, pd.DataFrame]:
    """A processed block's tables as a partition's entry holds them: with the ids its documents
    were given (`assigned`) and the lines that gave none (`parsed`)."""
    tables["assigned"] = pd.DataFrame(
        {"doc_id": pd.array([doc_id for doc_id, _ in assigned], dtype="string"),
         "row": pd.array([row for _, row in assigned], dtype="Int64")})
    tables["parsed"] = schema.report_table(problems)
    return tables


def commit_blocks(read: FileRead, ctx: Context, key: str, cache_root: Path, *,
                  workers: int = 1) -> dict[str, int]:
    """Process a table export that one task reads as a stream (a CSV, a gzipped JSON Lines
    export, one with other line breaks than "\\n") block by block of `BLOCK_ROWS` rows, on
    `workers` processes where there are any, committing each block as the partition `<key>-<n>`
    and then the file's `head` under `key`: the same store as a file in partitions. Returns the
    head's rows."""
    names, parsed = [], []
    blocks = ((block, read.layout, ctx) for block in read.blocks)
    for n, (tables, assigned, problems) in enumerate(map_bounded(process_block, blocks, workers,
                                                                 preload=PRELOAD)):
        names.append(entry_of(key, n))
        commit(cache_root, names[-1], _partition(tables, assigned, problems))
        parsed += problems
    # the report rows of reading are complete once every line has been read
    return commit(cache_root, key, _head(read.problems, parsed, read.unknown_columns,
                                         read.layout.name, names))


def entry_of(key: str, n: int) -> str:
    """The cache entry of a file's partition `n`: zero-padded, so that name order is file order."""
    return f"{key}-{n:05d}"


def entries(key: str, file_plan: Plan) -> list[str]:
    """The cache entries of a file's partitions, in file order."""
    return [entry_of(key, n) for n in range(len(file_plan.spans))]


def head(file_plan: Plan, key: str, cache: FileCache) -> dict[str, pd.DataFrame]:
    """What the cache keeps under a partitioned file's key once its partitions are committed:
    the report rows of reading it (`problems`: its first record's, every line that gave no
    document, a note of extra columns) and its partitions' entries in file order (`partitions`).
    Only each partition's table of the lines that gave no document is read."""
    names = entries(key, file_plan)
    parsed = [schema.ReportRow(*row) for entry in names
              for row in cache.table(entry, "parsed").itertuples(index=False)]
    return _head(file_plan.problems, parsed, file_plan.unknown_columns, file_plan.layout.name, names)


def _head(problems: Sequence[schema.ReportRow], parsed: list[schema.ReportRow],
          unknown_columns: Sequence[str], name: str, names: list[str]) -> dict[str, pd.DataFrame]:
    """A head's tables: the report rows of reading a file (`problems`, then the lines that gave
    no document, then a note of extra columns) and its partitions' entries."""
    return {"problems": schema.report_table(reading_problems(problems, parsed, unknown_columns, name)),
            "partitions": pd.DataFrame({"entry": pd.array(names, dtype="string")})}


def file_parts(key: str, file_head: dict[str, pd.DataFrame], cache: FileCache) -> list:
    """A partitioned file's tables as assembly takes them, in file order: the report rows of
    reading it (its `head`, stored under its `key`), then each partition as a `StoredPart` (its
    tables read when the assembly takes them; the ids an earlier partition used are renamed
    when the assembly checks the ids, `assemble.IdsTask`). FileNotFoundError if a partition is
    not in the cache, CacheError if one is damaged."""
    parts: list = [StoredPart(cache, key, head=True)]
    for entry in file_head["partitions"]["entry"].tolist():
        if cache.checked(entry) is None:
            raise FileNotFoundError(f"partition {entry} is not in the cache at {cache.root}")
        parts.append(StoredPart(cache, entry))
    return parts
