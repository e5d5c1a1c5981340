"""The scale benchmark's items: the four shared corpora in turn, then again with new ids and dates
30 years later; and its memory probe, which sees what a block allocates."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest

scale = pytest.importorskip("benchmarks.scale", reason="run from the repository root")
memory = pytest.importorskip("benchmarks.memory")  # psutil: the bench extra
PeakMemory, INTERVAL_S = memory.PeakMemory, memory.INTERVAL_S


@pytest.mark.shared("corpora/wcep_current_events", "corpora/abc_million_headlines_first74k",
                    "corpora/huffpost_news_category_v3_first10k", "corpora/reuters21578")
def test_items_interleave_the_corpora_and_repeat_with_new_ids_and_later_dates():
    first = list(itertools.islice(scale.items(), 8))
    assert [r["outlet"] for r in first[1:4]] == ["ABC News", "HuffPost", "Reuters"]
    assert all(r["text"] for r in first)
    again = scale._shifted(first[2], 2)
    assert again["id"] == f"{first[2]['id']}~r2" and again["text"] == first[2]["text"]
    assert int(again["date"][:4]) == int(first[2]["date"][:4]) + 60
    assert again["date"][4:] == first[2]["date"][4:]


def test_peak_memory_sees_a_block_that_allocates_and_frees():
    with PeakMemory() as idle:
        pass
    with PeakMemory() as busy:
        block = np.ones(200 * 2**20 // 8)  # 200 MiB, touched
        time.sleep(5 * INTERVAL_S)  # held while the sampler runs, as a load's tables are held
        del block
    assert busy.mb - idle.mb > 150
