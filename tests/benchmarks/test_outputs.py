"""The outputs snapshot that checks a refactor changed no result: it covers every analysis, is
the same when taken twice, and names a table that differs."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

outputs = pytest.importorskip("benchmarks.outputs", reason="run from the repository root")


@pytest.fixture(scope="module")
def taken(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outputs")
    assert outputs.main(["snapshot", str(folder / "a")]) == 0
    assert outputs.main(["snapshot", str(folder / "b")]) == 0
    return folder


def test_a_snapshot_covers_every_analysis_and_is_the_same_twice(taken):
    names = {p.name.split(".")[0] for p in (taken / "a").iterdir()}
    assert {"corpus", "profile", "keyness", "naming", "frames", "voices", "tone", "trends", "kwic",
            "colloc", "collocates", "mentions", "discovered", "cooc", "network"} <= names
    assert outputs.compare(taken / "a", taken / "b") == []


def test_a_changed_table_is_named(taken, tmp_path):
    changed = shutil.copytree(taken / "a", tmp_path / "changed")
    tokens = pd.read_parquet(changed / "corpus.tokens.parquet")
    tokens.iloc[:-1].to_parquet(changed / "corpus.tokens.parquet")
    (changed / "network.graph.json").write_text("{}")
    found = outputs.compare(taken / "a", changed)
    assert [f.split(":")[0] for f in found] == ["corpus.tokens.parquet", "network.graph.json"]
