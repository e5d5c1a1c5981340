"""`build_corpus`: files -> cleaned, tokenized, cached corpus tables, with a report for every file.

Per-file tables come from the cache or `process_file` (in parallel when there is much to
do); then duplicates are set aside, curated metadata is merged over inferred metadata,
and every file and row is accounted for in `report`.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Literal

from tqdm.auto import tqdm

from ..corpus import schema
from ..corpus.cache import CacheError, FileCache
from ..corpus.corpus import TABLES, Corpus
from ..corpus.options import check_option
from ..parallel import pool, result, worker_count
from .assemble import assemble, without_clashing_ids
from .copies import Copies
from .curated import missing_files, read_curated
from .pipeline import PRELOAD, Context, process_file

PARALLEL_BYTES = 2_000_000  # below this, processing in one process is faster than starting workers
ASSEMBLY_VERSION = "6"  # bump when dedupe, metadata merge or assembly change their output
Dedupe = Literal["near", "exact", "none"]


def _list_files(root: Path) -> list[tuple[Path, str]]:
    if root.is_file():
        return [(root, root.name)]
    return sorted(((p, p.relative_to(root).as_posix()) for p in root.rglob("*") if p.is_file()),
                  key=lambda x: x[1])


def build_corpus(
    path: str | Path,
    context: Context,
    *,
    cache_dir: str | Path,
    metadata: str | Path | None = None,
    dedupe: Dedupe = "near",
    copies: Copies = "keep",
    progress: bool | None = None,
    workers: int | None = None,
) -> Corpus:
    """Load every file under `path` into a `Corpus`; nothing is dropped without a report row.

    `context` carries the project's cleaning rules, outlet cues, tokenizer settings and the
    column mapping of exports (`workbench.project.Project.context` makes it); `metadata` is the
    curated metadata CSV; tables are cached under `cache_dir`. `dedupe` finds near and exact
    copies ("near"), exact ones only, or none; a copy from the same outlet is set aside, a copy
    from another outlet (a republication) kept in its copy group unless `copies="aside"`.
    `workers`: processes for a large batch (`workbench.parallel.worker_count`).
    Researchers call `workbench.load_corpus` or `workbench.open_corpus`, which resolve these
    from the project.
    """
    check_option("dedupe", dedupe, Dedupe)
    check_option("copies", copies, Copies)
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {root} does not exist; create it and add files")
    settings_key = context.key()
    curated, problems = read_curated(metadata)
    cache = FileCache(cache_dir)
    files = _list_files(root)
    problems += missing_files(curated, {name for _, name in files}, Path(metadata).name
                              if metadata else "")
    entries = []
    for file_path, name in files:
        if name.startswith(".") or "/." in name:
            problems.append(schema.ReportRow(name, None, None, "skipped",
                                             "hidden or system file; not read"))
            continue
        hints = tuple((k, curated.get(name, {})[k]) for k in ("outlet", "language", "cleaning")
                      if k in curated.get(name, {}))
        ctx = replace(context, hints=hints)
        key = hashlib.sha1(f"{cache.content_hash(file_path)}{settings_key}{hints}".encode()
                           ).hexdigest()
        entries.append((file_path, name, ctx, key))
    corpus_key = _corpus_key([e[3] for e in entries], curated, problems, [dedupe, copies])
    if all(cache.intact(e[3]) for e in entries) and (assembled := _load_assembled(cache, corpus_key)):
        cache.save_index()
        return assembled
    parts, todo, n_problems = {}, [], len(problems)
    for file_path, name, ctx, key in entries:
        try:
            found = cache.load(key)
        except CacheError as err:
            problems.append(schema.ReportRow(name, None, None, "ok", f"cache entry rebuilt: {err}"))
            cache.discard(key)
            found = None
        if found is None:
            todo.append((file_path, name, ctx, key))
        else:
            parts[name] = (key, found)
    # each file's tables are written by a thread while the next files are processed and the
    # corpus is assembled (Arrow's writes let go of the interpreter)
    with ThreadPoolExecutor(1, thread_name_prefix="cache-writer") as writer:
        written = []
        for (name, key), tables in _process_all(todo, progress, worker_count(workers)):
            written.append(writer.submit(cache.store, key, tables))
            parts[name] = (key, tables)
        rebuilt = len(problems) > n_problems  # one-off "cache entry rebuilt" notes: not kept
        ordered = without_clashing_ids([parts[name][1] for _, name in files if name in parts],
                                       problems)
        corpus = assemble(ordered, curated, problems, dedupe, copies)
        for future in written:
            future.result()
    cache.save_index()
    cache.prune({key for key, _ in parts.values()})
    if not rebuilt:
        cache.store(corpus_key, corpus.tables(), area="corpus")
        cache.prune({corpus_key}, area="corpus")
        # what a later session opens: the stored tables, mapped, in place of those in memory
        corpus = _load_assembled(cache, corpus_key) or corpus
    return corpus


def _corpus_key(file_keys: list[str], curated: dict, problems: list[schema.ReportRow],
                dedupe: list[str]) -> str:
    """Key of the assembled corpus: the per-file keys, curated metadata and load settings."""
    payload = json.dumps([ASSEMBLY_VERSION, file_keys, curated, problems, dedupe],
                         sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()


def _load_assembled(cache: FileCache, key: str) -> Corpus | None:
    """The assembled corpus stored under `key`, or None (a damaged entry is dropped)."""
    try:
        tables = cache.load(key, area="corpus")
    except CacheError:
        cache.discard(key, area="corpus")
        return None
    if tables is None or set(tables) != set(TABLES):
        return None
    for table, cols in schema.CATEGORICAL.items():  # Arrow gives back str, not string, labels
        df = tables[table]
        for col in cols:
            df[col] = schema.string_categories(df[col].astype("category"))
    return Corpus(**tables, store=cache.entry(key, area="corpus"))


def _process_all(todo: list, progress: bool | None, workers: int):
    """Yield ((name, key), tables) for files to process; `workers` processes for big batches:
    one file's chunks, or many files, in parallel."""
    total = sum(p.stat().st_size for p, *_ in todo)
    bar = tqdm(total=len(todo), desc="processing files", unit="file",
               disable=not progress if progress is not None else len(todo) < 20)
    if total < PARALLEL_BYTES or len(todo) < 2 or workers < 2:
        workers = workers if total >= PARALLEL_BYTES else 1
        for file_path, name, ctx, key in todo:  # one big table: its rows in parallel chunks
            yield (name, key), process_file(file_path, name, ctx, workers=workers)
            bar.update()
    else:
        executor = pool(workers, PRELOAD)
        futures = [((name, key), executor.submit(process_file, fp, name, ctx))
                   for fp, name, ctx, key in todo]
        for ident, future in futures:
            yield ident, result(future)
            bar.update()
    bar.close()
