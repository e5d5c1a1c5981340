"""`python -m workbench report`: every notebook becomes a self-contained HTML page with figures."""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest
from seed_paths import ROOT

from workbench.app.report import add_widget_snapshots, notebook_paths

NOTEBOOKS = [p.stem for p in notebook_paths(ROOT / "notebooks")]
EMBEDDED_PNG = re.compile(r'<img[^>]*\ssrc="data:image/png;base64,')
IMAGE_SOURCE = re.compile(r'<img[^>]*\ssrc="([^"]{0,40})')
#: Notebooks that show only tables (no figure is expected in their page).
WITHOUT_FIGURES = {"00-corpus"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report command run once on the project's current data into a temporary folder."""
    out = tmp_path_factory.mktemp("report")
    # seed notebooks run in seconds: a cell still running after 150 s is a stalled kernel,
    # which the report retries once in a fresh one
    run = subprocess.run([sys.executable, "-m", "workbench", "report", "--out", str(out),
                          "--cell-timeout", "150"],
                         cwd=ROOT, capture_output=True, text=True, timeout=1200)
    return out, run


def test_report_command_succeeds_and_writes_an_index_linking_every_notebook(report):
    out, run = report
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in NOTEBOOKS:
        assert f'href="{stem}.html"' in index


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
