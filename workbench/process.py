"""Process one input file into per-file tables: the unit of work the cache stores.

Pure function of the file bytes and a `Context` (rules, cues, tokenizer settings and the
curated outlet/language of that file), so results can be cached by content hash and
computed in parallel. Curated metadata is merged later, when the corpus is assembled.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import schema
from .clean import Cleaned, Rules, clean_lines
from .dedupe import signatures
from .metadata import OutletCue, infer, infer_outlet
from .readers import RawDoc, read_file
from .tokenize import Tokenizer, TokenizerSettings

PIPELINE_VERSION = "1"
CHUNK_ROWS = 5_000  # rows of a table per task when one large file is split across processes


@dataclass(frozen=True)
class Context:
    """Everything besides the file's bytes that shapes its processed tables."""

    rules: Rules
    cues: tuple[OutletCue, ...]
    tokenizer: TokenizerSettings = TokenizerSettings()
    columns: tuple[tuple[str, str], ...] = ()
    hints: tuple[tuple[str, str], ...] = ()  # curated outlet/language for this file


@lru_cache(maxsize=4)
def _tokenizer(settings: TokenizerSettings) -> Tokenizer:
    return Tokenizer(settings)


@dataclass
class _Tables:
    """Column lists for one file, turned into DataFrames once at the end."""

    docs: list[dict] = field(default_factory=list)
    inferred: list[tuple] = field(default_factory=list)
    paragraphs: list[tuple] = field(default_factory=list)
    sentences: list[tuple] = field(default_factory=list)
    tokens: dict[str, list] = field(default_factory=lambda: {c: [] for c in schema.TABLES["tokens"]})
    removed: list[tuple] = field(default_factory=list)
    problems: list[tuple] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, text for MinHash)


def doc_id_for(name: str, raw: RawDoc) -> str:
    """Readable stable id: the file path without extension; '<file>:<id or row>' for table rows."""
    if raw.row is None:
        return name.rsplit(".", 1)[0] if "." in name.rsplit("/", 1)[-1] else name
    return f"{name}:{raw.fields.get('id') or raw.row}"


