"""The cluster benchmark's corpus is dealt into files whole, and its table's efficiency and
cluster / pool ratio are the issue's: items/s at n over n times items/s at the smallest n of the
same path, and a cluster load's seconds over the pool's at the same n (the measuring itself is
`python -m benchmarks.cluster`)."""

from __future__ import annotations

import json

import pytest

corpora = pytest.importorskip("benchmarks.corpora", reason="run from the repository root")
cluster = pytest.importorskip("benchmarks.cluster")


def test_rows_are_dealt_in_turn_into_the_files_each_once(tmp_path):
    rows = [{"id": str(n), "text": f"Story {n} ends here."} for n in range(7)]
    folder = corpora.write_jsonl(iter(rows), tmp_path / "corpus", "items", files=3)
    read = {p.name: [json.loads(line)["id"] for line in p.open(encoding="utf-8")]
            for p in sorted(folder.iterdir())}
    assert read == {"items-00.jsonl": ["0", "3", "6"], "items-01.jsonl": ["1", "4"],
                    "items-02.jsonl": ["2", "5"]}
    corpora.write_jsonl(iter(rows), tmp_path / "one", "items")
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["items.jsonl"]


def test_efficiency_is_per_path_and_the_ratio_is_against_the_pool_at_the_same_count():
    measured = [{"workers": 1, "path": "inline", "seconds": 10.0},
                {"workers": 2, "path": "pool", "seconds": 6.0},
                {"workers": 1, "path": "cluster", "seconds": 12.0},
                {"workers": 2, "path": "cluster", "seconds": 8.0},
                {"workers": 4, "path": "cluster", "seconds": 5.0}]
    table = {(r["path"], r["workers"]): r for r in cluster.rows(measured, items=1200)}
    assert table["pool", 2]["items_per_s"] == pytest.approx(200.0)
    assert table["pool", 2]["efficiency"] == pytest.approx(10 / 6 / 2)
    assert table["cluster", 2]["efficiency"] == pytest.approx(12 / 8 / 2)
    assert table["cluster", 4]["efficiency"] == pytest.approx(12 / 5 / 4)
    assert table["cluster", 1]["cluster_vs_pool"] == pytest.approx(1.2)
    assert table["cluster", 2]["cluster_vs_pool"] == pytest.approx(8 / 6)
    assert table["cluster", 4]["cluster_vs_pool"] is None  # no pool of 4 measured
    assert table["inline", 1]["efficiency"] == pytest.approx(1.0)
