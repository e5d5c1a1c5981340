"""The networks dashboard's canvas in JupyterLab: an actor searched and an edge clicked with the
mouse show the edge's evidence, every row naming both actors; with two actors, a click at the
edge's midpoint does the same. The canvas is drawn (not blank), its JavaScript comes from the
server (no other host is asked), and an actor named with HTML stays text.

Notebooks made for the test build the dashboard on projects made for it: the seed articles and
the hostile one, with an actor named `<img src=x onerror=alert(1)>` added to the dictionary; and
one article naming two actors. Each notebook writes the canvas's layout to a file, from which
the test computes where sigma.js draws an edge (`canvas_point`).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urlparse

import matplotlib.image
import nbformat
import pytest
from lab_page import cell_problems, open_notebook, run_all

from workbench.widgets.network_canvas import CAMERA

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_ACTOR = "<img src=x onerror=alert(1)>"
#: the hostile article's sentence "... cooperation on energy and transport corridors." names it
HOSTILE_ROW = f"{HOSTILE_ACTOR},organisation,,corridors,name,,,hostile name for the browser test\n"
TWO_ACTORS = {"id": "two-1", "outlet": "Wire", "title": "A treaty", "date": "2024-03-02",
              "language": "en", "text": "Russia and Azerbaijan signed a treaty on Monday.\n\n"
                                        "Later, Azerbaijan thanked Russia for the visit."}
SOURCE = """import json
import workbench
from workbench.widgets.networks import networks_dashboard

project = workbench.project({root!r})
dash = networks_dashboard(project.open_corpus(), project=project, export_folder={exports!r})
canvas = dash.outputs["network"]
with open({layout!r}, "w", encoding="utf-8") as f:
    json.dump({{"layout": canvas.sigma.layout,
               "mentions": dict(canvas.graph.nodes(data="mentions"))}}, f)