def process_file(path: Path, name: str, ctx: Context, *, workers: int = 1) -> dict[str, pd.DataFrame]:
    """Read, clean, infer metadata and tokenize every document of one file.

    With `workers` > 1 a large table's rows are processed in chunks by that many processes;
    the tables are the same as with one process.
    """
    read = read_file(path, name, columns=dict(ctx.columns))
    out = _Tables()
    for p in read.problems:
        out.problems.append((name, p["row"], None, p["status"], p["reason"]))
    if read.unknown_columns:
        out.problems.append((name, None, None, "ok",
                             f"extra columns kept as metadata: {', '.join(read.unknown_columns)}"))
    seen: set[str] = set()
    ids = []
    for raw in read.docs:
        doc_id = doc_id_for(name, raw)
        if doc_id in seen:
            doc_id = f"{doc_id}~row{raw.row}"
        seen.add(doc_id)
        ids.append(doc_id)
    if workers < 2 or len(read.docs) < 2 * CHUNK_ROWS:
        _process_documents(read.docs, ids, ctx, out)
        return _frames(out)
    chunks = [(read.docs[i:i + CHUNK_ROWS], ids[i:i + CHUNK_ROWS], ctx)
              for i in range(0, len(read.docs), CHUNK_ROWS)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = [_frames(out), *pool.map(_process_chunk, chunks)]
    return {t: pd.concat([p[t] for p in parts if len(p[t])] or [parts[0][t]], ignore_index=True)
            for t in parts[0]}


def _process_chunk(args: tuple[list[RawDoc], list[str], Context]) -> dict[str, pd.DataFrame]:
    docs, ids, ctx = args
    out = _Tables()
    _process_documents(docs, ids, ctx, out)
    return _frames(out)


def _process_documents(docs: list[RawDoc], ids: list[str], ctx: Context, out: _Tables) -> None:
    """Clean, infer metadata for and tokenize each document."""
    for raw, doc_id in zip(docs, ids):
        if cleaned := _clean(raw, doc_id, ctx, out):
            _process_document(*cleaned, ctx, out)


def _clean(raw: RawDoc, doc_id: str, ctx: Context, out: _Tables):
    """(raw, doc_id, cleaned lines, clean text, paragraph spans), or None with a report row."""
    outlet = dict(ctx.hints).get("outlet") or raw.fields.get("outlet")
    if not outlet and (found := infer_outlet(raw.text, ctx.cues)):
        outlet = found[0]
    cleaned = clean_lines(raw.text, ctx.rules, outlet=outlet)
    if not cleaned.kept:
        rules = sorted({r for *_, r in cleaned.removed})
        reason = "empty text" if not cleaned.removed else (
            f"no article text left: all {len(cleaned.removed)} line(s) look like page furniture "
            f"({rules})")
        out.problems.append((raw.file, raw.row, doc_id, "skipped", reason))
        return None
    return raw, doc_id, cleaned, *_join(cleaned.kept)


def _process_document(raw: RawDoc, doc_id: str, cleaned: Cleaned, text: str,
                      spans: list[tuple[int, int]], ctx: Context, out: _Tables) -> None:
    found = infer(raw.fields, cleaned, raw.text, text, ctx.cues)
    for fld, (value, evidence) in found.items():
        out.inferred.append((doc_id, fld, value, evidence))
    language = dict(ctx.hints).get("language") or found.get("language", ("",))[0]
    n_sent, n_tok = _tokenize(doc_id, text, spans, language, ctx.tokenizer, out)
    out.removed.extend((doc_id, n, line, rule) for n, line, rule in cleaned.removed)
    out.paragraphs.extend((doc_id, i, n, s, e) for i, ((n, _), (s, e))
                          in enumerate(zip(cleaned.kept, spans)))
    key = " ".join(text.casefold().split())
    extra = {k: v for k, v in raw.fields.items() if k not in schema.TABLES["documents"] and k != "id"}
    out.docs.append({
        "doc_id": doc_id, "file": raw.file, "row": raw.row, "text": text, "n_chars": len(text),
        "n_sentences": n_sent, "n_tokens": n_tok, "language": language,
        "content_hash": hashlib.sha1(key.encode()).hexdigest(),
        "warnings": "; ".join(raw.notes), **extra,
    })
    out.keys.append((doc_id, key))


def _join(kept: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Clean text: kept lines as paragraphs separated by a blank line, with their spans."""
    spans, pos = [], 0
    for _, line in kept:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 2
    return "\n\n".join(line for _, line in kept), spans


def _tokenize(doc_id: str, text: str, spans: list[tuple[int, int]], language: str,
              settings: TokenizerSettings, out: _Tables) -> tuple[int, int]:
    tok = _tokenizer(settings)
    stop = tok.stopwords(language)
    cols = out.tokens
    sent_id = tok_id = 0
    for para_id, (p_start, p_end) in enumerate(spans):
        for s, e in tok.sentence_spans(text, p_start, p_end):
            out.sentences.append((doc_id, sent_id, para_id, s, e, text[s:e]))
            found = tok.tokens(text, s, e)
            if found:
                n = len(found)
                starts, ends, norms = zip(*found)
                cols["doc_id"].extend([doc_id] * n)
                cols["sent_id"].extend([sent_id] * n)
                cols["tok_id"].extend(range(tok_id, tok_id + n))
                cols["start"].extend(starts)
                cols["end"].extend(ends)
                cols["token"].extend([text[a:b] for a, b in zip(starts, ends)])
                cols["norm"].extend(norms)
                cols["is_stop"].extend([x in stop for x in norms])
                tok_id += n
            sent_id += 1
    return sent_id, tok_id


def _frames(out: _Tables) -> dict[str, pd.DataFrame]:
    """Turn the column lists into typed DataFrames (schema dtypes)."""
    sigs = [(doc_id, sig.tobytes()) for (doc_id, _), sig
            in zip(out.keys, signatures([k for _, k in out.keys])) if sig is not None]
    tokens = dict(out.tokens)
    norms = pd.Series(tokens["norm"], dtype="string")
    tokens["is_alpha"] = (norms.str.contains(r"[^\W\d_]", regex=True)
                          & ~norms.str.contains(r"\d", regex=True)).to_numpy(dtype=bool)
    docs = pd.DataFrame(out.docs) if out.docs else pd.DataFrame(
        columns=["doc_id", "file", "row", "text", "n_chars", "n_sentences", "n_tokens",
                 "language", "content_hash", "warnings"])

    def frame(table: str, rows) -> pd.DataFrame:
        cols = list(schema.TABLES[table])
        df = pd.DataFrame(rows, columns=cols) if not isinstance(rows, dict) else pd.DataFrame(rows)
        return schema.conform(df, table) if len(df) else schema.empty(table)

    return {
        "documents": docs.astype({"row": "Int64"}),
        "inferred": pd.DataFrame(out.inferred, columns=["doc_id", "field", "value", "evidence"]),
        "paragraphs": frame("paragraphs", out.paragraphs),
        "sentences": frame("sentences", out.sentences),
        "tokens": frame("tokens", {k: tokens[k] for k in schema.TABLES["tokens"]}),
        "removed": frame("removed", out.removed),
        "problems": frame("report", out.problems),
        "signatures": pd.DataFrame(sigs, columns=["doc_id", "signature"]).astype(
            {"signature": object}) if sigs else pd.DataFrame(
            {"doc_id": pd.Series(dtype="string"), "signature": pd.Series(dtype=object)}),
    }
