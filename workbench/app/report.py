"""`python -m workbench report`: run every notebook on the current data, save shareable HTML.

Each notebook in notebooks/ is executed headless (nbclient, with the widget state stored so
dashboard controls render), written as one self-contained HTML file (nbconvert, images
embedded) and listed in an index.html. Colleagues open the folder in any browser, no Jupyter.
A dashboard's outputs live in its widgets, so the figures and tables it showed (the page of
rows each table widget held, with its caption) are also copied in as static HTML (hidden
again when a browser does render the live widgets).
"""

from __future__ import annotations

import base64
import html
import json
import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as WallClockTimeout
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from ..project.project import project

NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_NOTEBOOK_LINK = re.compile(r'href="(\d\d-[^"/]*)\.ipynb(#[^"]*)?"')
#: run after a notebook's cells: each dashboard draws its chart as a static figure into a widget
#: output (`Dashboard.draw_snapshot`), kept in the widget state the page shows offline
SNAPSHOT_CELL = "from workbench.widgets.common import snapshot_charts\nsnapshot_charts()"
_HIDE_SNAPSHOTS = """<script>
new MutationObserver(() => document.querySelectorAll('.wb-snapshot').forEach(s => {
  const cell = s.closest('.jp-Cell');
  if (cell && cell.querySelector('.widget-output, .widget-html, .widget-box')) s.hidden = true;
})).observe(document.body, {childList: true, subtree: true});
</script>"""


@dataclass
class Page:
    """One notebook's report page: its file, title, errors shown in it and run time."""

    notebook: Path
    html: Path
    title: str
    errors: int
    seconds: float
    stopped: str | None = None  # why the run stopped early (timeout, dead kernel), if it did


def notebook_paths(folder: Path) -> list[Path]:
    """The workbench notebooks in reading order (two-digit prefix)."""
    return sorted(Path(folder).glob(NOTEBOOK_GLOB))


def execute(path: Path, *, timeout: int = 600) -> tuple[nbformat.NotebookNode, str | None]:
    """Run a notebook top to bottom in its own folder, keeping errors and widget state.

    Returns the executed notebook and, when the run stopped early, why (a cell timed out,
    the kernel died); the cells run until then are kept. A last cell, run and then removed,
    draws each dashboard's chart as a static figure (`SNAPSHOT_CELL`).
    """
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(SNAPSHOT_CELL))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # inline figures
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(env=env)
    except (CellTimeoutError, DeadKernelError) as err:
        return nb, f"{type(err).__name__}: {str(err).splitlines()[0]}"
    finally:
        nb.cells.pop()
    return nb, None


def execute_isolated(path: Path, *, timeout: int = 600,
                     wall: float = 1800) -> tuple[nbformat.NotebookNode, str | None]:
    """`execute` in a fresh process, given up after `wall` seconds.

    One process per notebook keeps one notebook's kernel plumbing from affecting the next
    (runs of several notebooks in one process were seen to hang after the last cell).
    """
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        return pool.submit(execute, path, timeout=timeout).result(timeout=wall)
    except WallClockTimeout:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()  # the hung worker; its kernel exits when its parent is gone
        return nbformat.read(path, as_version=4), f"no result after {wall:.0f} s"
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def count_errors(nb: nbformat.NotebookNode) -> int:
    """How many code cells ended in an error."""
    return sum(any(o.get("output_type") == "error" for o in c.get("outputs", []))
               for c in nb.cells if c.cell_type == "code")


def _output_html(output: dict) -> str:
    data = output.get("data", {})
    if "image/png" in data:
        png = data["image/png"]
        png = png if isinstance(png, str) else base64.b64encode(png).decode()
        return f'<img src="data:image/png;base64,{png.strip()}">'
    if "text/html" in data:  # produced by the workbench's escaping helpers
        return "".join(data["text/html"])
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    if output.get("output_type") == "error":
        return f"<pre>{html.escape(_ANSI.sub('', chr(10).join(output['traceback'])))}</pre>"
    if "text/plain" in data:
        return f"<pre>{html.escape(''.join(data['text/plain']))}</pre>"
    return ""


def _widget_html(model_id: str, state: dict, seen: set) -> str:
    """What a widget and its children show: Output widgets' outputs and HTML panes."""
    if model_id in seen or model_id not in state:
        return ""
    seen.add(model_id)
    model = state[model_id]
    values = model.get("state", {})
    if model.get("model_name") == "OutputModel":
        return "".join(_output_html(o) for o in values.get("outputs", []))
    if model.get("model_name") == "HTMLModel":
        return values.get("value", "")
    if model.get("model_name") == "LabelModel":  # a table's caption: text
        return f"<p><b>{html.escape(values.get('value', ''))}</b></p>" if values.get("value") else ""
    if "table_html" in values.get("_dt_args", {}):  # a table (itables' ITable): its page of rows
        return _table_html(values["_dt_args"])
    children = values.get("children", [])
    return "".join(_widget_html(c.removeprefix("IPY_MODEL_"), state, seen) for c in children)


def _table_html(args: dict) -> str:
    """The rows an ITable widget held, as a static table: its header as itables escaped it, each
    cell escaped again from its text (a float is [shown, value])."""
    head = re.search(r"<thead>.*</thead>", args["table_html"], re.S)
    rows = "".join("<tr>" + "".join(
        f"<td>{html.escape(html.unescape(str(cell[0] if isinstance(cell, list) else cell)))}</td>"
        for cell in row) + "</tr>" for row in json.loads(args.get("data_json", "[]")))
    return f"<table>{head.group(0) if head else ''}<tbody>{rows}</tbody></table>"