dash"""
SIZES = (4, 18)  # the radius of the least and the most mentioned actor's node (`NetworkCanvas`)
STAGE_PADDING = 30  # sigma.js 3.0.0-alpha2's default `stagePadding`, which ipysigma 0.24 keeps

_CELLS = """widget => [...widget.querySelectorAll('.dt-scroll-body tbody tr')].map(
    tr => [...tr.querySelectorAll('td')].map(td => td.innerText))"""
_HEADER = """widget => [...widget.querySelectorAll('.dt-scroll-head thead th')].map(th => th.innerText)"""
_ON_CANVAS = """([x, y]) => {
  const e = document.elementFromPoint(x, y);
  return !!e && e.tagName === 'CANVAS' && !!e.closest('.ipysigma-container');
}"""


def write_project(folder: Path, corpus: Path, actors: str | None = None) -> None:
    """A project reading `corpus`, its cache inside, with `actors` as its dictionary if given."""
    folder.mkdir(parents=True)
    (folder / "workbench.toml").write_text(
        f'[corpus]\npath = "{corpus.as_posix()}"\ncache = "cache"\n', encoding="utf-8")
    if actors is not None:
        (folder / "data").mkdir()
        (folder / "data" / "actors.csv").write_text(actors, encoding="utf-8")


def write_notebook(folder: Path, name: str, project: Path) -> None:
    source = SOURCE.format(root=str(project), exports=str(project / "exports"),
                           layout=str(folder / f"{name}-layout.json"))
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]),
                   folder / f"{name}.ipynb")


@pytest.fixture(scope="module")
def network_lab(tmp_path_factory, hostile_corpus, lab_on):
    """JupyterLab on a folder holding the two notebooks and their projects."""
    folder = tmp_path_factory.mktemp("network")
    shipped = (ROOT / "workbench" / "project" / "defaults" / "actors.csv").read_text(encoding="utf-8")
    write_project(folder / "hostile", hostile_corpus, shipped.rstrip("\n") + "\n" + HOSTILE_ROW)
    write_notebook(folder, "hostile", folder / "hostile")
    two = folder / "two-corpus"
    two.mkdir()
    (two / "two.jsonl").write_text(json.dumps(TWO_ACTORS) + "\n", encoding="utf-8")
    write_project(folder / "two", two)
    write_notebook(folder, "two", folder / "two")
    lab = lab_on(folder)
    lab.folder = folder
    return lab


def canvas_point(layout: dict, node: dict, box: dict) -> tuple[float, float]:
    """Where sigma.js draws the point `node` ({"x", "y"} in the layout's units) on the page, the
    camera as it starts (`CAMERA`, centred): the layout's extent framed in the container `box`
    (a bounding box) less the stage padding, centred, y upwards, shrunk by the camera's ratio
    (sigma.js 3.0.0-alpha2's normalization and `matrixFromCamera`)."""
    xs, ys = [p["x"] for p in layout.values()], [p["y"] for p in layout.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    ratio = max(width, height) or 1
    graph_ratio, view_ratio = (height or 1) / (width or 1), box["height"] / box["width"]
    if (view_ratio < 1 < graph_ratio) or (view_ratio > 1 > graph_ratio):
        correction = 1
    else:
        correction = min(max(graph_ratio, 1 / graph_ratio), max(1 / view_ratio, view_ratio))
    scale = (min(box["width"], box["height"]) - 2 * STAGE_PADDING) * correction / ratio / CAMERA["ratio"]
    return (box["x"] + box["width"] / 2 + scale * (node["x"] - (max(xs) + min(xs)) / 2),
            box["y"] + box["height"] / 2 - scale * (node["y"] - (max(ys) + min(ys)) / 2))


def open_dashboard(page, lab, name: str):
    """Run the notebook; return the canvas container and what the notebook wrote: the layout
    and each drawn actor's mentions."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    open_notebook(page, lab.notebook_url(f"{name}.ipynb"))
    run_all(page)
    problems = cell_problems(page)
    assert not problems, "\n".join(problems)
    container = page.locator(".ipysigma-container").first
    container.locator("canvas").first.wait_for()
    page.wait_for_timeout(1000)  # the first frame
    return container, json.loads((lab.folder / f"{name}-layout.json").read_text(encoding="utf-8"))


def table_under(page, caption: str):
    """The rows (as text) of the table whose caption starts with `caption`, as {header: cell},
    once it shows some."""
    label = page.locator(".widget-label", has_text=caption).first
    label.wait_for(timeout=30_000)
    table = label.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]").locator(
        ".itables_anywidget").first
    table.locator(".dt-scroll-body tbody tr").first.wait_for()
    header = table.evaluate(_HEADER)
    return label.inner_text(), [dict(zip(header, row)) for row in table.evaluate(_CELLS)]


def assert_drawn(container) -> None:
    """The canvas shows a drawing: its pixels are not all of one colour."""
    pixels = matplotlib.image.imread(io.BytesIO(container.screenshot()), format="png")
    colours = {tuple(p) for p in pixels.reshape(-1, pixels.shape[-1])[::7].round(2).tolist()}
    assert len(colours) > 5, f"the network's canvas is blank ({len(colours)} colours)"


def assert_offline(page, lab) -> None:
    """Every request went to the JupyterLab server (or stayed in the page)."""
    server = urlparse(lab.url).netloc
    away = [u for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).netloc != server]
    assert not away, f"requests to other hosts: {away[:5]}"


def assert_evidence_of(page, a: str, b: str) -> list[dict]:
    """The evidence table's rows, checked to be the edge a–b's, each naming both actors."""
    caption, rows = table_under(page, "Evidence of ")
    assert caption.startswith((f"Evidence of {a} — {b} · ", f"Evidence of {b} — {a} · ")), caption
    assert rows and f"· {len(rows)} row" in caption, caption
    assert all({r["source"], r["target"]} == {a, b} and r["match"] for r in rows), rows
    return rows


def test_an_actor_searched_and_an_edge_clicked_show_the_edge_evidence(network_lab, page,
                                                                      screenshots):
    container, drawn = open_dashboard(page, network_lab, "hostile")
    layout = drawn["layout"]
    assert_drawn(container)
    assert_offline(page, network_lab)
    assert HOSTILE_ACTOR in layout  # drawn on the canvas, named in the search list

    actor = "Sergey Lavrov"
    search = page.locator(".ipysigma-widget .choices").first
    search.click()
    page.keyboard.type("Lavrov")  # into its search box (it filters on key strokes)
    page.locator(".ipysigma-widget .choices__list--dropdown .choices__item--choice",
                 has_text=actor).first.click()
    caption, links = table_under(page, f"Links of {actor}")
    neighbours = [r["linked to"] for r in links]
    assert neighbours and all(r["actor"] == actor for r in links)

    container.scroll_into_view_if_needed()
    box = container.bounding_box()
    at = {n: canvas_point(layout, p, box) for n, p in layout.items()}
    radius = radii(drawn["mentions"], {actor, *neighbours})
    shown = [n for n in neighbours if n in at and page.evaluate(
        _ON_CANVAS, list(_midpoint(at[actor], at[n])))]  # not under the canvas's panels
    other = max(shown, key=lambda n: _clearance(at, radius, actor, n, shown))
    clearance = _clearance(at, radius, actor, other, shown)
    assert clearance > 3, f"no edge of {actor} clear to click ({clearance:.1f} px)"
    page.mouse.click(*on_edge(page, container, at[actor], at[other]))
    assert_evidence_of(page, actor, other)
    page.screenshot(path=screenshots / "network-edge-clicked.png")

    search.click()  # the hostile name is found and shown as text
    page.keyboard.type("<img")  # into its search box (it filters on key strokes)
    choice = page.locator(".ipysigma-widget .choices__list--dropdown .choices__item--choice",
                          has_text=HOSTILE_ACTOR).first
    choice.click()
    table_under(page, f"Links of {HOSTILE_ACTOR}")
    assert HOSTILE_ACTOR in page.locator(".ipysigma-information-contents").first.text_content()
    assert not page.locator('img[src="x"]').count() and not page.dialogs


def _midpoint(p, q) -> tuple[float, float]:
    return (p[0] + q[0]) / 2, (p[1] + q[1]) / 2


def on_edge(page, container, p, q) -> tuple[float, float]:
    """The point nearest the midpoint of the edge p–q, across it, where sigma.js finds the edge
    under the mouse (it turns the cursor into a pointer): a line a pixel wide is missed by a
    computed point a pixel off."""
    (x, y), (dx, dy) = _midpoint(p, q), (q[1] - p[1], p[0] - q[0])
    norm = (dx * dx + dy * dy) ** 0.5 or 1
    for offset in (0, 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2, 3, -3):
        point = (x + offset * dx / norm, y + offset * dy / norm)
        page.mouse.move(*point)
        page.wait_for_timeout(100)
        if container.evaluate("c => c.style.cursor") == "pointer":
            return point
    raise AssertionError(f"no edge under the mouse around ({x:.0f}, {y:.0f})")


def _distance_to_segment(point, p, q) -> float:
    (x, y), (x1, y1), (x2, y2) = point, p, q
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / ((dx * dx + dy * dy) or 1)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def radii(mentions: dict, focused: set) -> dict:
    """Each node's radius (pixels) as ipysigma draws it: linear in mentions between `SIZES`,
    halved for a node left out of the selection (`focused`: the chosen actor and neighbours)."""
    low, high = min(mentions.values()), max(mentions.values())
    size = {n: SIZES[0] + (SIZES[1] - SIZES[0]) * (m - low) / ((high - low) or 1)
            for n, m in mentions.items()}
    return {n: r if n in focused else r / 2 for n, r in size.items()}


def _clearance(at: dict, radius: dict, actor: str, other: str, neighbours: list[str]) -> float:
    """How far (pixels) the midpoint of the edge actor–other is from every node's disc and from
    the actor's other edges (the only edges shown once the actor is chosen)."""
    point = _midpoint(at[actor], at[other])
    nodes = [((point[0] - x) ** 2 + (point[1] - y) ** 2) ** 0.5 - radius[n]
             for n, (x, y) in at.items()]
    edges = [_distance_to_segment(point, at[actor], at[n]) - 4 for n in neighbours if n != other]
    return min(nodes + edges)


def test_with_two_actors_a_click_at_the_edge_midpoint_shows_its_evidence(network_lab, page,
                                                                         screenshots):
    container, drawn = open_dashboard(page, network_lab, "two")
    layout = drawn["layout"]
    assert set(layout) == {"Azerbaijan", "Russia"}
    assert_drawn(container)
    assert_offline(page, network_lab)
    container.scroll_into_view_if_needed()
    box = container.bounding_box()
    a, b = (canvas_point(layout, layout[n], box) for n in ("Azerbaijan", "Russia"))
    point = _midpoint(a, b)
    # the layout's extent is framed centred: the only edge's midpoint is the canvas's centre
    assert point == pytest.approx((box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
    page.mouse.click(*on_edge(page, container, a, b))
    rows = assert_evidence_of(page, "Azerbaijan", "Russia")
    assert len(rows) == 2  # the two sentences naming both
    container.screenshot(path=screenshots / "network-two-actors.png")
