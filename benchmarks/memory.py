"""Peak memory of this process and every process it started, summed at each moment.

Workers are started by a fork server (`workbench.parallel`), so they are grandchildren:
`getrusage(RUSAGE_CHILDREN)` does not see them while the server runs, and adding separate peaks
would count moments that never coincided. A thread samples the whole process tree instead. Each
process counts its proportional set size (PSS: a page shared by n processes counts 1/n in each,
so the libraries the workers share with the fork server are counted once), or its resident set
where the system does not report PSS; `PeakMemory` samples cheaper readings in between.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psutil

INTERVAL_S = 0.02
REFRESH = 10  # samples between two listings of the process tree (a listing reads every /proc entry)


def _tree() -> list[psutil.Process]:
    me = psutil.Process()
    return [me, *me.children(recursive=True)]


def own() -> list[psutil.Process]:
    """This process alone, for `PeakMemory(own)`."""
    return [psutil.Process()]


def tree_mb() -> float:
    """Memory of this process and its descendants now (MiB), each by its proportional set size."""
    return _proportional_mb(_tree())


def _proportional_mb(procs: list[psutil.Process]) -> float:
    total = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:  # ended between listing and reading
            continue
    return total / 2**20


def _resident_mb(procs: list[psutil.Process]) -> float:
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


class PeakMemory:
    """`with PeakMemory() as peak: ...`, then `peak.mb` (MiB): the largest `tree_mb` seen during
    the block; or of the processes `processes` lists (`own`: this process alone).

    Reading a process's PSS costs a millisecond (the kernel walks its mappings): sampled every
    20 ms over four processes it took 15% of a two-worker ingest on two cores, and so slowed
    what the bench times. So the samples read the resident sets (a few microseconds), minus
    what the processes share (their resident sets less their PSS: the libraries the workers
    share with the fork server, which stay shared), measured again whenever a process starts
    or ends; the PSS itself is read then, and at the end.
    """

    def __init__(self, processes: Callable[[], list[psutil.Process]] = _tree) -> None:
        self.mb = 0.0
        self._processes = processes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.mb = max(self.mb, _proportional_mb(self._processes()))

    def _sample(self) -> None:
        pids, shared, n = set(), 0.0, 0
        while True:
            if n % REFRESH == 0:
                procs = self._processes()
                if {p.pid for p in procs} != pids:  # the shared part changes with the processes
                    pids = {p.pid for p in procs}
                    proportional = _proportional_mb(procs)
                    shared = max(_resident_mb(procs) - proportional, 0.0)
                    self.mb = max(self.mb, proportional)
            self.mb = max(self.mb, _resident_mb(procs) - shared)
            n += 1
            if self._stop.wait(INTERVAL_S):
                return


_sampling: list[PeakMemory] = []


def start_own_peak() -> None:
    """Start sampling this process's peak: run in each worker of a cluster (`client.run`), whose
    processes are not this one's children on another machine."""
    _sampling.append(PeakMemory(own).__enter__())


def stop_own_peak() -> float:
    """The peak (MiB) since `start_own_peak`, which stops sampling."""
    peak = _sampling.pop()
    peak.__exit__()
    return peak.mb
