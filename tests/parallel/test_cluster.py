"""One code path on three executors: inline, a pool of 2 and a Dask `LocalCluster` of 2 worker
processes give equal tables (dtypes, categories, codes); `client=`, `[cluster]` in workbench.toml
and `WORKBENCH_SCHEDULER` pick the cluster; a missing `distributed` or an absent scheduler says
what to do. One cluster for the module, started here, dashboard off."""

from __future__ import annotations

import csv
import json
import random
import re
import sys

import dask
import pytest
from distributed import get_task_stream
from local_cluster import MARKS, local_client
from seed_paths import PROJECT, SEEDS

from benchmarks import corpora
from benchmarks.equality import assert_same_tables
from workbench import Project, parallel
from workbench.ingest import load, partitions, read
from workbench.ingest.language import load_model

pytestmark = MARKS
REUTERS = "corpora/reuters21578/reuters21578.jsonl.gz"


@pytest.fixture(scope="module")
def client():
    with local_client() as c:
        yield c


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """368 documents of the seed articles' sentences in four JSON Lines files: 20 exact copies by
    another outlet, 24 by the same one (set aside), within and across files; in each file its
    first id again (renamed), and ids each file uses."""
    sentences = [s for p in sorted(SEEDS.iterdir())
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s) > 40]
    rng = random.Random(26)
    folder = tmp_path_factory.mktemp("synthetic")
    docs = []
    for n in range(320):
        text = "\n\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(rng.randint(1, 4)))
        docs.append({"id": f"a{n}", "title": f"Story {n}", "date": f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                     "outlet": f"Outlet {n % 5}", "text": text})
    for n in range(0, 320, 16):  # exact copies: another outlet's republication, and the same outlet's
        docs.append({**docs[n], "id": f"copy{n}", "outlet": f"Outlet {(n + 1) % 5}"})
        docs.append({**docs[n + 1], "id": f"same{n}"})
    rng.shuffle(docs)
    for part in range(4):  # each file: a copy of its first document, and its first id again
        first = docs[part::4][0]
        lines = [*docs[part::4], {**first, "id": "again"}, {**first, "text": first["text"][::-1]}]
        (folder / f"feed-{part}.jsonl").write_text("".join(json.dumps(d) + "\n" for d in lines),
                                                   encoding="utf-8")
    return folder


def _load(path, tmp_path, label, **options):
    """The corpus under `path`, with its own cache so no cache answers instead of the executor."""
    return PROJECT.load_corpus(path, PROJECT.load_options(), cache_dir=tmp_path / label, **options)


def _ran_on(client, stream) -> set[str]:
    """The workers of the cluster that ran the load's file tasks."""
    ran = {t["worker"] for t in stream.data if str(t["key"]).startswith("_run-")}
    assert ran, "no file was processed on the cluster"
    return ran


@pytest.fixture(scope="module")
def reuters(tmp_path_factory):
    """The first 2,000 Reuters-21578 items in one JSON Lines file."""
    return corpora.prepare(corpora.SPECS["reuters"], tmp_path_factory.mktemp("reuters"), limit=2000)


@pytest.mark.parametrize("corpus", ["seeds", "synthetic", "synthetic in partitions",
                                    pytest.param("reuters", marks=pytest.mark.shared(REUTERS))])
def test_inline_a_pool_of_two_and_the_cluster_give_equal_tables(corpus, client, synthetic, request,
                                                                 tmp_path, monkeypatch):
    path = {"seeds": SEEDS, "reuters": None}.get(corpus, synthetic) or request.getfixturevalue("reuters")
    if corpus == "synthetic in partitions":  # each file's 94 lines in three partitions
        monkeypatch.setattr(partitions, "BLOCK_ROWS", 40)
    inline = _load(path, tmp_path, "inline", workers=1)
    if corpus == "reuters":  # read whole here (one partition of 2,000), in four of 500 elsewhere
        assert len(inline.documents) > 1900
        monkeypatch.setattr(partitions, "BLOCK_ROWS", 500)
    else:
        assert len(inline.documents) == (5 if corpus == "seeds" else 368 - 24)
    if corpus == "synthetic":  # what was planted is there: renamed repeats, copies set aside
        assert inline.documents.doc_id.str.contains("~row").sum() == 4
        assert inline.report.reason.str.startswith("duplicate of").sum() == 24
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)  # small as they are, the files go to the pool
    pools, made = [], parallel.pool
    monkeypatch.setattr(parallel, "pool", lambda workers, preload=(): pools.append(workers) or
                        made(workers, preload))
    pooled = _load(path, tmp_path, "pool", workers=2)
    assert pools and set(pools) == {2}
    pools.clear()
    with get_task_stream(client) as stream:
        clustered = _load(path, tmp_path, "cluster", client=client)
    assert _ran_on(client, stream) <= set(client.scheduler_info()["workers"])
    spans = sum(str(t["key"]).startswith("_run-") for t in stream.data)
    assert spans == {"synthetic in partitions": 12, "synthetic": 4, "seeds": 5, "reuters": 4}[corpus]
    assert not pools  # nor here: the cluster's load started no pool, nor did its workers
    assert set(client.run(lambda: len(parallel._pools)).values()) == {0}
    loaded = client.run(lambda: load_model.cache_info().misses)  # the model: once per worker
    assert set(loaded.values()) <= {0, 1} and sum(loaded.values()) >= 1
    assert_same_tables(pooled, inline)
    assert_same_tables(clustered, inline)


