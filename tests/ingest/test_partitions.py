"""A large JSON Lines export in partitions: the tables are those of the file read whole, whatever
the partitions' size and wherever they run; a file whose line breaks would number its lines
differently from its bytes, a gzipped one or a CSV is read by one task that commits its
partitions itself; the partitions are the file's store, from which it is assembled again; a stopped load
keeps the partitions it committed, and loading again processes only the others."""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
import shutil

import numpy as np
import pandas as pd
import pytest
from seed_paths import PROJECT, SEEDS

from benchmarks.equality import assert_same_tables
from workbench.corpus.cache import FileCache
from workbench.ingest import load, partitions, read
from workbench.ingest.assemble import StoredPart

SIZE = 40  # lines a partition: 300 records make eight


@pytest.fixture
def feed(tmp_path):
    """300 records from the seeds' sentences after a malformed line and a blank one, with a BOM,
    blank lines between records, a broken record, and ids repeated within and across
    partitions."""
    sentences = [s for p in sorted(SEEDS.iterdir())
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s) > 40]
    rng = random.Random(3)
    lines = ["not json at all", ""]
    for k in range(300):
        lines.append(json.dumps({"id": f"d{k % 170}", "outlet": f"Outlet {k % 3}",
                                 "date": "2023-01-02", "text": " ".join(rng.sample(sentences, 3)),
                                 "desk": f"desk {k % 4}"}))
        lines += [""] * (k % 37 == 0) + ["{broken"] * (k == 150)
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "feed.jsonl").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    return folder


def _full_once(monkeypatch, task_class, when) -> list:
    """The tasks of `task_class` run from now on, in order; the first for which `when(task, ran)`
    holds fails as on a full disk, once."""
    ran, run, full = [], task_class.__call__, [True]

    def failing(task):
        ran.append(task)
        if full and when(task, ran) and full.pop():
            raise OSError("No space left on device")
        return run(task)

    monkeypatch.setattr(task_class, "__call__", failing)
    return ran


def _load(folder, cache, **options):
    return PROJECT.load_corpus(folder, PROJECT.load_options(), cache_dir=cache, metadata=None,
                               **options)


def test_partitions_give_the_tables_of_the_file_read_whole(feed, tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "plan", lambda *args: None)
    whole = _load(feed, tmp_path / "whole", workers=1)
    monkeypatch.undo()
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    plan = partitions.plan(feed / "feed.jsonl", "feed.jsonl", PROJECT.context())
    assert len(plan.spans) == 8 and plan.spans[0][2] == 3  # from the first record's line
    assert [p.reason for p in plan.problems] and plan.unknown_columns == ("desk",)
    assert_same_tables(_load(feed, tmp_path / "inline", workers=1), whole)
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    assert_same_tables(_load(feed, tmp_path / "pool", workers=2), whole)
    monkeypatch.setattr(partitions, "BLOCK_ROWS", 3 * SIZE)  # partitions of another size
    assert_same_tables(_load(feed, tmp_path / "larger", workers=2), whole)
    assert whole.documents.doc_id.str.contains("~row").sum() == 130
    reasons = whole.report.reason.tolist()
    assert sum(r.startswith("malformed JSON") for r in reasons) == 2  # both bad lines, once
    # the partitions are the file's store, its key holds their names; read by one task as a
    # stream, the file is one partition of 2,000 lines
    key = min(p.name for p in (tmp_path / "whole" / "files").iterdir())
    assert sorted(p.name for p in (tmp_path / "whole" / "files").iterdir()) == [key, f"{key}-00000"]
    assert sorted(p.name for p in (tmp_path / "larger" / "files").iterdir()) == \
        [key] + [f"{key}-{n:05d}" for n in range(3)]


