"""Process one input file into per-file tables: the unit of work the cache stores.

Pure function of the file bytes and a `Context` (rules, cues, tokenizer settings and the
curated outlet/language of that file), so results can be cached by content hash and
computed in parallel. A large file is processed in chunks of `CHUNK_ROWS` documents (a table
export: blocks of rows the workers make documents of themselves, read as a stream), by
the workers when asked, with only a few chunks in flight; each chunk's tables are built
column-wise with categorical strings, so memory follows the compact result, not the raw rows.
Curated metadata is merged later, at corpus assembly.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import schema
from ..parallel import map_bounded
from ..progress import progress_bar
from .clean import Rules, clean_lines
from .dedupe import article_keys, signatures
from .infer import INFERRED_COLUMNS, confidence, infer, infer_languages
from .merge import curated_wins
from .outlets import Outlets, cited_outlets, infer_outlet
from .read import FileRead, Layout, RawDoc, parse_block, read_file
from .template import page_site
from .tokens import Tokenizer, TokenizerSettings

PIPELINE_VERSION = "16"
CHUNK_ROWS = 2_000  # documents per unit of work: small enough to bound memory, big enough to batch
#: what the fork server imports before it forks ingest workers: this module and the language model
PRELOAD = (f"{__package__}.preload",)


@dataclass(frozen=True)
class Context:
    """Everything besides the file's bytes that shapes its processed tables: the project's
    cleaning rules, outlet cues and tokenizer settings (`workbench.project` reads them), the
    column mapping of exports, the curated outlet/language of the file being processed, and
    for a page the lines its site's template covers (`workbench.ingest.sites`)."""

    rules: Rules = Rules(())
    outlets: Outlets = Outlets()
    tokenizer: TokenizerSettings = TokenizerSettings()
    columns: tuple[tuple[str, str], ...] = ()
    hints: tuple[tuple[str, str], ...] = ()  # curated outlet, language, cleaning of this file
    template: frozenset[int] = frozenset()  # numbers of the page's lines its site's template covers

    def key(self) -> str:
        """What the processed tables depend on besides the file (its hints and template): the
        cache key."""
        payload = [PIPELINE_VERSION, self.tokenizer.key(), repr(self.columns), self.rules.key(),
                   self.outlets.key()]
        return hashlib.sha1("\x00".join(payload).encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def _tokenizer(settings: TokenizerSettings) -> Tokenizer:
    return Tokenizer(settings)


@dataclass
class _Rows:
    """A table's rows in a chunk, kept as a list per column with each document's number of rows:
    the document column and the rows' numbers within their document are made once, at the end."""

    table: str
    numbered: str | None = None  # the column numbering each document's rows from 0
    counts: list[int] = field(default_factory=list)
    columns: dict[str, list] = field(default_factory=dict)

    def add(self, n: int, **columns: Iterable) -> None:
        """The `n` rows of the next document."""
        self.counts.append(n)
        for name, values in columns.items():
            self.columns.setdefault(name, []).extend(values)

    def frame(self, ids: list[str]) -> pd.DataFrame:
        """The rows as the schema's table, `doc_id` categorical (labels in order of appearance)."""
        counts = np.array(self.counts, dtype=np.int64)
        if not counts.sum():
            return schema.empty(self.table)
        has = counts > 0
        labels = pd.Index([doc_id for doc_id, kept in zip(ids, has) if kept], dtype="string")
        columns = {"doc_id": pd.Categorical.from_codes(np.repeat(np.arange(len(labels)), counts[has]),
                                                       labels)}
        if self.numbered:
            columns[self.numbered] = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts,
                                                                         counts)
        columns.update(self.columns)
        for col, dtype in schema.TABLES[self.table].items():  # typed as the schema says: no astype
            if col in schema.CATEGORICAL.get(self.table, ()):
                if col != "doc_id":
                    columns[col] = schema.categorical(np.array(columns[col], dtype=object))
            elif dtype == "string":
                columns[col] = pd.array(columns[col], dtype="string")
            else:
                columns[col] = np.asarray(columns[col], dtype=dtype)
        return pd.DataFrame({col: columns[col] for col in schema.TABLES[self.table]}, copy=False)


