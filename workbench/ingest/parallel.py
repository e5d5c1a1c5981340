"""Work spread over the machine's cores (two at most), with bounded memory."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

WORKERS = min(2, os.cpu_count() or 1)  # the target machine has two cores; more buys little


def map_bounded(fn: Callable, tasks: Iterator, workers: int = WORKERS) -> Iterator:
    """`map(fn, tasks)` in order; with a second task and `workers` > 1, in that many processes
    with at most two tasks per worker in flight, so a stream is never read ahead whole."""
    head = list(itertools.islice(tasks, 2))
    if len(head) < 2 or workers < 2:
        yield from map(fn, itertools.chain(head, tasks))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for task in itertools.chain(head, tasks):
            pending.append(pool.submit(fn, task))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
