"""Global steps as exchanges: each input's rows sorted into buckets by key, each bucket combined
on its own, with the same result inline, on a pool and on a Dask cluster, where the pieces wait
in the workers' memory and spill to their disk past `distributed.worker.memory.target`. The exact
copies of a corpus are found so."""

from __future__ import annotations

import json
import random
from collections import Counter

import numpy as np
import pytest
from distributed import get_task_stream
from local_cluster import MARKS, local_client
from seed_paths import PROJECT

from benchmarks.equality import assert_same_tables
from workbench import parallel
from workbench.ingest.dedupe import N_HASHES, band_pairs, band_rows, exact_pairs

pytestmark = MARKS


def _split_words(text: str) -> list[np.ndarray]:
    """A text's words in 3 buckets by their first letter (fixed-width strings)."""
    buckets = [[], [], []]
    for word in text.split():
        buckets[ord(word[0]) % 3].append(word)
    return [np.array(bucket, dtype=str) for bucket in buckets]


def _split_objects(text: str) -> list[np.ndarray]:
    return [np.array(text.split(), dtype=object)]


def _count(pieces: list[list[str]]) -> list[tuple[str, int]]:
    """A bucket's words counted, in order of first appearance."""
    return list(Counter(word for piece in pieces for word in piece).items())


TEXTS = ["the peacekeepers left Karabakh", "the corridor and the declaration",
         "Baku and Moscow signed the declaration", "", "the the the"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exchange_combines_each_key_in_one_bucket_in_input_order(workers, tmp_path):
    counted = parallel.exchange(_split_words, TEXTS, _count, 3, workers, folder=tmp_path)
    assert list(tmp_path.iterdir()) == []  # the pieces' files went with the exchange
    assert len(counted) == 3
    merged = dict(pair for bucket in counted for pair in bucket)
    assert merged == Counter(" ".join(TEXTS).split())
    assert sum(len(bucket) for bucket in counted) == len(merged)  # a word in one bucket only
    the = next(bucket for bucket in counted if "the" in dict(bucket))
    assert next(iter(dict(the))) == "the"  # the first text's word first: pieces in input order


def test_pieces_of_python_objects_are_refused_not_pickled(tmp_path):
    with pytest.raises(TypeError, match=r"a piece of _split_objects holds Python objects \(0\): "
                                        r"give arrays of numbers or fixed-width strings"):
        parallel.exchange(_split_objects, TEXTS, _count, 1, 1, folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_exact_pairs_of_buckets_are_those_of_one_piece():
    rng = np.random.default_rng(7)
    hashes = rng.choice(np.array(["a", "b", "c", "d", "", "e"], dtype=object), 200)
    ordinals = np.arange(200)
    whole = exact_pairs([(hashes, ordinals)])
    assert len(whole) == 200 - len(set(hashes))
    assert all(hashes[c] == hashes[o] and o < c and o == list(hashes).index(hashes[c]) for c, o in whole)
    bucketed = []
    for key in ("ab", "c", "de"):  # each hash in one bucket; each bucket's pieces in input order
        pieces = [(hashes[i:i + 50][np.isin(hashes[i:i + 50], list(key) + [""] * (key == "de"))],
                   ordinals[i:i + 50][np.isin(hashes[i:i + 50], list(key) + [""] * (key == "de"))])
                  for i in range(0, 200, 50)]
        bucketed.append(exact_pairs(pieces))
    together = np.concatenate(bucketed)
    assert sorted(map(tuple, together.tolist())) == sorted(map(tuple, whole.tolist()))
    assert exact_pairs([]).shape == (0, 2)


def test_band_pairs_of_buckets_are_those_of_one_piece():
    rng = np.random.default_rng(7)
    mat = rng.integers(0, 1 << 32, (400, N_HASHES), dtype=np.uint64).astype(np.uint32)
    mat[200:300] = mat[:100]  # copies in every band
    mat[300:400, :N_HASHES // 2] = mat[100:200, :N_HASHES // 2]  # alike in half of the bands
    ordinals = np.arange(400) * 3  # corpus ordinals need not be consecutive
    whole = band_pairs([band_rows(mat, ordinals)])
    assert len(whole) == 100 * 16 + 100 * 8
    assert {(a, c) for a, _, c in whole.tolist()} == {(3 * i, 3 * (i + 200)) for i in range(200)}
    inputs = [band_rows(mat[i:i + 100], ordinals[i:i + 100]) for i in range(0, 400, 100)]
    bucketed = [band_pairs([rows[rows[:, 0] % 3 == b] for rows in inputs]) for b in range(3)]
    assert sorted(map(tuple, np.concatenate(bucketed).tolist())) == sorted(map(tuple, whole.tolist()))


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """2,000 documents in two JSON Lines files: 300 exact copies and 100 near copies (a word
    changed) by the same outlet, set aside, of documents earlier in their file or in the other."""
    rng = random.Random(7)
    words = "Baku Moscow corridor peacekeepers declaration Karabakh border talks gas".split()
    docs = [{"id": f"d{n}", "date": "2023-05-01", "outlet": "Outlet", "title": f"Story {n}",
             "text": " ".join(rng.choices(words, k=120)) + "."} for n in range(1600)]
    docs += [{**docs[rng.randrange(1600)], "id": f"copy{n}"} for n in range(300)]
    docs += [{**docs[n], "id": f"near{n}", "text": "Yerevan " + docs[n]["text"]}
             for n in rng.sample(range(1600), 100)]
    rng.shuffle(docs)
    folder = tmp_path_factory.mktemp("copies")
    for part in range(2):
        (folder / f"feed-{part}.jsonl").write_text(
            "".join(json.dumps(d) + "\n" for d in docs[part::2]), encoding="utf-8")
    return folder


def _spilled(dask_worker) -> float:
    """Bytes a worker has written to its disk to keep its memory under its target."""
    return sum(v for k, v in dask_worker.digests_total.items()
               if "disk-write" in k and k[-1] == "bytes")


def test_the_exchange_of_copies_spills_past_the_memory_target_with_the_same_result(copies, tmp_path):
    inline = PROJECT.load_corpus(copies, PROJECT.load_options(), cache_dir=tmp_path / "inline",
                                 workers=1)
    aside = inline.report.reason[inline.report.status == "skipped"]
    assert len(inline.documents) == 1600
    assert aside.str.contains("identical").sum() == 300 and aside.str.contains("near-dup").sum() == 100
    # the pieces held past 1% of 1 MiB go to disk (a file's band keys take 500 kB); a
    # worker's process takes more than 1 MiB, so the thresholds that pause it (a paused worker
    # hangs the test), spill by process memory or restart it are off
    config = {"distributed.worker.memory.target": 0.01, "distributed.worker.memory.spill": False,
              "distributed.worker.memory.pause": False, "distributed.worker.memory.terminate": False}
    with local_client("1MiB", **config) as client, get_task_stream(client) as stream:
        clustered = PROJECT.load_corpus(copies, PROJECT.load_options(), cache_dir=tmp_path / "cluster",
                                        client=client)
        spilled = client.run(_spilled)
    keys = Counter(str(t["key"]).split("-")[0] for t in stream.data)
    # a task per file, then per bucket, for the exact copies and then for the near ones
    assert keys["split_hashes"] == keys["split_bands"] == 2 and keys["_combine"] == 2 * 4
    assert sum(spilled.values()) > 0
    assert_same_tables(clustered, inline)