def _block_rows(n: int) -> None:
    """Set the rows of a block in a worker (`client.run`)."""
    read.BLOCK_ROWS = n


def test_a_csv_s_blocks_are_processed_across_the_cluster(client, synthetic, tmp_path, monkeypatch):
    """A CSV is read by one task (a quoted cell spans lines), which sends its blocks to the
    cluster's workers, not through them one after another in its own."""
    docs = [json.loads(line) for f in sorted(synthetic.iterdir())
            for line in f.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "corpus").mkdir()
    with open(tmp_path / "corpus" / "feed.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "date", "outlet", "text"])
        writer.writeheader()
        writer.writerows(docs)
    rows = read.BLOCK_ROWS
    monkeypatch.setattr(read, "BLOCK_ROWS", 40)  # 376 rows: 10 blocks, here and in the workers
    inline = _load(tmp_path / "corpus", tmp_path, "inline", workers=1)
    assert any("\n" in text for text in inline.documents.text)  # cells spanning lines
    client.run(_block_rows, 40)
    try:
        with get_task_stream(client) as stream:
            clustered = _load(tmp_path / "corpus", tmp_path, "cluster", client=client)
    finally:
        client.run(_block_rows, rows)
    blocks = [t["worker"] for t in stream.data if str(t["key"]).startswith("process_block-")]
    assert len(blocks) == 10 and set(blocks) == set(client.scheduler_info()["workers"])
    assert_same_tables(clustered, inline)


@pytest.mark.parametrize("named_by", ["address", "scheduler file"])
def test_the_scheduler_named_by_the_environment_runs_the_load(named_by, client, tmp_path, monkeypatch):
    if named_by == "address":
        monkeypatch.setenv(parallel.SCHEDULER, client.scheduler.address)
    else:
        # what `dask scheduler --scheduler-file` writes, of which a client reads the address
        (tmp_path / "scheduler.json").write_text(json.dumps({"address": client.scheduler.address}))
        monkeypatch.setenv(parallel.SCHEDULER, str(tmp_path / "scheduler.json"))
    with get_task_stream(client) as stream:
        corpus = _load(SEEDS, tmp_path, "env")
    connected = parallel.cluster_client()
    try:
        assert connected is not client and connected.scheduler.address == client.scheduler.address
        assert len(_ran_on(client, stream)) >= 1
        assert_same_tables(corpus, _load(SEEDS, tmp_path, "inline", workers=1))
    finally:
        connected.close()


def test_workbench_toml_names_the_cluster_before_the_environment(client, tmp_path, monkeypatch):
    (tmp_path / "workbench.toml").write_text(f'[cluster]\naddress = "{client.scheduler.address}"\n')
    monkeypatch.setenv(parallel.SCHEDULER, "tcp://127.0.0.1:9")  # nothing answers there
    project = Project.find(tmp_path)
    with get_task_stream(client) as stream:
        corpus = project.load_corpus(SEEDS, cache_dir=tmp_path / "cache")
    try:
        assert len(corpus.documents) == 5 and _ran_on(client, stream)
    finally:
        parallel.cluster_client(address=client.scheduler.address).close()


def test_an_absent_scheduler_says_where_it_was_named_and_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.SCHEDULER, "tcp://127.0.0.1:9")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(ConnectionError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9 "
                                                 r"\(WORKBENCH_SCHEDULER\).*Start the cluster"):
        _load(SEEDS, tmp_path, "absent")
    missing = tmp_path / "scheduler.json"
    monkeypatch.setenv(parallel.SCHEDULER, str(missing))
    with pytest.raises(FileNotFoundError, match=f"names the scheduler file {re.escape(str(missing))}"):
        _load(SEEDS, tmp_path, "absent")


def test_without_distributed_a_cluster_asks_for_the_cluster_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    monkeypatch.setenv(parallel.SCHEDULER, "tcp://127.0.0.1:9")
    with pytest.raises(ImportError, match=r"needs the `distributed` package: pip install "
                                          r"'media-workbench\[cluster\]'"):
        _load(SEEDS, tmp_path, "missing")
    monkeypatch.delenv(parallel.SCHEDULER)
    assert len(_load(SEEDS, tmp_path, "here", workers=1).documents) == 5  # no cluster: runs here
