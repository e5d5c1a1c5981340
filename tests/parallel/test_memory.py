"""Memory freed is handed back to the system: blocks glibc keeps amid ones still in use, which a
notebook would otherwise hold for its whole session after a load."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from seed_paths import PROJECT

from workbench.ingest import load


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim: Linux only")
def test_blocks_freed_amid_blocks_in_use_go_back_to_the_system():
    script = textwrap.dedent("""
        import os
        from workbench.memory import give_back

        def mib():
            return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

        big, kept = [], []
        for _ in range(2000):  # 125 MiB freed, each block between two kept
            big.append(bytearray(65536))
            kept.append(bytearray(1000))
        held = mib()
        del big
        freed = mib()
        give_back()
        print(held, freed, mib())
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    held, freed, after = map(float, out.stdout.split())
    assert freed > held - 10  # freed, yet still held by the process
    assert after < freed - 100


def test_a_load_hands_back_what_assembling_freed(seed_copy, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(load, "give_back", lambda: calls.append(list((tmp_path / "cache").glob("corpus/*"))))
    corpus = PROJECT.load_corpus(seed_copy, PROJECT.load_options(), cache_dir=tmp_path / "cache",
                                 metadata=None, workers=1)
    assert calls == [[corpus.store]]  # once the corpus was stored


def _private_mib(pid: int) -> float:
    """The pages a process does not share (copied on write, or its own), from /proc (Linux)."""
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        return sum(int(line.split()[1]) for line in fh
                   if line.startswith(("Private_Clean:", "Private_Dirty:"))) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/<pid>/smaps_rollup: Linux")
def test_a_load_on_the_pool_leaves_fresh_workers_ready(seed_copy, tmp_path, monkeypatch):
    from workbench import parallel

    seen = {}

    def watched(client):  # the first time: once the files are processed
        if not seen:
            seen["old"] = {pid: _private_mib(pid) for pid in parallel._pools[2]._processes}
        parallel.renew(client)
        seen.setdefault("new", {pid: _private_mib(pid) for pid in parallel._pools[2]._processes})

    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)  # small as they are, the seeds go to the pool
    monkeypatch.setattr(load, "renew", watched)
    PROJECT.load_corpus(seed_copy, PROJECT.load_options(), cache_dir=tmp_path / "cache",
                        metadata=None, workers=2)
    assert len(seen["new"]) == 2 and not set(seen["new"]) & set(seen["old"])
    # each worker that processed the seeds holds pages it copied from the fork server's (some
    # 40 MiB), a fresh one a few MiB of its own (more if an earlier pool started the server
    # without the pipeline: each worker then imports it)
    assert min(seen["old"].values()) - max(seen["new"].values()) > 20
    ready = parallel._pools[2]._processes  # renewed again once the assembly's tasks ran
    assert len(ready) == 2 and all(p.is_alive() for p in ready.values())