def test_a_partitioned_file_is_assembled_again_from_its_partitions(feed, tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    first = _load(feed, tmp_path / "cache", workers=1)
    ran, run = [], partitions.SpanTask.__call__
    monkeypatch.setattr(partitions.SpanTask, "__call__", lambda task: ran.append(task.entry) or run(task))
    shutil.rmtree(tmp_path / "cache" / "corpus")  # the corpus assembled again, from the cache
    assert_same_tables(_load(feed, tmp_path / "cache", workers=1), first)
    assert ran == []
    lost = sorted((tmp_path / "cache" / "files").glob("*-00005"))[0]
    shutil.rmtree(lost)
    shutil.rmtree(tmp_path / "cache" / "corpus")
    again = _load(feed, tmp_path / "cache", workers=1)
    assert ran == [lost.name]  # the one partition lost, processed again
    assert again.report.reason.str.startswith("cache entry rebuilt: partition").sum() == 1
    for table in ("documents", "tokens", "sentences"):
        pd.testing.assert_frame_equal(again.tables()[table], first.tables()[table])


def test_a_gzipped_file_is_read_by_one_task_that_commits_its_partitions(feed, tmp_path, monkeypatch):
    zipped = feed / "feed.jsonl.gz"
    zipped.write_bytes(gzip.compress((feed / "feed.jsonl").read_bytes()))
    (feed / "feed.jsonl").unlink()
    whole = _load(feed, tmp_path / "whole", workers=1)
    monkeypatch.setattr(read, "BLOCK_ROWS", SIZE)  # the stream's blocks, each a partition
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    in_blocks = _load(feed, tmp_path / "blocks", workers=2)
    assert_same_tables(in_blocks, whole)
    assert whole.documents.doc_id.str.contains("~row").sum() == 130
    names = sorted(p.name for p in (tmp_path / "blocks" / "files").iterdir())
    assert names == [names[0]] + [f"{names[0]}-{n:05d}" for n in range(8)]


def test_a_csv_export_is_read_by_one_task_that_commits_its_partitions(feed, tmp_path, monkeypatch):
    """Its rows parsed in one pass (a quoted cell spans lines), each block processed by a worker:
    the tables of the export in one partition, the report's rows of reading it in row order."""
    records = [json.loads(line) for line in (feed / "feed.jsonl").read_text(encoding="utf-8-sig")
               .splitlines() if line.startswith('{"')]
    records[7]["text"] = 'She said: "we will see",\nand left.\n\n' + records[7]["text"]
    records[100]["text"] = " "  # an empty text cell, between two malformed rows
    (feed / "feed.jsonl").unlink()
    with open(feed / "feed.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(records[0]))
        writer.writeheader()
        for k, record in enumerate(records):
            writer.writerow(record)
            if k in (30, 120):
                fh.write("a row,of the wrong width\r\n")
    whole = _load(feed, tmp_path / "whole", workers=1)
    monkeypatch.setattr(read, "BLOCK_ROWS", SIZE)
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    in_blocks = _load(feed, tmp_path / "blocks", workers=2)
    assert_same_tables(in_blocks, whole)
    names = sorted(p.name for p in (tmp_path / "blocks" / "files").iterdir())
    assert names == [names[0]] + [f"{names[0]}-{n:05d}" for n in range(8)]
    assert len(whole.documents) == 299 and whole.documents.doc_id.str.contains("~row").sum() == 129
    assert whole.text("feed.csv:d7").split("\n\n")[:2] == ['She said: "we will see",', "and left."]
    reading = whole.report[whole.report.file.eq("feed.csv") & whole.report.doc_id.isna()]
    lines = (feed / "feed.csv").read_text(encoding="utf-8").split("\n")
    wrong = [n for n, line in enumerate(lines, start=1) if line.startswith("a row,of the wrong")]
    empty = next(n for n, line in enumerate(lines, start=1) if line.startswith("d100,Outlet 1,"))
    assert [(row, reason.split(":")[0]) for row, reason in zip(reading.row, reading.reason)] == [
        (wrong[0], "malformed CSV row"), (empty, "empty text cell"),
        (wrong[1], "malformed CSV row"), (pd.NA, "extra columns kept as metadata")]


@pytest.mark.parametrize("mark", [b"\r", "\u2028".encode()])
def test_a_file_with_another_line_break_or_gzipped_has_no_plan_of_spans(feed, tmp_path, monkeypatch, mark):
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    path = feed / "feed.jsonl"
    data = path.read_bytes()
    assert partitions.plan(path, "feed.jsonl", PROJECT.context()) is not None
    path.write_bytes(data.replace(b"Outlet 1", b"Outlet" + mark + b"1"))
    assert partitions.plan(path, "feed.jsonl", PROJECT.context()) is None
    zipped = feed / "feed.jsonl.gz"
    zipped.write_bytes(gzip.compress(data))
    assert partitions.plan(zipped, "feed.jsonl.gz", PROJECT.context()) is None


def test_a_stopped_load_keeps_its_partitions_and_loading_again_processes_the_others(
        feed, tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    expected = _load(feed, tmp_path / "calm", workers=1)
    ran = _full_once(monkeypatch, partitions.SpanTask, lambda task, ran: len(ran) == 4)
    with pytest.raises(load.LoadStopped, match=r"processing partition 4 of 8 of feed\.jsonl \(from line "
                                               r"\d+\) stopped \(OSError: No "
                                               r"space left on device\)\..*load again"):
        _load(feed, tmp_path / "cache", workers=1)
    assert not (tmp_path / "cache" / "corpus").exists()  # no corpus committed
    committed = sorted(p.name for p in (tmp_path / "cache" / "files").iterdir())
    assert committed == sorted(task.entry for task in ran[:3])  # the three partitions done, nothing private
    ran.clear()
    assert_same_tables(_load(feed, tmp_path / "cache", workers=1), expected)
    assert len(ran) == 5 and not {task.entry for task in ran} & set(committed)  # only the other five ran


def test_every_table_is_joined_by_the_workers_not_the_notebook(feed, tmp_path, monkeypatch):
    """On the pool, the notebook's process joins no table: the documents' tables are merged by a
    task in a worker, and the tokens, sentences, paragraphs and removed lines joined and written
    by a task each, with the tables of a load that joins everything here."""
    from workbench.ingest import assemble

    path = feed / "feed.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines()
               if line.startswith('{"')]
    copies = [json.dumps({**r, "id": f"copy{k}"}) for k, r in enumerate(records[:20])]
    path.write_bytes(path.read_bytes() + ("\n" + "\n".join(copies)).encode())
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    joined, mapped, join = [], assemble._mapped, assemble._joined
    monkeypatch.setattr(assemble, "_mapped", lambda parts, table, *a: joined.append(table) or
                        mapped(parts, table, *a))
    monkeypatch.setattr(assemble, "_joined", lambda parts, table, *a: joined.append(table) or
                        join(parts, table, *a))
    here = _load(feed, tmp_path / "here", workers=1, dedupe="none")
    assert {"tokens", "sentences", "paragraphs", "removed"} <= set(joined)
    joined.clear()
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    on_the_pool = _load(feed, tmp_path / "pool", workers=2, dedupe="near")
    assert joined == []
    assert_same_tables(on_the_pool, _load(feed, tmp_path / "near", workers=1, dedupe="near"))
    assert len(on_the_pool.documents) == len(here.documents) - 20  # the copies set aside
    assert len(on_the_pool.tokens) < len(here.tokens)
    assert list((tmp_path / "pool" / "corpus").glob(".*")) == []  # no private folder left
    assert list((tmp_path / "pool").glob(".*")) == []  # nor the copies' pairs and the ids set aside


def test_a_failed_table_task_stops_the_load_and_loading_again_only_assembles(feed, tmp_path, monkeypatch):
    from workbench.ingest import assemble

    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    expected = _load(feed, tmp_path / "calm", workers=1)
    _full_once(monkeypatch, assemble.TableTask, lambda task, ran: task.table == "tokens")
    with pytest.raises(load.LoadStopped, match=r"joining the corpus's tokens stopped \(OSError: No space "
                                               r"left on device\)\. Every file processed is kept in the "
                                               r"cache .*; load again to assemble the corpus\."):
        _load(feed, tmp_path / "cache", workers=1)
    assert list((tmp_path / "cache" / "corpus").iterdir()) == []  # nothing committed, nothing private
    ran, run = [], partitions.SpanTask.__call__
    monkeypatch.setattr(partitions.SpanTask, "__call__", lambda task: ran.append(task.entry) or run(task))
    assert_same_tables(_load(feed, tmp_path / "cache", workers=1), expected)
    assert ran == []  # the partitions were kept: only the assembly ran again


def test_the_metadata_merged_in_blocks_gives_the_tables_made_whole(feed, tmp_path, monkeypatch):
    """The documents' metadata is merged, and its table (eight rows a document) written, a block
    of documents at a time, the copies set aside left out of each block: the tables are those
    of one block, the export's extra column typed as one table would type it."""
    import pyarrow as pa

    from workbench.ingest import merge

    path = feed / "feed.jsonl"
    first = next(line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.startswith('{"'))
    path.write_bytes(path.read_bytes() + ("\n" + json.dumps({**json.loads(first), "id": "again"})).encode())
    whole = _load(feed, tmp_path / "whole", workers=1)
    monkeypatch.setattr(merge, "COMPARISON_BLOCK", 7)
    blocks = _load(feed, tmp_path / "blocks", workers=1)
    assert len(whole.documents) == 300 and "feed.jsonl:again" not in set(whole.documents.doc_id)
    assert_same_tables(blocks, whole)
    assert len(blocks.metadata) == 8 * 300 and blocks.documents.desk.notna().all()
    with pa.memory_map(str(blocks.store / "metadata.arrow")) as source:
        assert pa.ipc.open_file(source).num_record_batches == -(-301 // 7)  # the copy's block too


def test_only_the_candidates_signatures_are_read_and_the_copies_are_those_all_would_find(
        feed, tmp_path, monkeypatch):
    """The near copies are compared by the signatures of the documents in candidate pairs, read
    from the parts; the copies found are those every signature finds."""
    from workbench.ingest import assemble

    path = feed / "feed.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines()
               if line.startswith('{"')]
    edited = [json.dumps({**r, "id": f"edit{k}", "outlet": "Other",
                          "text": r["text"].replace(" the ", " a ", 1) + " Updated."})
              for k, r in enumerate(records[:12])]
    path.write_bytes(path.read_bytes() + ("\n" + "\n".join(edited)).encode())
    monkeypatch.setattr(partitions, "BLOCK_ROWS", SIZE)
    given, find = [], assemble.find_duplicates
    monkeypatch.setattr(assemble, "find_duplicates", lambda rest, signatures, *found: given.append(
        (rest, signatures, found)) or find(rest, signatures, *found))
    corpus = _load(feed, tmp_path / "cache", workers=1, dedupe="near")
    (rest, signatures, (exact, near)), = given
    in_pairs = set(rest.doc_id.iloc[np.unique(near[:, [0, 2]])])
    assert len(near) and set(signatures.doc_id) == in_pairs and len(in_pairs) < len(rest)
    every = pd.concat([StoredPart(FileCache(tmp_path / "cache"), entry).pop("signatures")
                       for entry in sorted(p.name for p in (tmp_path / "cache" / "files").iterdir()
                                           if "-" in p.name)], ignore_index=True)
    pd.testing.assert_frame_equal(find(rest, signatures, exact, near), find(rest, every, exact, near))
    # most edited copies are found (an edit takes some of these three-sentence texts below the
    # threshold), and kept in their copy groups
    assert corpus.documents.copy_of.str.startswith("feed.jsonl:d").sum() >= 6
