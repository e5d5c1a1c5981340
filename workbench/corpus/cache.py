"""Columnar cache of per-file tables, keyed by the file's content hash and the pipeline settings.

Layout: `<root>/files/<key>/<table>.arrow` plus `manifest.json` with the row count of each
table, written in a private folder and renamed into place, so processes sharing the cache
never see half an entry; a missing manifest, a failed read or a count mismatch means damage:
it is reported and the entry rebuilt. Entries unused for a week are pruned. `<root>/index.json`
remembers (size, mtime) -> SHA-256 so unchanged files are not hashed again. The assembled
corpus (after dedupe and metadata merge) is kept under `<root>/corpus/<key>/`, keyed by the
per-file keys and the curated metadata. No pickles.

Tables are Arrow IPC files, uncompressed, so that opening one maps it into memory instead of
reading it: the number columns of the tokens, sentences and paragraphs (offsets, codes, flags)
become pandas columns over the mapped file without a copy, and the operating system reads a
page when a query first touches it. Only strings (document text, labels) are decoded on open.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd
import pyarrow as pa

STALE_AFTER = 7 * 24 * 3600  # unused entries older than a week are deleted


class CacheError(Exception):
    """A cache entry exists but cannot be trusted."""


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Writing:
    """An entry being written (`FileCache.storing`) in its private `folder`: `put(name, df)`
    writes a table there at once; a table a task wrote there itself, as `<name>.arrow`, is
    recorded by `wrote(name, rows)`."""

    folder: Path
    rows: dict[str, int] = field(default_factory=dict)

    def put(self, name: str, df: pd.DataFrame | Iterable[pd.DataFrame]) -> None:
        """Write a table, or the blocks of one (`write_arrow`)."""
        self.rows[name] = write_arrow(self.folder / f"{name}.arrow", df)

    def wrote(self, name: str, rows: int) -> None:
        self.rows[name] = rows


class FileCache:
    """Per-file processed tables on disk."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._index_path = self.root / "index.json"
        self._dirty = False

    @cached_property
    def _index(self) -> dict[str, list]:
        """(size, mtime) -> hash of the files seen, read when first asked: a worker that only
        stores entries never reads it."""
        try:
            data = json.loads(self._index_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def content_hash(self, path: Path) -> str:
        """SHA-256 of the file, reusing the stored one when size and mtime are unchanged."""
        stat = path.stat()
        key = str(path.resolve())
        known = self._index.get(key)
        if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
            return known[2]
        digest = file_hash(path)
        self._index[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self._dirty = True
        return digest

    def save_index(self) -> None:
        if self._dirty:
            self.root.mkdir(parents=True, exist_ok=True)
            # a name of this process's own: processes sharing the cache save at the same time
            tmp = self._index_path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(self._index), encoding="utf-8")
            os.replace(tmp, self._index_path)
            self._dirty = False

    def entry(self, key: str, area: str = "files") -> Path:
        """The folder of the entry under `key`."""
        return self.root / area / key

    def intact(self, key: str, *, area: str = "files") -> bool:
        """Whether the entry under `key` looks whole (`checked`) without reading its tables."""
        try:
            return self.checked(key, area=area) is not None
        except CacheError:
            return False

    def checked(self, key: str, *, area: str = "files") -> dict[str, int] | None:
        """The tables of the entry under `key` and their rows, its manifest checked against the
        Arrow footers without reading the tables; None if there is no entry, CacheError saying
        what is wrong with a partial or damaged one."""
        folder = self.entry(key, area)
        if not folder.exists():
            return None
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["tables"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise CacheError(f"partial cache entry (no valid manifest: {err})") from err
        for name, rows in manifest.items():
            try:
                found = _rows(folder / f"{name}.arrow")
            except (OSError, pa.ArrowException) as err:
                raise CacheError(f"corrupt cache table {name}: {err}") from err
            if found != rows:
                raise CacheError(f"cache table {name} has {found} rows, manifest says {rows}")
        return manifest

    def load(self, key: str, *, area: str = "files") -> dict[str, pd.DataFrame] | None:
        """The tables stored under `key`, None if absent; CacheError if partial or corrupt."""
        manifest = self.checked(key, area=area)
        return None if manifest is None else {name: self.table(key, name, area=area)
                                              for name in manifest}

    def table(self, key: str, name: str, *, area: str = "files") -> pd.DataFrame:
        """One table of the entry under `key`, mapped (`read_arrow`); CacheError if it cannot
        be read."""
        try:
            return read_arrow(self.entry(key, area) / f"{name}.arrow")
        except (OSError, pa.ArrowException, ValueError) as err:
            raise CacheError(f"corrupt cache table {name}: {err}") from err

    def column(self, key: str, table: str, column: str, *, area: str = "files") -> pa.ChunkedArray:
        """One column of one table of the entry under `key`, mapped (no other column is read):
        what a task that needs a few values of many documents reads."""
        with pa.memory_map(str(self.entry(key, area) / f"{table}.arrow")) as source:
            return pa.ipc.open_file(source).read_all().column(column)

    def store(self, key: str, tables: dict[str, pd.DataFrame], *, area: str = "files") -> None:
        """Write tables and manifest into a private folder, then rename it into place
        (`storing`)."""
        with self.storing(key, area=area) as writing:
            for name, df in tables.items():
                writing.put(name, df)

    @contextmanager
    def storing(self, key: str, *, area: str = "files") -> Iterator[Writing]:
        """A `Writing` of the entry under `key`: its tables are written into a private folder one
        by one, so the caller can let each go before it makes the next; on leaving, the manifest
        is written and the folder renamed into place.

        Other processes (another notebook, a test worker) never see a half-written entry, and
        an entry already stored under the same key (same content) is left as it is.
        """
        folder = self.entry(key, area)
        folder.parent.mkdir(parents=True, exist_ok=True)
        writing = Writing(Path(tempfile.mkdtemp(prefix=f".{key}.", dir=folder.parent)))
        try:
            try:
                yield writing
                (writing.folder / "manifest.json").write_text(json.dumps({"tables": writing.rows}),
                                                              encoding="utf-8")
            except OSError:
                if self.intact(key, area=area):  # stored meanwhile, and our folder swept
                    return
                raise
            if folder.exists() and not self.intact(key, area=area):
                shutil.rmtree(folder, ignore_errors=True)
            try:
                os.rename(writing.folder, folder)
            except OSError:  # stored meanwhile by another process: keep that one
                pass
        finally:
            shutil.rmtree(writing.folder, ignore_errors=True)

    def sweep(self, keys: set[str], *, area: str = "files") -> None:
        """Delete the private folders left by writers of these entries, or of their partitions
        (`<key>-<n>`), that stopped mid-write (a worker killed): the entries are stored, so no
        writer needs them any more."""
        for tmp in (self.root / area).glob(".*"):
            if tmp.is_dir() and tmp.name[1:].split(".")[0].split("-")[0] in keys:
                shutil.rmtree(tmp, ignore_errors=True)

    def discard(self, key: str, *, area: str = "files") -> None:
        shutil.rmtree(self.entry(key, area), ignore_errors=True)

    def prune(self, keep: set[str], *, area: str = "files") -> None:
        """Delete entries not in `keep` that no load has used for `STALE_AFTER` seconds.

        Entries in use get their manifest touched on load, so a corpus opened in another
        process (a second notebook, another corpus) keeps its entries.
        """
        folder_root = self.root / area
        if not folder_root.exists():
            return
        now = time.time()
        for folder in folder_root.iterdir():
            if folder.name in keep:
                touch(folder / "manifest.json")
                continue
            stamp = folder / "manifest.json"
            try:
                age = now - (stamp if stamp.exists() else folder).stat().st_mtime
            except OSError:
                continue
            if age > STALE_AFTER:
                shutil.rmtree(folder, ignore_errors=True)


def commit(root: Path, key: str, tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Store a task's tables under `key` in the cache at `root` (`FileCache.store`: a task run
    twice leaves one entry) and return each table's rows: what a worker hands back."""
    FileCache(root).store(key, tables)
    return {name: len(df) for name, df in tables.items()}


def read_arrow(path: Path) -> pd.DataFrame:
    """The table of an Arrow IPC file, mapped: its large columns are not read (`_frame`)."""
    with pa.memory_map(str(path)) as source:
        return _frame(pa.ipc.open_file(source).read_all())


def _frame(table: pa.Table) -> pd.DataFrame:
    """The table as pandas without copying its large columns: number columns are views of the
    (mapped) Arrow buffers, and so are the codes of labelled columns (doc_id, norm), which
    pyarrow's own conversion would copy."""
    coded = [name for name, column in zip(table.column_names, table.columns)
             if column.num_chunks == 1 and pa.types.is_dictionary(column.type)
             and column.null_count == 0]
    rest = table.drop_columns(coded).to_pandas(split_blocks=True)
    columns = {name: rest[name] for name in rest.columns}
    for name in coded:
        chunk = table.column(name).chunk(0)
        # the labels, stored from a categorical's, are unique: checking it would build a hash
        # table of them, kept with the column (24 MiB for 300,000 document ids)
        labels = pd.CategoricalDtype._from_fastpath(pd.Index(chunk.dictionary.to_pandas(), dtype="string"),
                                                   False)
        columns[name] = pd.Categorical.from_codes(chunk.indices.to_numpy(zero_copy_only=True),
                                                  dtype=labels, validate=False)
    return pd.DataFrame({name: columns[name] for name in table.column_names}, copy=False)


def _rows(path: Path) -> int:
    """Rows of an Arrow IPC file, from its footer and batch headers (no data is read)."""
    with pa.memory_map(str(path)) as source:
        reader = pa.ipc.open_file(source)
        return sum(reader.get_batch(i).num_rows for i in range(reader.num_record_batches))


def write_arrow(path: Path, df: pd.DataFrame | Iterable[pd.DataFrame]) -> int:
    """`df` as an Arrow IPC file, and its rows. A frame is one batch: its columns map without a
    copy when read, and a joined text column is one array (a take from 500 chunks is 100× slower
    than from one). Frames of the same columns (a table made in blocks) are a batch each, each
    written as it comes, so that they are never all held."""
    rows, writer = 0, None
    with pa.OSFile(str(path), "wb") as sink:
        try:
            for frame in [df] if isinstance(df, pd.DataFrame) else df:
                table = pa.Table.from_pandas(frame, preserve_index=False).combine_chunks()
                if writer is None:
                    writer = pa.ipc.new_file(sink, table.schema)
                writer.write_table(table)
                rows += len(frame)
        finally:
            if writer is not None:
                writer.close()
    if writer is None:
        raise ValueError(f"no table to write to {path}: no block was given")
    return rows


def touch(path: Path) -> None:
    """Mark `path` as used now (pruning keeps what was used last); a failure is harmless."""
    try:
        os.utime(path)
    except OSError:
        pass
