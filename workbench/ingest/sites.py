"""Each page's site, and the lines of each page its site's template covers, learned before the
pages are cleaned and again whenever the site's pages change.

A first pass summarises every page file (text, Markdown; never an export's rows) as its site
and its lines' hashes (`template.page_lines`); the summaries are cached by the file's key and
name, so only new or changed pages are read again, in parallel when there are many.
`template.learn` then finds each page's template lines, and the result for the whole set of pages
is cached too: opening an unchanged corpus reads one entry. A page's template lines go into its cache key, so
when pages are added only the pages whose template changed are cleaned again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..corpus.cache import CacheError, FileCache
from ..parallel import map_bounded
from ..progress import progress_bar
from .pipeline import PRELOAD, Context
from .read import TEXT_EXT, read_file, suffixes
from .template import LINE_COLUMNS, learn, page_lines, page_site

if TYPE_CHECKING:
    from distributed import Client

TEMPLATE_VERSION = "2"  # bump when the summaries or the learning change their output
PARALLEL_PAGES = 200  # pages to summarise before worker processes are worth starting


def is_page(path: Path) -> bool:
    """Whether the file is a page whose site template is learned: a text or Markdown page (a
    saved page's visible text). Not an export's rows; not an HTML page either, which trafilatura
    already reduces to its main text by the page's markup, and whose reading, the costliest step
    of its ingest, the first pass would double."""
    return suffixes(path)[0] in TEXT_EXT


def page_summary(task: tuple[Path, str, Context]) -> pd.DataFrame | None:
    """A page file's lines (`template.page_lines`) with its site (`template.page_site`), or None
    when the file gives no page (an archive export read as its articles, an unreadable file)."""
    path, name, ctx = task
    raw = next((doc for doc in read_file(path, name).docs if not doc.is_row), None)
    if raw is None:
        return None
    return page_lines(raw.text).assign(site=page_site(raw, dict(ctx.hints).get("outlet")))


def templates(entries: list[tuple[Path, str, Context, str]], cache: FileCache, *, workers: int,
              progress: bool | None, client: Client | None = None) -> dict[str, frozenset[int]]:
    """The numbers of the template lines of the pages among `entries` ((path, name, context,
    key) of each file, as `build_corpus` lists them) that have some: from the cache when the set
    of pages is unchanged, else learned from the pages' summaries (cached by each file's key and
    name, computed for the files that lack one, on the Dask cluster of `client` if given)."""
    # a page's summary depends on its name too: its folder may be its site
    pages = [(path, name, ctx, hashlib.sha1(f"{TEMPLATE_VERSION}{key}{name}".encode()).hexdigest())
             for path, name, ctx, key in entries if is_page(path)]
    if not pages:
        return {}
    whole = hashlib.sha1(json.dumps([TEMPLATE_VERSION, [(n, k) for _, n, _, k in pages]])
                         .encode()).hexdigest()
    found = _load(cache, whole, "templates")
    if found is None:
        summaries = dict(_summaries(pages, cache, workers, progress, client))
        found = {"lines": _learned([(name, summaries[key]) for _, name, _, key in pages
                                    if summaries[key] is not None])}
        cache.store(whole, found, area="templates")
        cache.prune({key for *_, key in pages}, area="lines")
    cache.prune({whole}, area="templates")
    lines: dict[str, set[int]] = {}
    for name, n in zip(found["lines"].name.tolist(), found["lines"].line_no.tolist()):
        lines.setdefault(name, set()).add(n)
    return {name: frozenset(numbers) for name, numbers in lines.items()}


def _load(cache: FileCache, key: str, area: str) -> dict[str, pd.DataFrame] | None:
    """The tables under `key`, or None (a damaged entry is dropped, to be made again)."""
    try:
        return cache.load(key, area=area)
    except CacheError:
        cache.discard(key, area=area)
        return None


def _summaries(pages: list, cache: FileCache, workers: int, progress: bool | None,
               client: Client | None) -> Iterator[tuple[str, pd.DataFrame | None]]:
    """(key, summary) of every page: from the cache, or read (and cached) when missing."""
    todo = []
    for path, name, ctx, key in pages:
        found = _load(cache, key, "lines")
        if found is None:
            todo.append((path, name, ctx, key))
        else:  # a file that gives no page is stored without a table
            yield key, found.get("lines")
    bar = progress_bar(len(todo), desc="learning site templates", unit="page", show=progress)
    tasks = ((path, name, ctx) for path, name, ctx, _ in todo)
    with ThreadPoolExecutor(1, thread_name_prefix="cache-writer") as writer:
        written = []
        for (*_, key), summary in zip(todo, map_bounded(
                page_summary, tasks, workers if len(todo) >= PARALLEL_PAGES else 1,
                preload=PRELOAD, client=client)):
            written.append(writer.submit(cache.store, key, {} if summary is None else
                                         {"lines": summary}, area="lines"))
            bar.update()
            yield key, summary
        for future in written:
            future.result()
    bar.close()


def _learned(named: list[tuple[str, pd.DataFrame]]) -> pd.DataFrame:
    """The template lines of the pages (name, summary). Columns: name, line_no."""
    frames = [summary for _, summary in named]
    sizes = [len(f) for f in frames]
    lines = pd.DataFrame({"page": np.repeat(np.arange(len(frames)), sizes),
                          **{col: np.concatenate([f[col].to_numpy() for f in frames])
                             if frames else np.zeros(0) for col in ["site", *LINE_COLUMNS]}})
    learned = learn(lines)
    names = np.array([name for name, _ in named], dtype=object)
    return pd.DataFrame({"name": names[learned.page.to_numpy(dtype=int)],
                         "line_no": learned.line_no.to_numpy(dtype="int32")})
