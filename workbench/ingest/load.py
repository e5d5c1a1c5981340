"""`build_corpus`: files -> cleaned, tokenized, cached corpus tables, with a report for every file.

Per-file tables come from the cache or `process_file` (in parallel when there is much to
do, or on the Dask cluster `LoadOptions.client` names); then duplicates are set aside, curated
metadata is merged over inferred metadata, and every file and row is accounted for in `report`.
`LoadOptions` are the researcher's choices.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from collections import Counter
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from ..corpus import schema
from ..corpus.cache import CacheError, FileCache, commit
from ..corpus.corpus import TABLES, Corpus
from ..corpus.options import check_option
from ..memory import give_back
from ..parallel import map_bounded, renew, worker_count
from ..progress import progress_bar
from . import partitions
from .assemble import LoadStopped, Stored, StoredPart, assemble, checked_ids
from .bounds import use_lower_bounds
from .copies import Copies
from .curated import missing_files, read_curated
from .pipeline import PRELOAD, Context, process_file
from .read import read_file
from .sites import templates

if TYPE_CHECKING:
    from distributed import Client

PARALLEL_BYTES = 2_000_000  # below this, processing in one process is faster than starting workers
ASSEMBLY_VERSION = "8"  # bump when dedupe, metadata merge or assembly change their output
Dedupe = Literal["near", "exact", "none"]


@dataclass(frozen=True)
class LoadOptions:
    """How the files under a folder become a corpus: the one list of the options that
    `workbench.load_corpus`, `Project.load_corpus` and `build_corpus` take, and that `[corpus]`
    in workbench.toml sets for `open_corpus` (`Project.load_options`). A choice that is not one
    of the choices is a ValueError when the options are made.

    - `metadata`: the curated metadata CSV (`data/sources.csv`); None: inferred metadata only.
    - `columns`: a field (text, date, outlet, title, author, url, id) -> the name of its column
      in CSV/JSONL exports, where it is none the workbench recognises.
    - `cache_dir`: where the tables are cached; None: the project's cache home.
    - `dedupe`: find near and exact copies ("near"), exact ones only, or none. A copy from the
      same outlet is set aside; `copies`: a republication by another outlet is kept in its copy
      group ("keep") or set aside too ("aside").
    - `lower_bounds`: a document whose text states no publication date is dated at the latest
      date it mentions (`workbench.ingest.use_lower_bounds`); by default it stays undated and
      analyses list it with that bound as the reason.
    - `progress`: progress bars (files processed, a large file's articles) for a load that runs
      more than two seconds; None: unless `WORKBENCH_PROGRESS` says no (`workbench.progress`).
    - `workers`: processes for a large corpus; None: `WORKBENCH_WORKERS`, then `[corpus]
      workers`, then the cores this process may use (`workbench.parallel.worker_count`).
    - `client`: a Dask `distributed.Client` whose cluster processes the files, each file one task;
      None: the cluster `[cluster]` in workbench.toml names, else `WORKBENCH_SCHEDULER`'s, else
      this machine (`workbench.parallel.cluster_client`).
    """

    metadata: str | Path | None = None
    columns: dict[str, str] | None = None
    cache_dir: str | Path | None = None
    dedupe: Dedupe = "near"
    copies: Copies = "keep"
    lower_bounds: bool = False
    progress: bool | None = None
    workers: int | None = None
    client: Client | None = None

    def __post_init__(self) -> None:
        check_option("dedupe", self.dedupe, Dedupe)
        check_option("copies", self.copies, Copies)

    @classmethod
    def as_keywords(cls, **defaults):
        """A decorator that shows a function's `**overrides` as these options, keyword by keyword
        with their defaults (`defaults` replacing some), to `help()`, notebooks' signature hints
        and `inspect.signature`: the options stay spelled once, here."""
        def decorate(fn):
            params = [p for p in inspect.signature(fn).parameters.values()
                      if p.kind is not p.VAR_KEYWORD]
            params += [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY,
                                         default=defaults.get(f.name, f.default),
                                         annotation=f.type) for f in fields(cls)]
            fn.__signature__ = inspect.signature(fn).replace(parameters=params)
            return fn
        return decorate


def _list_files(root: Path) -> list[tuple[Path, str]]:
    if root.is_file():
        return [(root, root.name)]
    return sorted(((p, p.relative_to(root).as_posix()) for p in root.rglob("*") if p.is_file()),
                  key=lambda x: x[1])


def build_corpus(path: str | Path, context: Context, options: LoadOptions) -> Corpus:
    """Load every file under `path` into a `Corpus`; nothing is dropped without a report row.

    `context` carries the project's cleaning rules, outlet cues and tokenizer settings
    (`workbench.project.Project.context` makes it), to which the export `columns` of `options`
    are added; the tables are cached under `options.cache_dir`, which must be given.
    Researchers call `workbench.load_corpus` or `workbench.open_corpus`, which resolve the
    options left to the project (the cache home, the configured workers).
    """
    corpus = _build(Path(path), replace(context, columns=tuple(sorted((options.columns or {}).items()))),
                    options)
    return use_lower_bounds(corpus) if options.lower_bounds else corpus


def _build(root: Path, context: Context, options: LoadOptions) -> Corpus:
    """The corpus of every file under `root`, from the cache where it holds them."""
    metadata, dedupe, copies = options.metadata, options.dedupe, options.copies
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {root} does not exist; create it and add files")
    settings_key = context.key()
    curated, problems = read_curated(metadata)
    cache = FileCache(options.cache_dir)
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
        # the name too: a file's tables carry it (its documents' ids, its report rows)
        key = hashlib.sha1(f"{cache.content_hash(file_path)}{name}{settings_key}{hints}".encode()
                           ).hexdigest()
        entries.append((file_path, name, ctx, key))
    # a page's template (what its site's other pages share) is part of its key
    learned = templates(entries, cache, workers=worker_count(options.workers),
                        progress=options.progress, client=options.client)
    entries = [(path, name, replace(ctx, template=t), hashlib.sha1(f"{key}{sorted(t)}".encode())
                .hexdigest()) if (t := learned.get(name)) else (path, name, ctx, key)
               for path, name, ctx, key in entries]
    corpus_key = _corpus_key([e[3] for e in entries], curated, problems, [dedupe, copies])
    if all(cache.intact(e[3]) for e in entries) and (assembled := _load_assembled(cache, corpus_key)):
        cache.save_index()
        return assembled
    # each file's key and its tables as parts (a partitioned file's: its partitions') with the
    # cache entry of each part
    parts: dict[str, tuple[str, list[dict], list[str | None]]] = {}
    todo, rebuilt = [], []  # one-off notes: reported now, not stored with the corpus
    for file_path, name, ctx, key in entries:
        try:
            found = _cached(cache, key)
        except CacheError as err:
            rebuilt.append(schema.ReportRow(name, None, None, "ok", f"cache entry rebuilt: {err}"))
            cache.discard(key)
            found = None
        if found is None:
            todo.append((file_path, name, ctx, key))
        else:
            parts[name] = (key, *found)
    for name, key, tables, part_entries in _process_all(todo, cache, options.progress,
                                                        worker_count(options.workers), options.client):
        parts[name] = (key, tables, part_entries)
    renew(options.client)  # the assembly's tasks start from fresh workers
    n_problems = len(problems)
    flat = [(name, entry, part) for _, name in files if name in parts
            for part, entry in zip(parts[name][1], parts[name][2])]
    big = sum(path.stat().st_size for path, *_ in entries) >= PARALLEL_BYTES
    workers = worker_count(options.workers) if big else 1
    ordered, rows, dropped = checked_ids(cache.root, [part for *_, part in flat], problems, workers,
                                         options.client)
    where = Stored(cache.root, [entry for _, entry, _ in flat], rows, dropped, workers, options.client)
    keys = {key for key, *_ in parts.values()}
    used = keys | {entry for _, entry, _ in flat if entry}
    del parts, flat  # the assembly lets each part's tables go as it joins them
    with cache.storing(corpus_key, area="corpus") as out:  # each table written once it is final
        assemble(ordered, curated, problems, dedupe, copies, out, where)
    cache.sweep(keys)
    cache.save_index()
    cache.prune(used)
    cache.prune({corpus_key}, area="corpus")
    renew(options.client)  # before the corpus is opened here, so their memory and its never add up
    # what a later session opens: the stored tables, mapped
    corpus = _load_assembled(cache, corpus_key)
    if corpus is None:
        raise CacheError(f"the corpus just stored at {cache.entry(corpus_key, 'corpus')} cannot be "
                         "read back; check that its disk is not full and load again")
    if rebuilt:  # after the rows of the files not read, as they were found
        report = corpus.report
        corpus = replace(corpus, report=schema.conform(pd.concat(
            [report.iloc[:n_problems], schema.report_table(rebuilt), report.iloc[n_problems:]],
            ignore_index=True), "report"))
    give_back()  # what assembling freed, not kept by the notebook for the rest of its session
    return corpus


def _cached(cache: FileCache, key: str) -> tuple[list, list[str | None]] | None:
    """A file's parts from the cache, with each part's entry: its key's (a `StoredPart`, whose
    tables are read when the assembly takes them), or where its key holds a partitioned file's
    head, its partitions' (`partitions.file_parts`); None if absent. CacheError if an entry is
    damaged or a partition missing."""
    manifest = cache.checked(key)
    if manifest is None:
        return None
    if "partitions" not in manifest:
        return [StoredPart(cache, key)], [key]
    # the head, checked above: the report rows of reading the file, the partitions' names
    found = {name: cache.table(key, name) for name in manifest}
    try:
        return partitions.file_parts(key, found, cache), [None, *found["partitions"]["entry"].tolist()]
    except FileNotFoundError as err:
        raise CacheError(str(err)) from err


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
        for col in cols:  # mapped as such (`cache.read_arrow`), or made so here
            if not schema.string_labelled(df[col]):
                df[col] = schema.string_categories(df[col].astype("category"))
    return Corpus(**tables, store=cache.entry(key, area="corpus"))


@dataclass(frozen=True)
class FileTask:
    """A worker's unit of work: process a whole file and commit its tables to the cache under
    `key` (a private folder renamed into place: a task run twice, or by a second worker after the
    first was lost, leaves one entry); the call returns each table's rows. Run here, `workers`
    splits a big file's chunks and `progress` counts its articles."""

    path: Path
    name: str
    ctx: Context
    key: str
    cache_root: Path
    workers: int = 1
    progress: bool | None = False

    def __call__(self) -> dict[str, int]:
        read = read_file(self.path, self.name, columns=dict(self.ctx.columns))
        if read.blocks is not None:  # a table export read as a stream: in partitions
            return partitions.commit_blocks(read, self.ctx, self.key, self.cache_root,
                                            workers=self.workers)
        return commit(self.cache_root, self.key, process_file(
            self.path, self.name, self.ctx, workers=self.workers, progress=self.progress, read=read))