@dataclass
class _Tables:
    """Rows of one chunk, turned into DataFrames once at the end."""

    docs: list[dict] = field(default_factory=list)
    inferred: list[tuple] = field(default_factory=list)
    paragraphs: _Rows = field(default_factory=lambda: _Rows("paragraphs", "para_id"))
    sentences: _Rows = field(default_factory=lambda: _Rows("sentences", "sent_id"))
    removed: _Rows = field(default_factory=lambda: _Rows("removed"))
    problems: list[schema.ReportRow] = field(default_factory=list)


def doc_id_for(name: str, raw: RawDoc) -> str:
    """Readable stable id: the file path without extension; '<file>:<id or row>' for table rows."""
    if raw.row is None:
        return name.rsplit(".", 1)[0] if "." in name.rsplit("/", 1)[-1] else name
    return f"{name}:{raw.fields.get('id') or raw.row}"


def process_file(path: Path, name: str, ctx: Context, *, workers: int = 1,
                 progress: bool | None = False, read: FileRead | None = None) -> dict[str, pd.DataFrame]:
    """Read (unless `read` is the file read already), clean, infer metadata and tokenize every
    document of one file.

    With `workers` > 1 the chunks of a large table are processed by that many processes;
    the tables are the same as with one process. `progress`: a bar of the file's articles
    (`workbench.progress`; off by default, as in the workers).
    """
    read = read or read_file(path, name, columns=dict(ctx.columns))
    # a file read whole (an archive export, a page) says how many articles it has; a stream not
    known = len(read.docs) if read.blocks is None and isinstance(read.docs, list) else None
    bar = progress_bar(known, desc=name, unit="article", show=progress,
                       postfix=f"{path.stat().st_size / 1e6:.1f} MB")
    parsed: list[schema.ReportRow] = []  # rows the workers found no document in
    if read.blocks is None:
        sizes: deque[int] = deque()  # the articles of each chunk handed out, in order

        def tasks():
            for docs, ids in _chunks(read.docs, name):
                sizes.append(len(ids))
                yield docs, ids, ctx

        parts = []
        for part in map_bounded(process_chunk, tasks(), workers, preload=PRELOAD):
            parts.append(part)
            bar.update(sizes.popleft())
    else:  # the workers parse the rows too; ids repeated across blocks are renamed here
        tasks = ((block, read.layout, ctx) for block in read.blocks)
        parts, seen = [], set()
        for part, assigned, problems in map_bounded(process_block, tasks, workers, preload=PRELOAD):
            parsed += problems
            unique = unique_ids(assigned, seen)
            parts.append(renamed(part, {old: new for (old, _), new in zip(assigned, unique)
                                         if old != new}))
            bar.update(len(assigned))
    bar.close()
    # the report rows of reading are complete once every row has been read
    return file_tables_of(parts, reading_problems(read.problems, parsed, read.unknown_columns, name))


def reading_problems(problems: Sequence[schema.ReportRow], parsed: list[schema.ReportRow],
                     unknown_columns: Sequence[str], name: str) -> list[schema.ReportRow]:
    """The report rows of reading a file, in row order: those of reading its rows (`problems`)
    and of the rows the workers made no document of (`parsed`, in row order), merged; then a note
    of the export's extra columns."""
    note = [schema.ReportRow(name, None, None, "ok", "extra columns kept as metadata: "
                             f"{', '.join(unknown_columns)}")] if unknown_columns else []
    return [*heapq.merge(problems, parsed, key=lambda r: r.row or 0), *note]


def reading_part(problems: list[schema.ReportRow]) -> dict[str, pd.DataFrame]:
    """Tables of no document, with the report rows of reading a file: what leads its chunks'."""
    head = _Tables()
    head.problems += problems
    return _frames(head, {}, [])


def file_tables_of(parts: list[dict[str, pd.DataFrame]], problems: list[schema.ReportRow]
                   ) -> dict[str, pd.DataFrame]:
    """A file's tables from its chunks' (`parts`, emptied here), led by the report rows of
    reading it (`problems`, from `reading_problems`)."""
    parts.insert(0, reading_part(problems))
    # table by table, letting go of the chunks' frames as each table is joined
    return {t: schema.concat([p.pop(t) for p in parts], t) for t in list(parts[0])}


def _chunks(docs: Iterable[RawDoc], name: str) -> Iterator[tuple[list[RawDoc], list[str]]]:
    """Documents in chunks of `CHUNK_ROWS`, each with its unique id (repeats get '~row<n>')."""
    seen: set[str] = set()
    it = iter(docs)
    while chunk := list(itertools.islice(it, CHUNK_ROWS)):
        yield chunk, unique_ids([(doc_id_for(name, raw), raw.row) for raw in chunk], seen)


