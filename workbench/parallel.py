"""Work spread over the cores this process may use, with bounded memory, and without forking a
running kernel: the ground every layer that has much to compute stands on (ingest, tone,
actor discovery). It imports nothing of the workbench.

How many workers: the `workers` a caller passes, else the environment variable
`WORKBENCH_WORKERS`, else `[corpus] workers` in workbench.toml, else the cores this process may
run on (its CPU affinity, which containers and `taskset` narrow; not the machine's core count).
Worker processes are started by a fork server (spawn where there is none): forking a process that
runs threads, as a Jupyter kernel does, can deadlock the child. The server imports, once, what
the workers will need (`preload`: the module of the function they run, and the modules its caller
names, as ingest names its pipeline and language model, `workbench.ingest.preload`), so each
worker starts in milliseconds and shares those pages; the pool is kept for the session and
reused by every later call. The server starts with the first pool's preload: a module a later
caller needs and it lacks is imported by each worker on its first task.

Past one machine, the same tasks run on a Dask cluster (`cluster_client`: the client a caller
passes, else `[cluster]` in workbench.toml, else `WORKBENCH_SCHEDULER`), through its
`concurrent.futures` executor: `map_bounded` is one code path for inline, the pool and the
cluster. `distributed` is imported only when a cluster is asked for (the `cluster` extra).
A global step that groups rows of every file by a key (copies by their content hash) is an
`exchange`: each input's rows are sorted into buckets by their key, and each bucket is reduced
on its own, the same two functions on all three paths.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import multiprocessing
import operator
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .memory import give_back

if TYPE_CHECKING:
    from distributed import Client

ENVIRONMENT = "WORKBENCH_WORKERS"
SCHEDULER = "WORKBENCH_SCHEDULER"  # a Dask scheduler's address (tcp://host:8786) or scheduler file
_pools: dict[int, ProcessPoolExecutor] = {}
_clients: dict[str, Client] = {}
_used: set[int] = set()  # the pools that ran tasks since they started (`renew`)


def available_cores() -> int:
    """The cores this process may run on (its affinity), at least 1."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(setting: int | str | None = None, *, configured: int | str | None = None) -> int:
    """Workers to use: `setting` (a caller's argument) if given, else `WORKBENCH_WORKERS`, else
    `configured` (workbench.toml), else `available_cores()`. ValueError naming where the value
    came from when it is not a whole number of 1 or more."""
    for source, value in (("the workers argument", setting),
                          (ENVIRONMENT, os.environ.get(ENVIRONMENT) or None),
                          ("[corpus] workers", configured)):
        if value is not None:
            try:
                count = int(str(value).strip())
            except ValueError:
                count = 0
            if count < 1:
                raise ValueError(f"{source} is {value!r}; use a whole number of worker processes, "
                                 "1 or more")
            return count
    return available_cores()


def pool(workers: int, preload: Iterable[str] = ()) -> ProcessPoolExecutor:
    """The session's pool of `workers` processes, started by a fork server (or spawned) the
    first time it is asked for; a broken pool (a worker killed) is replaced. `preload`: the
    modules the fork server imports before forking, if this pool starts it."""
    executor = _pools.get(workers)
    if executor is None or getattr(executor, "_broken", False):
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(list(preload))
        executor = _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                         initializer=_ignore_interrupts)
    return executor


def renew(client: Client | None = None) -> None:
    """Replace the workers of the session's pools that ran tasks by fresh ones, started before
    this returns; a cluster's workers (`client`'s) hand back what they freed instead
    (`memory.give_back`). A worker that ran a load's tasks keeps the pages of the libraries it
    touched (copied from the fork server's on write) and what its allocators freed: some 90 MiB
    each after Reuters-21578, held for the rest of the session; a fresh one, forked from the
    running server in milliseconds, shares the server's pages."""
    if client is not None:
        client.run(give_back)
        return
    for workers in _used & set(_pools):
        executor = _pools.pop(workers)
        executor.shutdown(wait=True)
        list(pool(workers).map(abs, range(workers)))  # a task each starts them (one per submit)
    _used.clear()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C and a notebook's interrupt to the process that started them (which
    stops waiting for them); a kernel shut down with its workers idle prints no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def result(future: Future):
    """The future's result; a pool whose worker died gives a RuntimeError that says why it may
    have and what to do."""
    try:
        return future.result()
    except BrokenProcessPool as err:
        raise RuntimeError(
            "a worker process stopped before finishing its task. If this runs as a script, put its "
            'code under `if __name__ == "__main__":` (workers import the script that starts them); '
            f"if memory ran out, use fewer workers ({ENVIRONMENT}=1 uses none)") from err


