"""The Reuters actor benchmark's scoring: which mentions count for which `places` code (issue 7)."""

from __future__ import annotations

import dataclasses
import gzip
import json
from types import SimpleNamespace

import pandas as pd
import pytest

bench = pytest.importorskip("benchmarks.actors", reason="run from the repository root")
corpora = pytest.importorskip("benchmarks.corpora")

RECORDS = [  # (NEWID, places, text as the benchmark prepares it: dateline, then body)
    (1, ["west-germany"], "FRANKFURT, March 3 - The central bank held rates."),
    (2, ["hong-kong"], "HONG KONG, March 3 - Shares rose."),
    (3, ["ussr", "usa"], "WASHINGTON, March 3 - Moscow and Tokyo talked."),
]


def test_cities_and_todays_states_count_for_the_1987_places_and_territories_for_themselves(
        tmp_path, monkeypatch):
    source = tmp_path / "reuters.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"newid": n, "places": p}) + "\n" for n, p, _ in RECORDS)
    spec = dataclasses.replace(corpora.SPECS["reuters"], source=source)
    monkeypatch.setitem(corpora.SPECS, "reuters", spec)
    texts = [t for _, _, t in RECORDS]
    corpus = SimpleNamespace(
        documents=pd.DataFrame({"doc_id": [f"reuters.jsonl:{n}" for n, _, _ in RECORDS],
                                "text": texts, "date": pd.to_datetime(["1987-03-03"] * 3)}),
        sentences=pd.DataFrame({"doc_id": [f"reuters.jsonl:{n}" for n, _, _ in RECORDS],
                                "sent_id": 0, "start": 0, "end": [len(t) for t in texts]}))
    result = bench.evaluate(corpus, spec)
    # Frankfurt -> Germany -> West Germany; Hong Kong as itself, not China; Moscow -> Russia ->
    # Soviet Union; Washington -> United States; Tokyo -> Japan is the one unlabelled find.
    assert (result["gold_labels"], result["recall"], result["precision"]) == (4, 1.0, 0.8)
