"""The report: every notebook becomes a self-contained HTML page with its figures, built from
the notebooks the test run executed once (`executed`); the command wiring on a tiny notebook."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pandas as pd
import pytest
from seed_paths import PROJECT, ROOT

from workbench.app.report import add_widget_snapshots, notebook_paths, write_report

NOTEBOOKS = [p.stem for p in notebook_paths(ROOT / "notebooks")]
EMBEDDED_PNG = re.compile(r'<img[^>]*\ssrc="data:image/png;base64,')
IMAGE_SOURCE = re.compile(r'<img[^>]*\ssrc="([^"]{0,40})')
#: Notebooks that show only tables (no figure is expected in their page).
WITHOUT_FIGURES = {"00-corpus"}


@pytest.fixture(scope="module")
def report(executed, tmp_path_factory):
    """The report pages written from this test run's executions of the notebooks."""
    out = tmp_path_factory.mktemp("report")
    pages = write_report([executed(stem) for stem in NOTEBOOKS], out,
                         corpus=PROJECT.corpus_path(), log=lambda *_: None)
    return out, pages


@pytest.mark.slow
@pytest.mark.xdist_group("notebooks")
def test_the_index_links_every_notebook_page_with_its_status(report):
    out, pages = report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert [p.notebook.stem for p in pages] == NOTEBOOKS
    for page in pages:
        assert f'href="{page.html.name}"' in index and not page.errors and not page.stopped


@pytest.mark.slow
@pytest.mark.xdist_group("notebooks")
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_each_notebook_page_embeds_its_figures_and_widget_state(report, stem):
    out, _ = report
    page = (out / f"{stem}.html").read_text(encoding="utf-8")
    if stem not in WITHOUT_FIGURES:
        assert EMBEDDED_PNG.search(page), f"{stem}.html has no embedded PNG figure"
    linked = [src for src in IMAGE_SOURCE.findall(page) if not src.startswith("data:")]
    assert not linked, f"{stem}.html links images instead of embedding them: {linked}"
    assert "Traceback (most recent call last)" not in page, f"{stem}.html shows an error"
    assert not re.search(r'href="\d\d-[^"]*\.ipynb', page), "links to notebooks, not pages"
    if "application/vnd.jupyter.widget-view+json" in page:
        assert "application/vnd.jupyter.widget-state+json" in page  # controls can render


@pytest.mark.slow
@pytest.mark.xdist_group("notebooks")
def test_the_report_is_small_and_shows_each_chart_to_click_as_a_figure(report):
    out, _ = report
    assert sum(p.stat().st_size for p in out.iterdir()) < 20_000_000
    for stem in ("01-source-profiling", "02-keyword-trends"):
        page = (out / f"{stem}.html").read_text(encoding="utf-8")
        state = json.loads(re.search(r'<script type="application/vnd.jupyter.widget-state\+json">'
                                     r"(.*?)</script>", page, re.S).group(1))["state"]
        charts = [m["state"] for m in state.values() if "_widget_data" in m["state"]]
        assert len(charts) == 1 and "_esm" not in charts[0]  # no plotly.js in the page
        dashboard = page[page.rindex('class="wb-snapshot"'):]  # the dashboard's static copy
        assert EMBEDDED_PNG.search(dashboard), f"{stem}: the dashboard's chart is not in the page"


@pytest.mark.slow
def test_report_command_runs_a_folder_of_notebooks_and_says_which_failed(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name, source in (("00-ok", "print('made by the kernel')"), ("01-broken", "1 / 0")):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}"),
                                             nbformat.v4.new_code_cell(source)])
        nbformat.write(nb, folder / f"{name}.ipynb")
    run = subprocess.run([sys.executable, "-m", "workbench", "report", "--out", str(tmp_path / "out"),
                          "--notebooks", str(folder), "--cell-timeout", "60"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 1 and "errors in: 01-broken.ipynb" in run.stdout
    assert "made by the kernel" in (tmp_path / "out" / "00-ok.html").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in (tmp_path / "out" / "01-broken.html").read_text(encoding="utf-8")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "1 cell(s) failed" in index


def test_widget_snapshot_copies_a_dashboards_output_figure_as_static_html():
    png = "iVBORw0KGgo="
    nb = nbformat.v4.new_notebook()
    view = {"model_id": "box", "version_major": 2, "version_minor": 0}
    nb.cells = [nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"application/vnd.jupyter.widget-view+json": view})])]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_out"]}},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": png}}]}},
    }}}
    outputs = add_widget_snapshots(nb).cells[0].outputs
    assert len(outputs) == 2
    assert f'<img src="data:image/png;base64,{png}">' in outputs[1].data["text/html"]


def test_widget_snapshot_copies_a_table_widgets_caption_and_rows_escaped():
    from workbench.widgets.tables import Table

    table = Table("documents", pd.DataFrame({"outlet": ["<img src=x onerror=alert(1)>", "Trend"],
                                             "share": [0.25, 0.5]}), title="Outlets")
    state = {"box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_caption",
                                                                       "IPY_MODEL_table"]}},
             "caption": {"model_name": "LabelModel", "state": {"value": table.caption.value}},
             "table": {"model_name": "AnyModel", "state": {"_dt_args": table.itable._dt_args}}}
    nb = nbformat.v4.new_notebook()
    view = {"model_id": "box", "version_major": 2, "version_minor": 0}
    nb.cells = [nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"application/vnd.jupyter.widget-view+json": view})])]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    shown = add_widget_snapshots(nb).cells[0].outputs[1].data["text/html"]
    assert "<p><b>Outlets · 2 rows</b></p>" in shown
    assert "<th>outlet</th>" in shown and "<th>share</th>" in shown
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td><td>0.25</td>" in shown
    assert "<td>Trend</td><td>0.50</td>" in shown and "<img" not in shown  # as itables shows it
