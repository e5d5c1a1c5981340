"""A JSON Lines export's rows are parsed by the workers, a block of lines each: the tables are
those of one pass over the file, repeated ids across blocks and bad lines included."""

from __future__ import annotations

import json

import pandas as pd

from workbench.ingest import read
from workbench.ingest.pipeline import Context, process_file

TEXT = "The ministers met in Baku on Tuesday to discuss the transport corridor and its tariffs."


def _export(path):
    rows = ['{"id": "x", "text": ', ""]  # a malformed line, then a blank one, before the first row
    for i in range(14):
        doc_id = "a" if i in (1, 5, 9) else f"n{i}"  # the same id in three different blocks
        text = "" if i == 7 else f"{TEXT} Item {i} quotes the {i}th speaker at length."
        rows.append(json.dumps({"id": doc_id, "text": text, "outlet": f"Outlet {i % 3}"}))
    rows.insert(9, "[1, 2]")  # a JSON line that is no object: line 10
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_blocks_parsed_by_two_workers_give_the_tables_of_one_pass(tmp_path, monkeypatch):
    path = _export(tmp_path / "items.jsonl")
    monkeypatch.setattr(read, "BLOCK_ROWS", 10_000)
    whole = process_file(path, "items.jsonl", Context(), workers=1)
    monkeypatch.setattr(read, "BLOCK_ROWS", 3)
    blocks = process_file(path, "items.jsonl", Context(), workers=2)
    assert set(whole) == set(blocks)
    for table in whole:
        pd.testing.assert_frame_equal(whole[table], blocks[table], check_categorical=True)
    ids = whole["documents"].doc_id.tolist()
    assert ids.count("items.jsonl:a") == 1 and len(set(ids)) == len(ids) == 13
    assert [i for i in ids if i.startswith("items.jsonl:a~row")] == [
        "items.jsonl:a~row8", "items.jsonl:a~row13"]
    report = whole["problems"]
    assert report[["row", "reason"]].astype(str).values.tolist()[:3] == [
        ["1", report.reason[0]], ["10", "JSON line is a list, not an object"],
        ["11", "empty text cell"]]
    assert report.reason[0].startswith("malformed JSON")


def test_a_chunks_rows_gathered_as_columns_make_the_table_rows_of_tuples_made():
    """`_Rows` builds each table typed as the schema says, equal to the table that a DataFrame of
    one tuple per row, with categorical ids and rules, conformed to the schema gives."""
    from workbench.corpus import schema
    from workbench.ingest.pipeline import _Rows

    docs = {"d1": [(3, "Menu", "menu"), (5, "Share", "share")], "d2": [], "d3": [(1, "Menu", "menu")]}
    rows = _Rows("removed")
    for lines in docs.values():
        rows.add(len(lines), line_no=[n for n, *_ in lines], text=[t for _, t, _ in lines],
                 rule=[r for *_, r in lines])
    tuples = pd.DataFrame([(d, *line) for d, lines in docs.items() for line in lines],
                          columns=list(schema.TABLES["removed"]))
    for col in schema.CATEGORICAL["removed"]:
        tuples[col] = schema.categorical(tuples[col])
    pd.testing.assert_frame_equal(rows.frame(list(docs)), schema.conform(tuples, "removed"))
    numbered = _Rows("sentences", "sent_id")
    numbered.add(2, para_id=[0, 1], start=[0, 9], end=[8, 20])
    numbered.add(1, para_id=[0], start=[0], end=[5])
    assert numbered.frame(["a", "b"]).sent_id.tolist() == [0, 1, 0]
    assert _Rows("removed").frame([]).equals(schema.empty("removed"))
