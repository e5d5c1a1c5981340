"""`load_corpus`: files -> cleaned, tokenized, cached corpus tables, with a report for every file.

Per-file tables come from the cache or `process_file` (in parallel when there is much to
do); then duplicates are set aside, curated metadata is merged over inferred metadata,
and every file and row is accounted for in `report`.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, replace
from pathlib import Path
from typing import Literal

from tqdm.auto import tqdm

from ..corpus import schema
from ..corpus.cache import CacheError, FileCache
from ..corpus.corpus import Corpus
from ..project.parallel import WORKERS
from ..project.project import corpus_settings, data_path
from .assemble import assemble, without_clashing_ids
from .clean import Rules, load_rules
from .curated import missing_files, read_curated
from .infer import load_outlets
from .pipeline import PIPELINE_VERSION, Context, process_file
from .tokens import TokenizerSettings

PARALLEL_BYTES = 2_000_000  # below this, processing in one process is faster than forking
ASSEMBLY_VERSION = "1"  # bump when dedupe, metadata merge or assembly change their output


def _data_file(name: str, corpus_dir: Path) -> Path:
    """A researcher-editable input next to the corpus folder, else the project's `data/`."""
    local = corpus_dir.parent / name
    return local if local.exists() else data_path(name)


def _read_mwe(path: Path) -> tuple[str, ...]:
    if not path.exists():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(" ".join(x.lower().split()) for x in lines if x.strip() and not x.startswith("#"))


def _list_files(root: Path) -> list[tuple[Path, str]]:
    if root.is_file():
        return [(root, root.name)]
    return sorted(((p, p.relative_to(root).as_posix()) for p in root.rglob("*") if p.is_file()),
                  key=lambda x: x[1])


def load_corpus(
    path: str | Path = "data/corpus",
    *,
    metadata: str | Path | None = "data/sources.csv",
    columns: dict[str, str] | None = None,
    cache_dir: str | Path | None = None,
    dedupe: Literal["near", "exact", "none"] = "near",
    stem: bool = False,
    progress: bool | None = None,
) -> Corpus:
    """Load every file under `path` into a `Corpus`; nothing is dropped without a report row.

    `columns` maps fields (text, date, outlet, title, author, url, id) to column names of
    CSV/JSONL exports. The cache defaults to `.cache/` beside the corpus folder.
    """
    if dedupe not in ("near", "exact", "none"):
        raise ValueError(f"dedupe={dedupe!r} is invalid; expected 'near', 'exact' or 'none'")
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {root} does not exist; create it and add files")
    rules_path = _data_file("cleaning_rules.csv", root)
    base = Context(
        rules=load_rules(rules_path) if rules_path.exists() else Rules(()),
        cues=load_outlets(p) if (p := _data_file("outlets.csv", root)).exists() else (),
        tokenizer=TokenizerSettings(mwe=_read_mwe(_data_file("mwe.txt", root)), stem=stem),
        columns=tuple(sorted((columns or {}).items())),
    )
    settings_key = _settings_key(base, rules_path)
    curated, problems = read_curated(metadata)
    cache = FileCache(cache_dir or (root.parent if root.is_dir() else root.parent) / ".cache")
    files = _list_files(root)
    problems += missing_files(curated, {name for _, name in files}, Path(metadata).name
                              if metadata else "")
    entries = []
    for file_path, name in files:
        if name.startswith(".") or "/." in name:
            problems.append((name, None, "skipped", "hidden or system file; not read"))
            continue
        hints = tuple((k, curated.get(name, {})[k]) for k in ("outlet", "language")
                      if k in curated.get(name, {}))
        ctx = replace(base, hints=hints)
        key = hashlib.sha1(f"{cache.content_hash(file_path)}{settings_key}{hints}".encode()).hexdigest()
        entries.append((file_path, name, ctx, key))
    corpus_key = _corpus_key([e[3] for e in entries], curated, problems, dedupe)
    if all(cache.intact(e[3]) for e in entries) and (assembled := _load_assembled(cache, corpus_key)):
        cache.save_index()
        return assembled
    parts, todo, n_problems = {}, [], len(problems)
    for file_path, name, ctx, key in entries:
        try:
            found = cache.load(key)
        except CacheError as err:
            problems.append((name, None, "ok", f"cache entry rebuilt: {err}"))
            cache.discard(key)
            found = None
        if found is None:
            todo.append((file_path, name, ctx, key))
        else:
            parts[name] = (key, found)
    for (name, key), tables in _process_all(todo, progress):
        cache.store(key, tables)
        parts[name] = (key, tables)
    cache.save_index()
    cache.prune({key for key, _ in parts.values()})
    rebuilt = len(problems) > n_problems  # one-off "cache entry rebuilt" notes: not kept
    ordered = without_clashing_ids([parts[name][1] for _, name in files if name in parts], problems)
    corpus = assemble(ordered, curated, problems, dedupe)
    if not rebuilt:
        cache.store(corpus_key, {f.name: getattr(corpus, f.name) for f in fields(Corpus)},
                    area="corpus")
        cache.prune({corpus_key}, area="corpus")
    return corpus


def _corpus_key(file_keys: list[str], curated: dict, problems: list[tuple], dedupe: str) -> str:
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
    if tables is None or set(tables) != {f.name for f in fields(Corpus)}:
        return None
    for table, cols in schema.CATEGORICAL.items():  # Parquet gives back str, not string, labels
        df = tables[table]
        for col in cols:
            df[col] = schema.string_categories(df[col].astype("category"))
    return Corpus(**tables)


def _settings_key(ctx: Context, rules_path: Path) -> str:
    payload = [PIPELINE_VERSION, ctx.tokenizer.key(), repr(ctx.columns), repr(ctx.cues),
               rules_path.read_text(encoding="utf-8") if rules_path.exists() else ""]
    return hashlib.sha1("\x00".join(payload).encode()).hexdigest()[:16]


def _process_all(todo: list, progress: bool | None):
    """Yield ((name, key), tables) for files to process; two processes for big batches."""
    total = sum(p.stat().st_size for p, *_ in todo)
    bar = tqdm(total=len(todo), desc="processing files", unit="file",
               disable=not progress if progress is not None else len(todo) < 20)
    if total < PARALLEL_BYTES or len(todo) < 2:
        workers = WORKERS if total >= PARALLEL_BYTES else 1
        for file_path, name, ctx, key in todo:  # one big table: its rows in parallel chunks
            yield (name, key), process_file(file_path, name, ctx, workers=workers)
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=WORKERS) as pool:
            futures = [((name, key), pool.submit(process_file, fp, name, ctx))
                       for fp, name, ctx, key in todo]
            for ident, future in futures:
                yield ident, future.result()
                bar.update()
    bar.close()


def open_corpus(**overrides) -> Corpus:
    """Load the corpus the project is configured for, from any working folder (e.g. notebooks/)."""
    return load_corpus(**{**corpus_settings(), **overrides})
