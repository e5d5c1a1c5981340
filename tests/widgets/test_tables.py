"""The table widget: paged in Python with the rows counted, found and sorted over every row,
downloaded whole as CSV, and every cell handed to the browser as escaped text."""

from __future__ import annotations

import io
import json

import ipywidgets as widgets
import pandas as pd
import pytest

from workbench.trends import kwic
from workbench.widgets.tables import Table, passage_table


@pytest.fixture(scope="module")
def concordance(seed_corpus):
    """A real concordance: every word "the" in the seed articles, more than a page of rows."""
    rows = kwic(seed_corpus, "the", window=4, limit=None)
    assert len(rows) > 250
    return rows[["date", "outlet", "left", "match", "right", "doc_id"]]


def browser_rows(table: Table) -> list[list]:
    """The rows the browser is handed (itables' JSON of the page)."""
    return json.loads(table.itable._dt_args["data_json"])


def test_a_long_table_is_paged_and_the_caption_counts_its_rows(concordance):
    table = Table("concordance", concordance, title="Concordance", page_size=100)
    total = len(concordance)
    assert table.caption.value == f"Concordance · rows 1–100 of {total:,}"
    assert [r[5] for r in browser_rows(table)] == concordance.doc_id[:100].tolist()
    table.next.click()
    assert table.caption.value == f"Concordance · rows 101–200 of {total:,}"
    pd.testing.assert_frame_equal(table.shown(), concordance.iloc[100:200])
    assert [r[2] for r in browser_rows(table)] == concordance.left[100:200].tolist()
    table.page.value = table.page_count()
    last = (total - 1) // 100 * 100
    assert table.caption.value == f"Concordance · rows {last + 1:,}–{total:,} of {total:,}"
    assert len(browser_rows(table)) == total - last and table.next.disabled
    table.previous.click()
    assert table.caption.value.startswith(f"Concordance · rows {last - 99:,}–{last:,} of")


def test_a_short_table_is_one_page_without_a_pager(concordance):
    table = Table("concordance", concordance.head(12), title="Concordance")
    assert table.caption.value == "Concordance · 12 rows"
    assert table.pager.layout.display == "none" and len(browser_rows(table)) == 12
    table.show(concordance.head(0))
    assert table.caption.value == "Concordance · no rows"


def test_the_csv_holds_every_row_not_only_the_page(concordance):
    table = Table("concordance", concordance, page_size=100)
    table.next.click()
    saved = pd.read_csv(io.BytesIO(table.download.file()), keep_default_na=False)
    assert table.download.filename == "concordance.csv"
    assert len(saved) == len(concordance)
    assert saved.columns.tolist() == concordance.columns.tolist()
    assert saved.left.tolist() == concordance.left.tolist()
    assert saved.doc_id.tolist() == concordance.doc_id.tolist()


def test_find_and_sort_reach_every_row_and_the_csv_follows_them(concordance):
    table = Table("concordance", concordance, title="Concordance", page_size=100)
    table.find.value = "peacekeep"
    holding = concordance[concordance.right.str.contains("peacekeep", case=False)
                          | concordance.left.str.contains("peacekeep", case=False)]
    assert 0 < len(holding) < 100
    assert table.caption.value == (f"Concordance · {len(holding)} rows holding “peacekeep” "
                                   f"({len(concordance):,} in all)")
    assert table.pager.layout.display is None  # the find box stays to clear it
    table.find.value = ""
    table.order.value = ("right", False)
    assert table.shown().right.iloc[0] == concordance.right.astype(str).max()  # not the page's
    saved = pd.read_csv(io.BytesIO(table.csv()), keep_default_na=False)
    assert saved.right.tolist() == concordance.right.sort_values(ascending=False,
                                                                  kind="stable").tolist()


def test_hostile_cells_reach_the_browser_as_escaped_text():
    hostile = pd.DataFrame({"outlet": ["<img src=x onerror=alert(1)>"],
                            "title": ["<script>alert('title')</script> Baku & Moscow"],
                            "kind": pd.Categorical(["<b>name</b>"])})
    table = Table("documents", hostile, title="<i>hostile</i> title")
    args = table.itable._dt_args
    assert browser_rows(table) == [["&lt;img src=x onerror=alert(1)&gt;",
                                    "&lt;script&gt;alert('title')&lt;/script&gt; Baku &amp; Moscow",
                                    "&lt;b&gt;name&lt;/b&gt;"]]
    assert "keys_to_be_evaluated" not in args  # no render function built from the data
    assert "<" not in args["data_json"]
    assert isinstance(table.caption, widgets.Label)  # a label's text is set as text, not HTML


def test_passages_are_shown_with_their_context_and_carried_columns(seed_corpus):
    from workbench.index import passages

    spans = pd.DataFrame({"doc_id": [seed_corpus.documents.doc_id.iloc[0]], "start": [0], "end": [5],
                          "compound": [0.5]})
    shown = passage_table(passages(seed_corpus, spans))
    assert shown.columns.tolist() == ["date", "outlet", "left", "match", "right", "compound",
                                      "title", "doc_id"]