def _run(task: FileTask | partitions.SpanTask) -> dict[str, int]:
    """Run a task where `map_bounded` sends it: here, in the pool or on a cluster's worker."""
    return task()


def _process_all(todo: list, cache: FileCache, progress: bool | None, workers: int,
                 client: Client | None = None):
    """Yield (name, key, parts, their entries) of each file to process once its tasks have
    committed it to `cache`: the tables its one task committed under its key, or those of its
    partitions (a large JSON Lines file is split into partitions, `workbench.ingest.partitions`,
    whose names its key then holds; any other file is one task). The tasks
    run on the cluster of `client`, or in `workers` processes when there is much to do; else
    here, where a big file splits its own chunks. The bar counts files and megabytes (partitions'
    too); a file processed here counts its articles. A failed task raises `LoadStopped`, naming
    its file or partition; the partitions committed are kept, and not processed again."""
    sizes = [p.stat().st_size for p, *_ in todo]
    total = sum(sizes)
    bar = progress_bar(len(todo), desc="processing files", unit="file", show=progress,
                       postfix=_megabytes(0, total))
    plans = {name: partitions.plan(path, name, ctx) for path, name, ctx, _ in todo}
    here = client is None and (total < PARALLEL_BYTES or workers < 2 or len(todo) < 2
                               and plans[todo[0][1]] is None)
    own = (workers if total >= PARALLEL_BYTES else 1, progress) if here else ()
    tasks: list[tuple[str, int, FileTask | partitions.SpanTask]] = []  # (file, bytes, task)
    for (path, name, ctx, key), size in zip(todo, sizes):
        if (plan := plans[name]) is None:
            tasks.append((name, size, FileTask(path, name, ctx, key, cache.root, *own)))
        else:  # a partition a stopped load committed is not processed again
            tasks += [(name, span[1], partitions.SpanTask(path, plan.layout, ctx, span, entry,
                                                          cache.root))
                      for span, entry in zip(plan.spans, partitions.entries(key, plan))
                      if not cache.intact(entry)]
    produced = map_bounded(_run, (task for *_, task in tasks), 1 if here else workers,
                           preload=PRELOAD, client=client)
    pending, done, count = iter(tasks), 0, Counter(file for file, *_ in tasks)
    for (_, name, _, key), size in zip(todo, sizes):
        part = 0
        for _ in range(count[name]):
            _, size_done, task = next(pending)
            try:
                next(produced)
            except Exception as err:  # whatever stopped it, the researcher is told which file
                bar.close()
                produced.close()  # the tasks not started are cancelled
                what = name if isinstance(task, FileTask) else (
                    f"partition {int(task.entry.rsplit('-', 1)[1]) + 1} of "
                    f"{len(plans[name].spans)} of {name} (from line {task.span[2]})")
                raise LoadStopped(
                    f"processing {what} stopped ({type(err).__name__}: {err}). The {bar.n} files "
                    f"processed before it, and its partitions done, are kept in the cache "
                    f"({cache.root}); load again to process the rest. On a cluster, a task whose "
                    f"workers were lost more often than `distributed.scheduler.allowed-failures` "
                    f"allows stops the load.") from err
            part += size_done
            bar.set_postfix_str(_megabytes(done + min(part, size), total), refresh=False)
            bar.update(0)  # drawn when due: a big file's partitions move the megabytes
        if (plan := plans[name]) is None:  # mapped from the entries its task committed
            yield name, key, *_cached(cache, key)
        else:  # its partitions are its store; its key holds their names
            head = partitions.head(plan, key, cache)
            cache.store(key, head)
            yield name, key, partitions.file_parts(key, head, cache), [None, *partitions.entries(key, plan)]
        done += size
        bar.set_postfix_str(_megabytes(done, total), refresh=False)
        bar.update()
    bar.close()


def _megabytes(done: int, total: int) -> str:
    """What a bar says of the bytes processed: "12.5 of 312.0 MB"."""
    return f"{done / 1e6:.1f} of {total / 1e6:.1f} MB"