def unique_ids(assigned: list[tuple[str, int | None]], seen: set[str]) -> list[str]:
    """Unique ids for (id, row) pairs in order, given the ids `seen` before (updated): a repeat
    gets '~row<n>'."""
    out = []
    for doc_id, row in assigned:
        if doc_id in seen:
            doc_id = f"{doc_id}~row{row}"
        seen.add(doc_id)
        out.append(doc_id)
    return out


def process_block(args: tuple[list[tuple[int, str | dict]], Layout, Context]):
    """Make documents of a block of a table export's rows (`read.parse_block`) and process them
    (a worker's unit of work): the chunk's tables, each document's (id, row) before ids are made
    unique across blocks, and the report rows of rows that gave no document."""
    block, layout, ctx = args
    docs, problems = parse_block(layout, block)
    ids = unique_ids([(doc_id_for(layout.name, raw), raw.row) for raw in docs], set())
    return process_chunk((docs, ids, ctx)), [(i, raw.row) for i, raw in zip(ids, docs)], problems


def renamed(part: dict[str, pd.DataFrame], ids: dict[str, str]) -> dict[str, pd.DataFrame]:
    """A block's tables with the document ids in `ids` replaced: rarely, an id an earlier block
    used, which gets '~row<n>' as in one pass over the file."""
    if not ids:
        return part
    out = {}
    for table, df in part.items():
        if "doc_id" in df and len(df):
            col = df["doc_id"]
            if isinstance(col.dtype, pd.CategoricalDtype):
                col = col.cat.rename_categories(lambda c: ids.get(c, c))
            else:  # one masked assignment: `replace` with a mapping takes a pass per id
                hit = col.isin(list(ids)).to_numpy(dtype=bool)
                col = col.copy()
                col[hit] = col[hit].map(ids)
            df = df.assign(doc_id=col)
        out[table] = df
    return out


def process_chunk(args: tuple[list[RawDoc], list[str], Context]) -> dict[str, pd.DataFrame]:
    """Clean, infer metadata for and tokenize a chunk of documents (languages identified and
    tokens built for the whole chunk at once)."""
    docs, ids, ctx = args
    out, hints = _Tables(), dict(ctx.hints)
    kept = [c for raw, doc_id in zip(docs, ids) if (c := _clean(raw, doc_id, ctx, hints, out))]
    guessed = iter(infer_languages([text for raw, *_, text, _ in kept
                                    if not raw.fields.get("language")]))
    tok = _tokenizer(ctx.tokenizer)
    texts, sentences, languages = [], [], []
    for raw, doc_id, cleaned, cues, outlet, text, spans in kept:
        language = None if raw.fields.get("language") else next(guessed)
        found = infer(raw.fields, cleaned, text, outlet=cues, language=language,
                      cited=cited_outlets(text, ctx.outlets, own=outlet), evidence=raw.evidence)
        out.inferred += [(doc_id, fld, *value, confidence(value)) for fld, value in found.items()]
        languages.append(hints.get("language") or found.get("language", ("",))[0])
        out.paragraphs.add(len(spans), line_no=[n for n, _ in cleaned.kept],
                           start=[s for s, _ in spans], end=[e for _, e in spans])
        doc_sentences, paras = [], []
        for para_id, (p_start, p_end) in enumerate(spans):
            in_paragraph = tok.sentence_spans(text, p_start, p_end)
            doc_sentences += in_paragraph
            paras += [para_id] * len(in_paragraph)
        out.sentences.add(len(doc_sentences), para_id=paras, start=[s for s, _ in doc_sentences],
                          end=[e for _, e in doc_sentences])
        sentences.append(doc_sentences)
        texts.append(text)
        out.removed.add(len(raw.removed) + len(cleaned.removed),  # the archive's at line 0
                        line_no=[0] * len(raw.removed) + [n for n, *_ in cleaned.removed],
                        text=[line for line, _ in raw.removed] + [line for _, line, _ in cleaned.removed],
                        rule=[rule for _, rule in raw.removed] + [rule for *_, rule in cleaned.removed])
        extra = {k: v for k, v in raw.fields.items() if k not in schema.TABLES["documents"] and k != "id"}
        out.docs.append({
            "doc_id": doc_id, "file": raw.file, "row": raw.row, "source_id": raw.fields.get("source_id"),
            "text": text, "n_chars": len(text),
            "n_sentences": len(doc_sentences), "n_tokens": 0, "language": languages[-1],
            "content_hash": "", "warnings": "; ".join(raw.notes), **extra,
            **({} if raw.is_row else {"site": page_site(raw, hints.get("outlet"))}),
        })
    return _frames(out, tok.table(texts, sentences, languages) if texts else {}, texts)