@atexit.register
def _shutdown() -> None:
    for executor in _pools.values():
        executor.shutdown(wait=False, cancel_futures=True)
    _pools.clear()


def cluster_client(client: Client | None = None, *, address: str | None = None,
                   scheduler_file: str | Path | None = None) -> Client | None:
    """The Dask client whose cluster runs the tasks: `client` if given, else one connected to
    `address` or `scheduler_file` ([cluster] in workbench.toml), else to the address or scheduler
    file `WORKBENCH_SCHEDULER` names; None: no cluster, tasks run on this machine. A connection
    is made once per session and reused."""
    if client is not None:
        return client
    for source, target, is_file in (("[cluster] address", address, False),
                                    ("[cluster] scheduler_file", scheduler_file, True),
                                    (SCHEDULER, os.environ.get(SCHEDULER), None)):
        if target:
            target = str(target).strip()
            return _connect(target, source, "://" not in target if is_file is None else is_file)
    return None


def _connect(target: str, source: str, is_file: bool) -> Client:
    """A client of the scheduler at `target` (an address, or a scheduler file if `is_file`), named
    by `source`; ImportError without `distributed`, an error saying what to do when it is not
    there."""
    found = _clients.get(target)
    if found is not None and found.status == "running":
        return found
    try:
        import distributed
    except ImportError as err:
        raise ImportError(f"{source} asks for the Dask cluster at {target}, which needs the "
                          "`distributed` package: pip install 'media-workbench[cluster]' "
                          f"(or unset {source} to run here)") from err
    if is_file and not Path(target).is_file():
        raise FileNotFoundError(f"{source} names the scheduler file {target}, which does not exist: "
                                "start the scheduler with `dask scheduler --scheduler-file` first, "
                                f"or correct {source}")
    try:
        client = (distributed.Client(scheduler_file=target, set_as_default=False) if is_file
                  else distributed.Client(target, set_as_default=False))
    except (OSError, TimeoutError, ValueError) as err:
        raise ConnectionError(f"no Dask scheduler answers at {target} ({source}): {err}. Start the "
                              f"cluster, or correct {source} (unset, the work runs here)") from err
    _clients[target] = client
    return client


def map_bounded(fn: Callable, tasks: Iterator, workers: int | None = None, *,
                preload: Iterable[str] = (), client: Client | None = None) -> Iterator:
    """`map(fn, tasks)` in order: every task on the Dask cluster of `client` if given; else with
    a second task and more than one worker (`worker_count`), in that many processes of the pool;
    else here. At most two tasks per worker in flight, so a stream is never read ahead whole.
    The fork server imports `preload` and `fn`'s module, unless it is a script's (see `pool`). A
    daemonic process may start none: a Dask worker's task sends them to its own cluster (a CSV's
    blocks, a large file's chunks), seceding from the worker's threads while it waits; another
    runs them itself. Closed before its end (a task failed), it cancels the tasks it submitted
    that have not started."""
    tasks = iter(tasks)
    if client is None and multiprocessing.current_process().daemon:
        with _cluster_of_this_task() as client:
            yield from map_bounded(fn, tasks, client=client) if client is not None else map(fn, tasks)
        return
    if client is not None:
        executor, workers = client.get_executor(pure=False), sum(client.nthreads().values())
    else:
        workers = worker_count(workers)
        head = list(itertools.islice(tasks, 2))
        tasks = itertools.chain(head, tasks)
        if len(head) < 2 or workers < 2:
            yield from map(fn, tasks)
            return
        executor = _pool_for(fn, workers, preload)
    pending: deque[Future] = deque()
    try:
        for task in tasks:
            pending.append(executor.submit(fn, task))
            if len(pending) >= 2 * max(workers, 1):
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())
    finally:  # a caller that stops reading (a task failed) leaves no task queued behind it
        for future in pending:
            future.cancel()


