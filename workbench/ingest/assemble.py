"""Assemble per-file tables into one corpus: ids checked, metadata merged, copies sorted."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa

from ..corpus import schema
from ..corpus.cache import FileCache, Writing, read_arrow, write_arrow
from ..memory import give_back
from ..parallel import exchange, map_bounded, renew, run_elsewhere
from . import merge
from .copies import Copies, sort_copies
from .dedupe import Source, band_pairs, exact_pairs, find_duplicates, same_source, split_bands, split_hashes
from .infer import INFERRED_COLUMNS
from .merge import Chosen, archive_articles, choose, documents_table, merge_metadata
from .pipeline import PRELOAD, reading_part, renamed, unique_ids
from .titles import shared_headlines, without_shared_headlines

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True)
class Stored:
    """Where the tables assembly is given are stored, for the steps that read them in tasks (an
    `exchange`, a `TableTask`): per part, in corpus order, its cache entry (a file's, or a
    partition's; None for a part of no document), its documents there and the positions of those
    dropped for an id another file uses (`without_clashing_ids`); the tasks run on `client`'s
    cluster, else on `workers` processes."""

    cache_root: Path
    entries: list[str | None]
    rows: list[int]
    dropped: list[np.ndarray]
    workers: int = 1
    client: Client | None = None


def copy_candidates(compared: np.ndarray, stored: Stored) -> tuple[np.ndarray, np.ndarray]:
    """The `dedupe.exact_pairs` and `dedupe.band_pairs` of the documents `compared` marks among
    the corpus's (in corpus order: the stored documents less those dropped), by their ordinals
    among those compared, found by two exchanges over the stored entries: each entry's content
    hashes, then the LSH band keys of its documents that are no exact copy, go into buckets by
    their value, and each bucket is searched on its own."""
    buckets = 2 * (sum(stored.client.nthreads().values()) if stored.client else stored.workers)
    sources, first, at = [], 0, 0
    for entry, rows, dropped in zip(stored.entries, stored.rows, stored.dropped):
        if not rows:
            continue
        kept = np.ones(rows, dtype=bool)
        kept[dropped] = False
        n = int(kept.sum())
        kept[kept] = compared[at:at + n]
        at += n
        sources.append(Source(stored.cache_root, entry, tuple(np.flatnonzero(~kept).tolist()), first,
                              buckets))
        first += int(kept.sum())
    if at != len(compared):
        raise RuntimeError(f"the cache at {stored.cache_root} holds {at} of the corpus's {len(compared)} "
                           "documents; delete it and load again")
    run = partial(exchange, buckets=buckets, workers=stored.workers, client=stored.client,
                  folder=stored.cache_root)
    exact = np.concatenate(run(split_hashes, sources, exact_pairs))
    copies = np.sort(exact[:, 0])
    at = np.searchsorted(copies, [source.first for source in sources] + [first])
    sources = [replace(source, copies=tuple(copies[at[i]:at[i + 1]].tolist()))
               for i, source in enumerate(sources)]
    return exact, np.concatenate(run(split_bands, sources, band_pairs))


class StoredPart:
    """A part of the corpus whose tables stay in its cache entry until the assembly takes each
    (`pop`; `part[table]` reads one and keeps it until then): read then, mapped, with the ids in
    `rename` renamed (those an earlier partition of its file used) and the documents of `drop`
    left out (ids an earlier file uses). The assembly then holds one table of every part at a
    time, not every table of every part. A `head` is a partitioned file's key: the report rows of
    reading the file (`problems`), and no document."""

    def __init__(self, cache: FileCache, entry: str, rename: dict[str, str] | None = None,
                 drop: frozenset[str] = frozenset(), read: dict[str, pd.DataFrame] | None = None,
                 head: bool = False):
        self.cache, self.entry, self.rename, self.drop, self.head = cache, entry, rename or {}, drop, head
        self._read = read or {}

    @property
    def where(self) -> tuple[str, tuple[tuple[str, str], ...], frozenset[str], bool]:
        """What makes this part again in a task (`stored_parts`), without its tables."""
        return self.entry, tuple(self.rename.items()), self.drop, self.head

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in self._read:
            self._read[table] = self._take(table)
        return self._read[table]

    def pop(self, table: str) -> pd.DataFrame:
        return self._read.pop(table) if table in self._read else self._take(table)

    def without(self, ids: set[str]) -> StoredPart:
        """This part with the documents of `ids` left out of every table."""
        return StoredPart(self.cache, self.entry, self.rename, self.drop | ids,
                          {t: _without(df, ids) for t, df in self._read.items()}, self.head)

    def _take(self, table: str) -> pd.DataFrame:
        if self.head and table != "problems":
            return reading_part([])[table]
        return _without(renamed({table: self.cache.table(self.entry, table)}, self.rename)[table],
                        self.drop)


def stored_parts(cache_root: Path, where: Iterable[tuple]) -> list[StoredPart]:
    """The parts of `where` (each part's `StoredPart.where`) in the cache at `cache_root`."""
    cache = FileCache(cache_root)
    return [StoredPart(cache, entry, dict(rename), drop, head=head) for entry, rename, drop, head in where]


def _without(df: pd.DataFrame, ids: set[str] | frozenset[str]) -> pd.DataFrame:
    return df[~schema.isin(df.doc_id, ids)] if ids and "doc_id" in df else df


def checked_ids(cache_root: Path, parts: list[StoredPart], problems: list[schema.ReportRow], workers: int = 1,
                client: Client | None = None) -> tuple[list[StoredPart], list[int], list[np.ndarray]]:
    """The stored parts (in the cache at `cache_root`) with the ids an earlier partition of their
    file used renamed (`_renamed_partitions`), and without the documents whose id an earlier file
    already uses (a.txt and a.md), each with a report row appended to `problems`; with each
    part's stored documents and the positions of those dropped. Found by a task (`IdsTask`)
    where `map_bounded` runs tasks, so that this process never holds the corpus's ids."""
    if not parts:
        return parts, [], []
    rows, dropped, renames, ids, found = run_elsewhere(
        _call, IdsTask(cache_root, tuple(p.where for p in parts)), workers, preload=PRELOAD, client=client)
    problems += found
    return [StoredPart(part.cache, part.entry, rename, part.drop | set(mine), head=part.head)
            for part, rename, mine in zip(parts, renames, ids)], rows, dropped


@dataclass(frozen=True)
class IdsTask:
    """A task of the assembly: of each stored part (its `StoredPart.where`), its documents, the
    positions of those whose id an earlier file already uses, the ids it renames and those it
    drops, and the report rows that say so (`_renamed_partitions`, `without_clashing_ids`)."""

    cache_root: Path
    parts: tuple[tuple, ...]

    def __call__(self) -> tuple[list[int], list[np.ndarray], list[dict[str, str]], list[list[str]],
                                list[schema.ReportRow]]:
        parts = _renamed_partitions(stored_parts(self.cache_root, self.parts))
        rows = [len(part["documents"]) for part in parts]
        problems: list[schema.ReportRow] = []
        kept, dropped = without_clashing_ids(parts, problems)
        ids = [sorted(after.drop - before.drop) for before, after in zip(parts, kept)]
        return rows, dropped, [part.rename for part in parts], ids, problems


def _renamed_partitions(parts: list[StoredPart]) -> list[StoredPart]:
    """The parts, each partition of a file (`<file key>-<n>`, after its file's head) with the
    ids an earlier partition of the file used renamed '~row<n>', as in one pass over the file
    (each partition's ids and rows, as its task assigned them, are its `assigned` table)."""
    out, head, seen = [], None, set()
    for part in parts:
        if part.head:
            head, seen = part.entry, set()
        elif head is not None and part.entry.startswith(f"{head}-"):
            assigned = part.cache.table(part.entry, "assigned")
            pairs = list(zip(assigned["doc_id"].tolist(), assigned["row"].tolist()))
            rename = {old: new for (old, _), new in zip(pairs, unique_ids(pairs, seen)) if old != new}
            part = StoredPart(part.cache, part.entry, rename, part.drop)
        out.append(part)
    return out


def without_clashing_ids(parts: list, problems: list[schema.ReportRow]) -> tuple[list, list[np.ndarray]]:
    """Drop documents whose id an earlier file already uses (a.txt and a.md), with a report row;
    the parts, and each one's positions of the documents dropped. Ids are unique within a file (a
    repeat is renamed), so a repeated id is another file's; found for all parts at once, however
    many partitions a file has."""
    docs = [p["documents"] for p in parts]
    none = [np.zeros(0, dtype=np.int64)] * len(parts)
    ids = pd.concat([d.doc_id.astype("string") for d in docs], ignore_index=True) if docs else None
    if ids is None or not ids.duplicated().any():
        return parts, none
    files = pd.concat([d.file.astype("string") for d in docs], ignore_index=True)
    clash = ids.duplicated().to_numpy()
    first = dict(zip(ids[~clash].tolist(), files[~clash].tolist()))
    for doc_id, file in zip(ids[clash].tolist(), files[clash].tolist()):
        problems.append(schema.ReportRow(file, None, None, "skipped",
                                         f"document id {doc_id!r} is already used by "
                                         f"{first[doc_id]}; rename one of the files"))
    out, dropped, at = [], [], 0
    for part, d in zip(parts, docs):  # a part with documents is a StoredPart
        mine, at = clash[at:at + len(d)], at + len(d)
        out.append(part.without(set(d.doc_id[mine].tolist())) if mine.any() else part)
        dropped.append(np.flatnonzero(mine))
    return out, dropped


#: the tables of a document's passages and words, joined by one task each (`TableTask`)
PASSAGE_TABLES = ("paragraphs", "sentences", "tokens", "removed")


def assemble(parts: list, curated: dict, problems: list[schema.ReportRow], dedupe: str,
             copies: Copies, out: Writing, stored: Stored) -> None:
    """One corpus from the per-file tables, written table by table into `out` as each is final:
    metadata merged (without the headlines that pages with other texts share), duplicates of the
    same outlet and repeats of the same archive document set aside, republications across
    outlets kept in their copy group (`workbench.ingest.copies`). Copies are found by exchanges
    over the `stored` entries (`copy_candidates`). Every table is made by a task, where `stored`
    runs tasks (here, the pool or the cluster): the documents' tables by one
    (`DocumentsTask`), then the passages' and words' (`PASSAGE_TABLES`) by one each; this
    process holds none of them, only the candidate pairs of copies."""
    where = tuple(part.where for part in parts)
    run = partial(run_elsewhere, _call, workers=stored.workers, preload=PRELOAD, client=stored.client)
    with tempfile.TemporaryDirectory(prefix=".assembly-", dir=stored.cache_root) as scratch:
        pairs, aside, written = None, Path(scratch) / "aside.arrow", None
        step = "finding the copies"
        try:
            if dedupe != "none" and sum(stored.rows):
                packed, n = run(ComparedTask(stored.cache_root, where))
                exact, near = copy_candidates(np.unpackbits(packed, count=n).astype(bool), stored)
                pairs = Path(scratch) / "pairs.npz"
                np.savez(pairs, exact=exact, near=near)
                renew(stored.client)  # the documents' task starts from a fresh worker, the other idle
            step = "merging the documents' metadata"
            for table, rows in run(DocumentsTask(stored.cache_root, where, curated, tuple(problems),
                                                 dedupe, copies, pairs, out.folder, aside)).items():
                out.wrote(table, rows)
            renew(stored.client)  # the table tasks start from fresh workers
            written = map_bounded(_call, [TableTask(stored.cache_root, where, table, aside, out.folder)
                                           for table in PASSAGE_TABLES],
                                  stored.workers, preload=PRELOAD, client=stored.client)
            for table in PASSAGE_TABLES:
                step = f"joining the corpus's {table}"
                out.wrote(table, next(written))
        except Exception as err:  # whatever stopped it, the researcher is told what and what to do
            if written is not None:
                written.close()  # the tasks not started are cancelled
            raise LoadStopped(
                f"{step} stopped ({type(err).__name__}: {err}). Every file processed is kept in the "
                f"cache ({stored.cache_root}); load again to assemble the corpus.") from err


class LoadStopped(RuntimeError):
    """A task of a load failed (a worker lost, the disk full): the files and partitions processed
    before it stay committed in the cache, and loading again processes only the rest."""


@dataclass(frozen=True)
class ComparedTask:
    """A task of the assembly: which of the stored `parts`' documents (their `StoredPart.where`)
    the search for copies compares, in corpus order: all but the repeats of an archive document
    (`_repeats`). The call returns them packed (`np.packbits`) and their number."""

    cache_root: Path
    parts: tuple[tuple, ...]

    def __call__(self) -> tuple[np.ndarray, int]:
        parts = stored_parts(self.cache_root, self.parts)
        docs = schema.concat([part.pop("documents")[["doc_id", "source_id"]] for part in parts])
        archive = set().union(*(archive_articles(part.pop("inferred")) for part in parts))
        compared = ~schema.isin(docs.doc_id, set(_repeats(docs, archive).doc_id))
        return np.packbits(compared), len(compared)


@dataclass(frozen=True)
class DocumentsTask:
    """A task of the assembly: write the documents, metadata and report tables of the stored
    `parts` (their `StoredPart.where`) into `folder` (`_documents`), and the ids of the
    documents set aside into the file `aside`, for the table tasks; `pairs` holds the candidate
    pairs of copies (`copy_candidates`: "exact", "near"), None if copies are not sought. The
    call returns each table's rows."""

    cache_root: Path
    parts: tuple[tuple, ...]
    curated: dict
    problems: tuple[schema.ReportRow, ...]
    dedupe: str
    copies: Copies
    pairs: Path | None
    folder: Path
    aside: Path

    def __call__(self) -> dict[str, int]:
        found = None
        if self.pairs is not None:
            with np.load(self.pairs, allow_pickle=False) as stored:
                found = stored["exact"], stored["near"]
        out = Writing(self.folder)
        gone = _documents(stored_parts(self.cache_root, self.parts), self.curated, list(self.problems),
                          self.dedupe, self.copies, out, found)
        write_arrow(self.aside, pd.DataFrame({"doc_id": pd.array(sorted(gone), dtype="string")}))
        give_back()  # a pool's worker lives on: what merging freed is not kept for the session
        return out.rows


@dataclass(frozen=True)
class TableTask:
    """A task of the assembly: join `table` of the stored `parts` (their `StoredPart.where`),
    less the documents set aside (the ids in the file `aside`), and write it into `folder` as
    `<table>.arrow`; the call returns its rows."""

    cache_root: Path
    parts: tuple[tuple, ...]
    table: str
    aside: Path
    folder: Path

    def __call__(self) -> int:
        gone = frozenset(read_arrow(self.aside).doc_id.tolist())
        df = _joined(stored_parts(self.cache_root, self.parts), self.table, gone)
        write_arrow(self.folder / f"{self.table}.arrow", df)
        rows = len(df)
        del df
        give_back()  # a pool's worker lives on: what joining freed is not kept for the session
        return rows


def _call(task: IdsTask | ComparedTask | DocumentsTask | TableTask):
    """Run a task of the assembly where `map_bounded` or `run_elsewhere` sends it."""
    return task()


def _repeats(docs: pd.DataFrame, archive: set[str]) -> pd.DataFrame:
    """The `same_source` rows of `docs`: the repeats of an archive document (`archive`: the ids of
    archive articles, `archive_articles`); the same archive document decides first, and an
    export column named source_id decides nothing."""
    return same_source(docs[schema.isin(docs.doc_id, archive)])


def _documents(parts: list, curated: dict, problems: list[schema.ReportRow], dedupe: str,
               copies: Copies, out: Writing, found: tuple[np.ndarray, np.ndarray] | None) -> set[str]:
    """Write the documents, metadata and report tables into `out` (`assemble`); the ids of the
    documents set aside. `found`: the candidate pairs of copies among the documents compared.
    The parts' documents and inferred rows are joined as mapped (no text is read but the
    candidate copies'), and their metadata merged a block of documents at a time (`_merged`):
    for 300,000 items, all of it at once held some 250 MiB more."""
    docs = _mapped(parts, "documents", pd.DataFrame(columns=["doc_id", "file", "row", "source_id",
                                                             "content_hash"]))
    inferred = _mapped(parts, "inferred", pd.DataFrame(columns=INFERRED_COLUMNS))
    read = _mapped(parts, "problems", schema.empty("report"))
    if not len(docs):
        documents, comparison, doc_reports = merge_metadata(docs, inferred, curated)
        out.put("metadata", comparison)
        _put_documents(out, documents, problems, read, doc_reports)
        return set()
    shared = shared_headlines(inferred, docs)
    report_rows, gone, groups = list(problems), set(), None
    if dedupe != "none":
        repeats = _repeats(docs, archive_articles(inferred))
        rest = docs[~schema.isin(docs.doc_id, set(repeats.doc_id))].reset_index(drop=True) \
            if len(repeats) else docs  # not a copy of every text
        candidates = set(rest.doc_id.iloc[np.unique(found[1][:, [0, 2]])].tolist())
        dups = pd.concat([repeats, find_duplicates(rest, _signatures(parts, candidates), *found)],
                         ignore_index=True)
        dups = dups[dups.kind != "near"] if dedupe == "exact" else dups
        aside, groups = sort_copies(_outlets(docs, inferred, shared, curated, {*dups.doc_id, *dups.original}),
                                    dups, copies=copies)
        where = docs[["file", "row"]].take(pd.Index(docs.doc_id).get_indexer(aside.doc_id))
        report_rows += [schema.ReportRow(file, row, d, "skipped", why) for file, row, d, why in zip(
            where.file.tolist(), where.row.tolist(), aside.doc_id.tolist(), aside.reason.tolist())]
        gone = set(aside.doc_id.tolist())
        del rest
    runs: list[Chosen] = []
    out.put("metadata", _merged(docs, inferred, shared, curated, None if dedupe == "none" else gone, runs))
    del inferred
    documents = documents_table(docs, runs, curated)
    doc_reports = pd.concat([run.report for run in runs], ignore_index=True)
    del docs, runs
    if dedupe != "none":
        documents = _with_groups(documents[~schema.isin(documents.doc_id, gone)], groups)
        doc_reports = doc_reports[~schema.isin(doc_reports.doc_id, gone)]
    _put_documents(out, documents, report_rows, read, doc_reports)
    return gone


def _put_documents(out: Writing, documents: pd.DataFrame, rows: list[schema.ReportRow], read: pd.DataFrame,
                   doc_reports: pd.DataFrame) -> None:
    """Write the documents table, and the report: the `rows` given, those of reading the files
    (`read`), then the documents' own."""
    out.put("documents", documents)
    report = pd.concat([schema.report_table(rows), read, doc_reports], ignore_index=True)
    out.put("report", schema.conform(report, "report"))


def _mapped(parts: list, table: str, empty: pd.DataFrame) -> pd.DataFrame:
    """One table's rows from every part, taken from the parts, as they are mapped: a string
    column is a chunk per part over its mapped file, read only where used; `empty` if none."""
    frames = [f for f in (p.pop(table) for p in parts) if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty


def _merged(docs: pd.DataFrame, inferred: pd.DataFrame, shared: set[str], curated: dict,
            gone: set[str] | None, runs: list[Chosen]) -> Iterator[pd.DataFrame]:
    """The metadata table's blocks (less the documents `gone`, unless None) as the documents'
    metadata is merged (`merge.choose`), `merge.COMPARISON_BLOCK` documents at a time, with
    their inferred rows less the `shared` headlines; each block's chosen values are appended to
    `runs`. The blocks are those the whole corpus merged at once gives."""
    ordinal = pd.Index(docs.doc_id).get_indexer(inferred.doc_id)
    order = np.argsort(ordinal, kind="stable")  # a document's rows stay in their order
    bounds = np.searchsorted(ordinal[order], np.arange(0, len(docs) + merge.COMPARISON_BLOCK,
                                                       merge.COMPARISON_BLOCK))
    gone_ids = schema.value_set(gone or set())
    for k, lo in enumerate(range(0, len(docs), merge.COMPARISON_BLOCK)):
        rows = inferred.take(order[bounds[k]:bounds[k + 1]])
        chosen = choose(docs.iloc[lo:lo + merge.COMPARISON_BLOCK], without_shared_headlines(rows, shared),
                        curated)
        runs.append(replace(chosen, comparison=iter(())))
        for block in chosen.comparison:
            yield block if gone is None else \
                block[~schema.isin(block.doc_id, gone_ids)].reset_index(drop=True)


def _outlets(docs: pd.DataFrame, inferred: pd.DataFrame, shared: set[str], curated: dict,
             ids: set[str]) -> pd.DataFrame:
    """`doc_id`, `source_id` and the chosen `outlet` of the `docs` (missing but for the
    documents `ids`): what `sort_copies` reads. The documents of `ids` are merged alone, as a
    document's metadata depends on its own rows and its file's alone."""
    mine = schema.isin(docs.doc_id, ids)
    chosen = choose(docs[mine], without_shared_headlines(inferred[schema.isin(inferred.doc_id, ids)], shared),
                    curated)
    outlet = pd.Series(chosen.values["outlet"], index=np.flatnonzero(mine), copy=False)
    return pd.DataFrame({"doc_id": docs.doc_id, "source_id": docs.source_id,
                         "outlet": outlet.reindex(pd.RangeIndex(len(docs)))})


def _signatures(parts: list, ids: set[str]) -> pd.DataFrame:
    """The signature rows of the documents `ids` (those in candidate pairs of near copies), taken
    from each part: a million documents' signatures, with a bytes object each, were some 500 MiB
    in this process for the few documents compared."""
    wanted = schema.value_set(ids)
    frames = [table[schema.isin(table.doc_id, wanted)] for table in (part.pop("signatures") for part in parts)
              if len(table)]
    return pd.concat(frames, ignore_index=True) if frames else \
        pd.DataFrame({"doc_id": pd.array([], dtype="string"), "signature": pd.Series([], dtype=object)})


def _with_groups(documents: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """The documents table with the copy-group columns of `groups` (its documents in copy
    groups; missing for the rest), looked up by id rather than merged: a merge copies every
    column, the texts too."""
    out = documents.reset_index(drop=True)
    at = pd.Index(groups.doc_id.astype("string")).get_indexer(out.doc_id.astype("string"))
    for col in groups.columns[1:]:
        out[col] = pd.api.extensions.take(groups[col].array, at, allow_fill=True)
    return schema.conform(out, "documents")


def _joined(parts: list[StoredPart], table: str, gone: frozenset[str]) -> pd.DataFrame:
    """`table` of the parts in order, less the documents `gone`, filled part by part into columns
    made once for the whole table, so that joining holds the table and one part's mapped file
    (for the tokens of Reuters-21578 it held the parts, the joined table, the rows kept and the
    relabelled columns at once). Labelled columns (`schema.CATEGORICAL`) are categorical, their
    labels in order of first appearance in the parts' labels (as `schema.united`), less those
    only `gone` used. A first pass over the parts finds the rows each keeps and the labels it
    uses."""
    coded = schema.CATEGORICAL.get(table, ())
    kept, labels, uses = [], {col: [] for col in coded}, {col: [] for col in coded}
    gone_ids = schema.value_set(gone)
    for part in parts:
        df = part.pop(table)
        if not len(df):  # no rows, and no labels (as `_mapped` leaves out an empty table)
            kept.append(np.zeros(0, dtype=bool))
            continue
        kept.append(~schema.isin(df.doc_id, gone_ids))
        for col in coded:
            labels[col].append(_detached(df[col].cat.categories))  # a view would keep the file mapped
            if gone:
                codes = df[col].cat.codes.to_numpy()[kept[-1]]
                uses[col].append(np.bincount(codes[codes >= 0], minlength=len(labels[col][-1])) > 0)
    if not any(len(keep) for keep in kept):
        return schema.empty(table)
    final, lookup = {}, {}  # per labelled column: its labels, and each part's codes among them
    for col in coded:
        at, union = pd.factorize(labels[col][0].append(labels[col][1:]))
        if gone:  # labels that only documents set aside used go; those of dropped ids stay
            used = np.zeros(len(union), dtype=bool)
            used[at[np.concatenate(uses[col])]] = True
        else:
            used = np.ones(len(union), dtype=bool)
        code = np.cumsum(used, dtype=np.int32) - 1
        ends = np.cumsum([len(c) for c in labels[col]])[:-1]
        # a part's code -1 (a missing label) looks up the -1 after its labels' codes
        lookup[col] = iter([np.append(code[part], np.int32(-1)) for part in np.split(at, ends)])
        final[col] = pd.Index(union[used], dtype="string")
    total = sum(int(keep.sum()) for keep in kept)
    dtypes = schema.TABLES[table]
    filled = {col: np.empty(total, dtype=np.int32 if col in coded else dtype)  # numpy's own types
              for col, dtype in dtypes.items()
              if col in coded or isinstance(pd.api.types.pandas_dtype(dtype), np.dtype)}
    pieces = {col: [] for col in dtypes if col not in filled}
    at = 0
    for part, keep in zip(parts, kept):
        if not len(keep):
            continue
        df, n = part.pop(table), int(keep.sum())
        for col in dtypes:
            if col in coded:
                filled[col][at:at + n] = next(lookup[col])[df[col].cat.codes.to_numpy()[keep]]
            elif col in filled:
                filled[col][at:at + n] = df[col].to_numpy()[keep]
            else:
                pieces[col].append(df[col][keep])
        at += n
        del df  # its mapped file goes before the next part's is read
    columns = {col: pd.concat(pieces[col], ignore_index=True) if col in pieces else filled[col]
               for col in dtypes}
    for col in coded:
        columns[col] = pd.Categorical.from_codes(columns[col], final[col], validate=False)
    return pd.DataFrame(columns, copy=False)


def _detached(labels: pd.Index) -> pd.Index:
    """String labels in buffers of their own (an Arrow array of a mapped file is a view of it)."""
    values = labels.array.__arrow_array__()
    return pd.Index(pd.array(pa.concat_arrays([*values.chunks, pa.array([], type=values.type)]),
                             dtype=labels.dtype))
