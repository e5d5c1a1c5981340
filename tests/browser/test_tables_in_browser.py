"""The table widget in JupyterLab: it renders offline, a click on a header sorts it, the CSV
button saves the rows shown, and hostile titles and outlets show as text.

A notebook made for the test shows the documents of the hostile corpus (the seed articles and
one whose outlet and title are HTML) in a `workbench.widgets.tables.Table`.
"""

from __future__ import annotations

import csv
import io

import nbformat
import pytest
from lab_page import cell_problems, open_notebook, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

SOURCE = """from workbench import load_corpus
from workbench.widgets.tables import Table

corpus = load_corpus({corpus!r}, metadata=None, cache_dir={cache!r})
documents = corpus.documents.assign(characters=corpus.documents.text.str.len())
Table("documents", documents[["doc_id", "outlet", "title", "characters"]], title="Documents")"""
HOSTILE_OUTLET = "<img src=x onerror=alert(1)>"

#: the cells of the rows shown (with a scrolling body, DataTables draws the header apart)
_CELLS = """widget => [...widget.querySelectorAll('.dt-scroll-body tbody tr')].map(
    tr => [...tr.querySelectorAll('td')].map(td => td.innerText))"""


@pytest.fixture(scope="module")
def table_lab(tmp_path_factory, hostile_corpus, lab_on):
    """JupyterLab on a folder holding the table notebook."""
    folder = tmp_path_factory.mktemp("tables")
    source = SOURCE.format(corpus=str(hostile_corpus), cache=str(folder / "cache"))
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]),
                   folder / "tables.ipynb")
    return lab_on(folder)


def column(rows: list[list[str]], i: int) -> list[str]:
    return [r[i] for r in rows]


def numbers_shown(page, table, settled, *, timeout_ms: int = 10_000) -> list[int]:
    """The "characters" column as shown once `settled(numbers)` holds (DataTables redraws
    after the click's event), or as shown at the timeout."""
    for _ in range(timeout_ms // 250):
        numbers = [int(x) for x in column(table.evaluate(_CELLS), 3)]
        if settled(numbers):
            break
        page.wait_for_timeout(250)
    return numbers


def test_a_table_renders_sorts_on_a_click_and_downloads_what_it_shows(table_lab, page,
                                                                      screenshots):
    open_notebook(page, table_lab.notebook_url("tables.ipynb"))
    run_all(page)
    problems = cell_problems(page)
    assert not problems, "\n".join(problems)
    table = page.locator(".itables_anywidget").first
    table.locator(".dt-scroll-body tbody tr").first.wait_for()
    assert page.get_by_text("Documents · 6 rows").count() == 1  # the caption counts the rows

    rows = table.evaluate(_CELLS)
    assert len(rows) == 6 and HOSTILE_OUTLET in column(rows, 1)  # shown as text
    assert not page.locator('img[src="x"]').count() and not page.dialogs

    header = table.locator(".dt-scroll-head thead th", has_text="characters")
    header.click()
    ascending = numbers_shown(page, table, lambda n: n == sorted(n))
    assert ascending == sorted(int(x) for x in column(rows, 3))
    header.click()
    descending = numbers_shown(page, table, lambda n: n == sorted(n, reverse=True))
    assert descending == ascending[::-1]

    with page.expect_download() as download:
        page.locator(".wb-download", has_text="CSV").click()
    assert download.value.suggested_filename == "documents.csv"
    saved = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert saved[0] == ["doc_id", "outlet", "title", "characters"]
    shown = table.evaluate(_CELLS)
    assert sorted(map(tuple, saved[1:])) == sorted(map(tuple, shown))
    page.screenshot(path=screenshots / "table-widget.png")
