"""The Parquet cache: incremental by file content, self-healing when damaged, never a pickle."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from seed_paths import SEEDS

from workbench import load_corpus


def load(folder):
    return load_corpus(folder, metadata=folder.parent / "sources.csv", cache_dir=folder.parent / ".c")


def test_second_load_processes_nothing_and_gives_the_same_tables(seed_copy, counting):
    first = load(seed_copy)
    assert len(counting) == 5
    second = load(seed_copy)
    assert len(counting) == 5
    assert first.tokens.equals(second.tokens) and first.documents.equals(second.documents)


def test_adding_or_touching_one_file_processes_only_that_file(seed_copy, counting):
    load(seed_copy)
    counting.clear()
    shutil.copy(SEEDS / "001_067d92aa473488f3.txt", seed_copy / "new.txt")
    (seed_copy / "new.txt").write_text("Fresh report from Baku. " * 3 + "The end of the story.",
                                       encoding="utf-8")
    assert len(load(seed_copy).documents) == 6
    assert counting == ["new.txt"]
    counting.clear()
    (seed_copy / "new.txt").write_text("A changed report about Moscow and the South Caucasus.",
                                       encoding="utf-8")
    corpus = load(seed_copy)
    assert counting == ["new.txt"]
    assert "changed report" in corpus.text("new")


def test_removed_file_disappears(seed_copy):
    load(seed_copy)
    (seed_copy / "004_3e57617027b9e7e9.txt").unlink()
    corpus = load(seed_copy)
    assert "004_3e57617027b9e7e9" not in set(corpus.documents.doc_id)
    assert "004_3e57617027b9e7e9" not in set(corpus.tokens.doc_id.astype(str))


def test_a_renamed_file_comes_back_under_its_new_name(seed_copy, counting):
    load(seed_copy)
    counting.clear()
    (seed_copy / "004_3e57617027b9e7e9.txt").rename(seed_copy / "renamed.txt")
    corpus = load(seed_copy)
    assert counting == ["renamed.txt"]
    assert "renamed" in set(corpus.documents.doc_id) and "renamed.txt" in set(corpus.report.file)
    assert "004_3e57617027b9e7e9" not in set(corpus.documents.doc_id)


def test_editing_curated_metadata_needs_no_reprocessing(seed_copy, counting):
    load(seed_copy)
    counting.clear()
    sources = seed_copy.parent / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("Ali Gasimov,", "A. Gasimov,"),
                       encoding="utf-8")
    corpus = load(seed_copy)
    assert counting == []
    assert "A. Gasimov" in set(corpus.documents.author.dropna())


@pytest.mark.parametrize("damage", ["truncate", "garbage", "manifest"])
def test_corrupt_or_partial_cache_is_reported_and_rebuilt(seed_copy, counting, damage):
    load(seed_copy)
    counting.clear()
    entry = next((seed_copy.parent / ".c" / "files").iterdir())
    target = entry / ("manifest.json" if damage == "manifest" else "tokens.arrow")
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "garbage":
        target.write_bytes(b"\x80\x04 definitely not arrow")
    else:
        target.unlink()
    corpus = load(seed_copy)
    assert len(counting) == 1 and len(corpus.documents) == 5
    note = corpus.report.reason.str.contains("cache entry rebuilt")
    assert note.sum() == 1 and corpus.store is not None  # stored, without the one-off note
    later = load(seed_copy)
    assert len(counting) == 1 and later.store == corpus.store
    pd.testing.assert_frame_equal(later.report, corpus.report[~note].reset_index(drop=True))


def test_cache_holds_arrow_and_json_only(seed_copy):
    load(seed_copy)
    suffixes = {p.suffix for p in (seed_copy.parent / ".c").rglob("*") if p.is_file()}
    assert suffixes <= {".arrow", ".json"}


def _mapped_file(values) -> str | None:
    """The file whose memory mapping holds `values`' data, None for process memory."""
    address = values.__array_interface__["data"][0]
    with open("/proc/self/maps", encoding="utf-8") as maps:
        for line in maps:
            parts = line.split()
            low, high = (int(x, 16) for x in parts[0].split("-"))
            if low <= address < high:
                return parts[5] if len(parts) > 5 and parts[5].startswith("/") else None
    return None


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc/self/maps")
def test_a_warm_open_maps_the_token_columns_instead_of_reading_them(seed_copy):
    """The number columns and the codes of labelled columns of the large tables are the
    cache's Arrow files mapped into memory, not copies; the corpus is the one built cold."""
    cold = load(seed_copy)
    warm = load(seed_copy)
    columns = [warm.tokens.start.to_numpy(), warm.tokens.sent_id.to_numpy(),
               warm.tokens.norm.array.codes, warm.tokens.doc_id.array.codes,
               warm.sentences.end.to_numpy(), warm.paragraphs.start.to_numpy()]
    files = {_mapped_file(values) for values in columns}
    assert None not in files
    assert {Path(f).name for f in files} == {"tokens.arrow", "sentences.arrow", "paragraphs.arrow"}
    assert all(Path(f).is_relative_to(seed_copy.parent / ".c") for f in files)
    assert not warm.tokens.start.to_numpy().flags.writeable
    for table in ("tokens", "sentences", "paragraphs"):
        pd.testing.assert_frame_equal(getattr(warm, table), getattr(cold, table))


def test_two_processes_sharing_the_cache_both_load(seed_copy):
    """Concurrent cold loads (two notebooks, two test workers) must not break each other."""
    import subprocess
    import sys

    code = ("import sys; from workbench import load_corpus; from pathlib import Path; "
            "f = Path(sys.argv[1]); c = load_corpus(f, metadata=f.parent / 'sources.csv', "
            "cache_dir=f.parent / '.c'); assert len(c.documents) == 5, c")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(seed_copy)]) for _ in range(3)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0]
    assert len(load(seed_copy).documents) == 5


def test_a_joined_table_is_stored_as_one_array_per_column(tmp_path):
    """Chunks joined in memory (one Arrow chunk each) come back as one array: taking rows from
    500 chunks made a query on a million items 100 times slower."""
    from workbench.corpus.cache import FileCache

    parts = [pd.DataFrame({"doc_id": pd.array([f"d{i}", f"e{i}"], dtype="string"),
                           "n": [i, i]}) for i in range(5)]
    joined = pd.concat(parts, ignore_index=True)
    assert joined["doc_id"].array._pa_array.num_chunks == 5
    cache = FileCache(tmp_path)
    cache.store("k", {"documents": joined})
    back = cache.load("k")["documents"]
    assert back["doc_id"].array._pa_array.num_chunks == 1
    assert back["doc_id"].tolist() == joined["doc_id"].tolist()