def _outlet(raw: RawDoc, curated: str | None, found: tuple[str, str, str] | None) -> str | None:
    """The document's outlet as assembly will choose it (`merge.curated_wins`): the curated one
    of its file, or its own (its export column, its archive's publication line, its HTML site
    name, else what its cues show). An archive's article is no row in this: curated wins."""
    own = raw.fields.get("outlet") or (found[0] if found else None)
    return curated if curated_wins(curated, own, raw.row is not None and not raw.evidence) else own


def _clean(raw: RawDoc, doc_id: str, ctx: Context, hints: dict, out: _Tables):
    """(raw, doc_id, cleaned lines, outlet found from cues, the document's outlet, clean text,
    paragraph spans), or None with a report row."""
    found = None if raw.fields.get("outlet") else infer_outlet(raw.text, ctx.outlets,
                                                               url=raw.fields.get("url"))
    outlet = _outlet(raw, hints.get("outlet"), found)
    page = not raw.is_row or hints.get("cleaning") == "page"  # an export's row is article text
    cleaned = clean_lines(raw.text, ctx.rules, outlet=outlet, page=page, zone=raw.zone,
                          template=frozenset() if raw.is_row else ctx.template)
    if not cleaned.kept:
        rules = sorted({r for *_, r in cleaned.removed})
        reason = "empty text" if not cleaned.removed else (
            f"no article text left: all {len(cleaned.removed)} line(s) look like page furniture "
            f"({rules})")
        out.problems.append(schema.ReportRow(raw.file, raw.row, doc_id, "skipped", reason))
        return None
    return raw, doc_id, cleaned, found, outlet, *_join(cleaned.kept)


def _join(kept: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Clean text: kept lines as paragraphs separated by a blank line, with their spans."""
    spans, pos = [], 0
    for _, line in kept:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 2
    return "\n\n".join(line for _, line in kept), spans


def _frames(out: _Tables, tokens: dict, texts: list[str]) -> dict[str, pd.DataFrame]:
    """Typed DataFrames (schema dtypes) from a chunk's rows and token columns."""
    ids = [d["doc_id"] for d in out.docs]
    keys = [" ".join(text.casefold().split()) for text in texts]
    counts = np.bincount(tokens["doc"], minlength=len(ids)) if tokens else np.zeros(0, int)
    for doc, key, n in zip(out.docs, keys, counts):
        doc["content_hash"] = hashlib.sha1(key.encode()).hexdigest()
        doc["n_tokens"] = int(n)
    sigs = [(doc_id, sig.tobytes()) for doc_id, sig in zip(ids, signatures(article_keys(texts)))
            if sig is not None]
    if tokens:
        doc = tokens.pop("doc")
        tokens = {"doc_id": pd.Categorical.from_codes(doc, pd.Index(ids, dtype="string")), **tokens}
    docs = pd.DataFrame(out.docs) if out.docs else pd.DataFrame(
        columns=["doc_id", "file", "row", "source_id", "text", "n_chars", "n_sentences", "n_tokens",
                 "language", "content_hash", "warnings"])

    return {
        "documents": docs.astype({"row": "Int64"}),
        "inferred": pd.DataFrame(out.inferred, columns=INFERRED_COLUMNS),
        "paragraphs": out.paragraphs.frame(ids),
        "sentences": out.sentences.frame(ids),
        "tokens": schema.conform(pd.DataFrame(tokens), "tokens") if tokens else schema.empty("tokens"),
        "removed": out.removed.frame(ids),
        "problems": schema.report_table(out.problems),
        "signatures": pd.DataFrame(sigs, columns=["doc_id", "signature"]).astype(
            {"signature": object}) if sigs else pd.DataFrame(
            {"doc_id": pd.Series(dtype="string"), "signature": pd.Series(dtype=object)}),
    }
