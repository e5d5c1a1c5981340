"""Peak memory of this process and every process it started, summed at each moment.

Workers are started by a fork server (`workbench.ingest.parallel`), so they are grandchildren:
`getrusage(RUSAGE_CHILDREN)` does not see them while the server runs, and adding separate peaks
would count moments that never coincided. A thread samples the whole process tree instead. Each
process counts its proportional set size (PSS: a page shared by n processes counts 1/n in each,
so the libraries the workers share with the fork server are counted once), or its resident set
where the system does not report PSS.
"""

from __future__ import annotations

import threading

import psutil

INTERVAL_S = 0.02


def tree_mb() -> float:
    """Memory of this process and its descendants now (MiB)."""
    me = psutil.Process()
    total = 0
    for proc in [me, *me.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:  # ended between listing and reading
            continue
    return total / 2**20


class PeakMemory:
    """`with PeakMemory() as peak: ...`, then `peak.mb` (MiB): the largest `tree_mb` seen during
    the block."""

    def __init__(self) -> None:
        self.mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._sample_once()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample_once()

    def _sample(self) -> None:
        while not self._stop.wait(INTERVAL_S):
            self._sample_once()

    def _sample_once(self) -> None:
        self.mb = max(self.mb, tree_mb())