def add_widget_snapshots(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """After each displayed widget, add a static copy of what it showed when the report ran."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            outputs.append(output)
            view = output.get("data", {}).get(WIDGET_VIEW)
            shown = _widget_html(view["model_id"], state, set()) if view else ""
            if shown:
                outputs.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": f'<div class="wb-snapshot">{shown}</div>'}))
        if "outputs" in cell:
            cell.outputs = outputs
    return nb


def without_chart_code(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without the JavaScript of its charts to click (plotly's FigureWidget carries
    plotly.js, 5 MB, in its widget state): the page shows each chart's static snapshot instead."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model in state.values():
        if "_widget_data" in model.get("state", {}):  # a plotly FigureWidget
            model["state"].pop("_esm", None)
    return nb


def to_html(nb: nbformat.NotebookNode) -> str:
    """One self-contained HTML page: images embedded, widget state included (but the charts'
    JavaScript: `without_chart_code`)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(embed_images=True).from_notebook_node(
        add_widget_snapshots(without_chart_code(nb)))
    body = _NOTEBOOK_LINK.sub(r'href="\1.html\2"', body)  # "Next: 03 · …" links stay in the report
    return body.replace("</body>", _HIDE_SNAPSHOTS + "\n</body>", 1)


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first Markdown heading of the notebook, or `fallback`."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def index_html(pages: list[Page], *, corpus: Path, made: datetime) -> str:
    """The report's front page: one line per notebook, with a link and its status."""
    rows = "".join(
        f'<li><a href="{html.escape(p.html.name)}">{html.escape(p.title)}</a> '
        f"<small>({html.escape(p.notebook.name)}, {p.seconds:.0f} s"
        + (f', <b style="color:#b00">{p.errors} cell(s) failed</b>' if p.errors else "")
        + (f', <b style="color:#b00">stopped: {html.escape(p.stopped)}</b>' if p.stopped else "")
        + ")</small></li>" for p in pages)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Media Workbench report"
            "</title></head><body style='font-family:sans-serif;max-width:50em;margin:2em auto'>"
            f"<h1>Media Workbench report</h1><p>Made {made:%Y-%m-%d %H:%M} from the corpus in "
            f"<code>{html.escape(str(corpus))}</code>.</p><ol>{rows}</ol></body></html>")


@dataclass
class Run:
    """One notebook executed: the notebook with its outputs and widget state, how long it took,
    and why it stopped early, if it did."""

    notebook: Path
    nb: nbformat.NotebookNode
    seconds: float
    stopped: str | None = None


def run_notebook(path: Path, *, timeout: int = 600, log=print) -> Run:
    """Execute one notebook in a fresh process; a run stopped by a cell timeout or a dead kernel
    (a kernel was seen, rarely, to go quiet after a cell) is tried once more."""
    log(f"running {path.name} …")
    start = time.perf_counter()
    nb, stopped = execute_isolated(path, timeout=timeout)
    if stopped:
        log(f"  stopped ({stopped}); running {path.name} again in a fresh kernel")
        nb, stopped = execute_isolated(path, timeout=timeout)
    return Run(path, nb, time.perf_counter() - start, stopped)


def write_report(runs: list[Run], out: Path | str, *, corpus: Path, log=print) -> list[Page]:
    """Write `<name>.html` for each executed notebook and index.html into `out`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for run in runs:
        page = Page(run.notebook, out / f"{run.notebook.stem}.html",
                    notebook_title(run.nb, run.notebook.stem), count_errors(run.nb), run.seconds,
                    run.stopped)
        page.html.write_text(to_html(run.nb), encoding="utf-8")
        log(f"  wrote {page.html} ({page.seconds:.0f} s"
            + (f", {page.errors} cell(s) failed" if page.errors else "")
            + (f", stopped: {page.stopped}" if page.stopped else "") + ")")
        pages.append(page)
    (out / "index.html").write_text(index_html(pages, corpus=corpus, made=datetime.now()),
                                    encoding="utf-8")
    log(f"open {out / 'index.html'} in a browser")
    return pages


def build_report(out: Path | str | None = None, *, notebooks: Path | None = None,
                 timeout: int = 600, log=print) -> list[Page]:
    """Execute every notebook (of `notebooks`, default the project's) and write the report into
    `out` (default the project's reports/)."""
    here = project()
    runs = [run_notebook(path, timeout=timeout, log=log)
            for path in notebook_paths(notebooks or here.root / "notebooks")]
    return write_report(runs, out if out is not None else here.reports,
                        corpus=here.corpus_path(), log=log)


def main(out: str | None = None, *, notebooks: str | None = None, timeout: int = 600) -> int:
    """Command-line entry: 0 when every notebook ran cleanly, 1 when a cell failed."""
    pages = build_report(out, notebooks=Path(notebooks) if notebooks else None, timeout=timeout)
    if not pages:
        print(f"error: no notebooks (NN-name.ipynb) found in {notebooks or 'notebooks/'}")
        return 2
    failed = [p.notebook.name for p in pages if p.errors or p.stopped]
    if failed:
        print(f"errors in: {', '.join(failed)} (shown in their pages)")
    return 1 if failed else 0
