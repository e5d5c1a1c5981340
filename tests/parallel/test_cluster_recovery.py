"""A worker killed mid-load, while it processes a partition of a file: each partition's task
commits its own cache entry, so Dask's retry ends in the tables of an undisturbed load with one
entry a file and no private folder left; where no retry is allowed, the load stops naming the
partition, commits no corpus, and loading again processes only the partitions not committed.
Clusters of their own (a kill must not disturb other tests)."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import threading
import time

import pytest
from distributed import get_task_stream
from local_cluster import MARKS, local_client
from seed_paths import PROJECT, SEEDS

from benchmarks.equality import assert_same_tables
from workbench.ingest import LoadStopped, partitions

# a nanny restarting its killed worker warns
pytestmark = [*MARKS, pytest.mark.filterwarnings("ignore::UserWarning")]

FILES = 4
DOCS = 500
PARTS = 2  # partitions a file
RETRIES = "distributed.scheduler.allowed-failures"
TASK = "_run-"


@pytest.fixture(scope="module")
def feeds(tmp_path_factory):
    """Four JSON Lines files of 500 documents from the seeds' sentences: long enough a task that
    a worker can be killed while it runs."""
    sentences = [s for p in sorted(SEEDS.iterdir())
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s) > 40]
    rng = random.Random(7)
    folder = tmp_path_factory.mktemp("feeds")
    for f in range(FILES):
        docs = [{"id": f"d{n}", "date": f"2023-{n % 12 + 1:02d}-01", "outlet": f"Outlet {n % 3}",
                 "text": "\n\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(3))}
                for n in range(DOCS)]
        (folder / f"feed-{f}.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs),
                                                encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _in_partitions(monkeypatch):
    monkeypatch.setattr(partitions, "BLOCK_ROWS", DOCS // PARTS)


def _load(path, cache, client):
    return PROJECT.load_corpus(path, PROJECT.load_options(), cache_dir=cache, client=client)


def _committed(cache) -> list[str]:
    """The cache entries committed so far."""
    files = cache / "files"
    return [p.name for p in files.iterdir() if (p / "manifest.json").exists()] if files.exists() else []


def _kill_during_a_task(client, cache) -> threading.Thread:
    """A thread that, once a partition's entry is committed, SIGKILLs a worker process running a
    partition's task (its pid from `client.run(os.getpid)`); it records what was committed at that
    moment."""
    pids = client.run(os.getpid)

    def kill():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if _committed(cache):
                running = client.run(lambda dask_worker: [str(t.key) for t in
                                                          dask_worker.state.executing])
                busy = [w for w, keys in running.items() if any(k.startswith(TASK) for k in keys)]
                if busy:
                    thread.committed = len(_committed(cache))
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
            time.sleep(0.01)

    thread = threading.Thread(target=kill, daemon=True)
    thread.committed = None
    thread.start()
    return thread


def _executing(client) -> int:
    """Tasks the cluster is running or has yet to run: a cancelled task a worker had started
    runs to its end (a thread cannot be stopped), and commits its entry."""
    waiting = client.run_on_scheduler(lambda dask_scheduler: sum(
        ts.state in ("queued", "processing", "waiting", "no-worker")
        for ts in dask_scheduler.tasks.values()))
    return waiting + sum(client.run(lambda dask_worker: sum(
        ts.state in ("executing", "cancelled", "resumed", "long-running")
        for ts in dask_worker.state.tasks.values())).values())


def test_a_worker_killed_mid_task_the_load_ends_with_the_undisturbed_tables(feeds, tmp_path):
    with local_client(**{RETRIES: 3}) as client:
        undisturbed = _load(feeds, tmp_path / "calm", client)
        killer = _kill_during_a_task(client, tmp_path / "killed")
        corpus = _load(feeds, tmp_path / "killed", client)
        killer.join(5)
    assert killer.committed is not None and 1 <= killer.committed < FILES * PARTS  # mid-load
    assert_same_tables(corpus, undisturbed)
    files = list((tmp_path / "killed" / "files").iterdir())
    assert sorted(p.name for p in files) == sorted(_committed(tmp_path / "killed"))  # nothing private
    assert len(files) == FILES * (1 + PARTS)  # each partition's entry once, and its file's head


def test_with_no_retry_allowed_the_load_stops_naming_the_file_and_a_rerun_reuses_the_rest(
        feeds, tmp_path):
    cache = tmp_path / "cache"
    with local_client(**{RETRIES: 0}) as client:
        killer = _kill_during_a_task(client, cache)
        with pytest.raises(LoadStopped, match=r"processing partition [12] of 2 of feed-\d\.jsonl "
                                              r"\(from line [0-9]+\) stopped \(KilledWorker.*"
                                              r"load again to process the rest"):
            _load(feeds, cache, client)
        killer.join(5)
        assert killer.committed is not None
        assert not (cache / "corpus").exists() or not any((cache / "corpus").iterdir())
        client.wait_for_workers(2, timeout=30)  # the nanny has started a new worker
        deadline = time.monotonic() + 30
        # the stopped load cancelled the tasks it had queued; those a worker was executing end
        # and commit
        while _executing(client) and time.monotonic() < deadline:
            time.sleep(0.05)
        committed = sum("-" in entry for entry in _committed(cache))  # partitions, not heads
        assert 1 <= committed < FILES * PARTS
        with get_task_stream(client) as stream:
            corpus = _load(feeds, cache, client)
        rerun = [t for t in stream.data if str(t["key"]).startswith(TASK)]
        assert len(rerun) == FILES * PARTS - committed  # only the partitions not committed run again
        assert len(corpus.documents) == FILES * DOCS - corpus.report.reason.str.startswith(
            "duplicate of").sum()
