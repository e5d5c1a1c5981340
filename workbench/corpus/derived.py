"""Results derived from a corpus that take minutes on a large one (actor mentions, sentence tone),
kept beside the corpus in its cache so that a later session reads them instead of computing them.

A result is stored in the corpus's cache entry as `derived/<name>-<key>.arrow`, with its column
dtypes and `attrs` in `<name>-<key>.json`. The key hashes everything the result depends on besides
the corpus: the inputs the caller passes, including a version the caller bumps when its code
changes what it gives. The `KEEP` results of a name used last are kept. Files are written under a
private name and renamed into place; one that cannot be read is computed again and replaced. A
corpus not loaded from a cache (`store` None) computes every time. Never pickles.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .cache import read_arrow, touch, write_arrow
from .corpus import Corpus

KEEP = 4  # results kept per name in a corpus's entry: the ones used last


def remembered(corpus: Corpus, name: str, inputs: list, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """`compute()`, or what it gave before for this corpus and these `inputs` (JSON-serialisable
    values: settings, the input tables as text, a version)."""
    if getattr(corpus, "store", None) is None:  # built in memory (or a table-like stand-in)
        return compute()
    key = hashlib.sha1(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()[:16]
    stem = Path(corpus.store) / "derived" / f"{name}-{key}"
    found = _read(stem)
    if found is not None:
        touch(stem.with_suffix(".json"))
        return found
    out = compute()
    _write(stem, out)
    _prune(stem, name)
    return out


def _prune(stem: Path, name: str) -> None:
    """Keep the `KEEP` results of `name` used last (another dictionary, another switch each);
    older ones go, so editing the inputs again and again does not fill the disk."""
    used = sorted(stem.parent.glob(f"{name}-*.json"), key=lambda p: p.stat().st_mtime,
                  reverse=True)
    for old in used[KEEP:]:
        for suffix in (".json", ".arrow"):
            try:
                old.with_suffix(suffix).unlink(missing_ok=True)
            except OSError:  # another process has it open elsewhere than Linux: left for later
                continue


def _read(stem: Path) -> pd.DataFrame | None:
    """The stored result, None when there is none or it cannot be read whole."""
    try:
        meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        df = read_arrow(stem.with_suffix(".arrow"))  # mapped: number columns are not read
        df = df.astype({c: t for c, t in meta["dtypes"].items() if str(df[c].dtype) != t})
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None
    if len(df) != meta.get("rows") or list(df.columns) != list(meta["dtypes"]):
        return None
    df.attrs.update(meta.get("attrs", {}))
    return df


def _write(stem: Path, df: pd.DataFrame) -> None:
    """Store `df` (Arrow, and its dtypes and attrs as JSON); a cache that cannot be written (read
    only, full) only means the next session computes it again."""
    meta = {"rows": len(df), "dtypes": {c: str(t) for c, t in df.dtypes.items()},
            "attrs": df.attrs}
    try:
        stem.parent.mkdir(parents=True, exist_ok=True)
        for suffix, write in ((".arrow", lambda p: write_arrow(p, df)),
                              (".json", lambda p: p.write_text(json.dumps(meta), encoding="utf-8"))):
            fd, tmp = tempfile.mkstemp(prefix=f".{stem.name}.", dir=stem.parent)
            os.close(fd)
            try:
                write(Path(tmp))
                os.replace(tmp, stem.with_suffix(suffix))
            finally:
                Path(tmp).unlink(missing_ok=True)
    except (OSError, TypeError, ValueError, pa.ArrowException):
        return