def run_elsewhere(fn: Callable, task, workers: int | None = None, *, preload: Iterable[str] = (),
                  client: Client | None = None):
    """`fn(task)` where `map_bounded` runs a stream's tasks, a lone task too: on the cluster of
    `client`, in a worker of the pool when there is more than one (`worker_count`), so that this
    process never holds what the task makes; else here."""
    if client is None and not multiprocessing.current_process().daemon and (n := worker_count(workers)) > 1:
        return result(_pool_for(fn, n, preload).submit(fn, task))
    return next(map_bounded(fn, [task], workers, preload=preload, client=client))


def _pool_for(fn: Callable, workers: int, preload: Iterable[str]) -> ProcessPoolExecutor:
    """The pool of `workers` that runs `fn`, whose fork server imports `preload` and `fn`'s module
    (unless it is a script's); marked used, so `renew` replaces its workers."""
    _used.add(workers)
    return pool(workers, [*preload, *([fn.__module__] if fn.__module__ != "__main__" else [])])


@contextlib.contextmanager
def _cluster_of_this_task() -> Iterator[Client | None]:
    """Within a Dask worker's task, a client of its cluster (`distributed.worker_client`: the task
    leaves the worker's threads to the tasks it submits while it waits, and rejoins); else None."""
    distributed = sys.modules.get("distributed")  # a Dask worker has imported it; no one else needs to
    try:
        distributed.get_worker()
    except (AttributeError, ValueError):  # not imported, or not in a worker's task
        yield None
        return
    with distributed.worker_client() as client:
        yield client


def exchange(split: Callable, inputs: list, combine: Callable, buckets: int, workers: int = 1, *,
             preload: Iterable[str] = (), client: Client | None = None, folder: Path | None = None) -> list:
    """`combine(pieces)` of each bucket, in bucket order, where `split(input)` gives each input's
    `buckets` pieces and `pieces` are a bucket's pieces in input order; a piece is an array of
    numbers or fixed-width strings, or a tuple of them.

    On a cluster the pieces stay in its workers' memory (spilled to their disk past
    `distributed.worker.memory.target`) and go from the worker that split an input to the one
    that combines the bucket; a piece a lost worker held is split again. Otherwise the inputs are
    split, and the buckets combined, by `map_bounded` on `workers`, and the pieces go through
    files in a private folder under `folder` (the system's temporary folder if None), removed
    after: this process never holds them (for the copies of 300,000 items, 180 MiB)."""
    if client is not None:
        split_up = client.map(split, inputs, pure=False)
        pieces = [client.map(operator.getitem, split_up, [b] * len(split_up), pure=False)
                  for b in range(buckets)]
        # the futures in a task's tuple are resolved where it runs, to the pieces themselves
        return client.gather([client.submit(_combine, (combine, bucket), pure=False) for bucket in pieces])
    with tempfile.TemporaryDirectory(prefix=".exchange-", dir=folder) as spill:
        files = [Path(spill) / f"{i:06d}.npz" for i in range(len(inputs))]
        list(map_bounded(_split_into, ((split, item, file) for item, file in zip(inputs, files)),
                         workers, preload=preload))
        return list(map_bounded(_combine_files, ((combine, files, b) for b in range(buckets)),
                                workers, preload=preload))


def _split_into(task: tuple[Callable, object, Path]) -> None:
    """`split(input)`'s pieces written to one file (numpy's .npz, no pickles): bucket b's array
    as "b", or a tuple's arrays as "b.0", "b.1", ..."""
    split, item, file = task
    arrays = {}
    for b, piece in enumerate(split(item)):
        named = {f"{b}.{k}": a for k, a in enumerate(piece)} if isinstance(piece, tuple) else {str(b): piece}
        for name, array in named.items():
            if array.dtype.hasobject:
                raise TypeError(f"a piece of {split.__name__} holds Python objects ({name}): give "
                                "arrays of numbers or fixed-width strings")
        arrays.update(named)
    np.savez(file, **arrays)


def _combine_files(task: tuple[Callable, list[Path], int]):
    """`combine` of bucket b's pieces, read from each input's file in input order."""
    combine, files, b = task
    pieces = []
    for file in files:
        with np.load(file, allow_pickle=False) as stored:  # members in the order written
            pieces.append(stored[str(b)] if str(b) in stored else
                          tuple(stored[name] for name in stored.files if name.startswith(f"{b}.")))
    return combine(pieces)


def _combine(task: tuple[Callable, list]):
    """`combine` of a bucket's pieces, given as one task."""
    combine, pieces = task
    return combine(pieces)
