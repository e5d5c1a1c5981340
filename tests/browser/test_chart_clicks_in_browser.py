"""Clicks on the dashboards' charts in JupyterLab, with the mouse: a trend point opens the
concordance of exactly its matches (of one outlet, of "(other groups)"), a keyness bar and a
naming cell open their passages; hostile outlet names show as text; nothing is fetched from
outside the machine (plotly's JavaScript comes with the widget).

Notebooks made for the test show the dashboards on a small corpus (tests/click_corpus.py) and
on the seed articles plus a hostile one.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from click_corpus import HOSTILE, YEAR_ONLY, write_click_corpus
from lab_page import cell_problems, open_notebook, run_all
from seed_paths import PROJECT

from workbench import load_corpus, profiling

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]
TRENDS = """import workbench
from workbench import load_corpus
from workbench.widgets.trends import trends_dashboard

here = workbench.project({root!r})
corpus = load_corpus({corpus!r}, metadata={sources!r}, cache_dir={cache!r})
trends_dashboard(corpus, groups=here.keyword_groups(), events=here.events(), terms="peacekeep*",
                 top={top})"""
PROFILING = """import workbench
from workbench import load_corpus, profiling
from workbench.actors import find_mentions
from workbench.widgets.profiling import profiling_dashboard

here = workbench.project({root!r})
corpus = load_corpus({corpus!r}, metadata={sources!r}, cache_dir={cache!r})
scores = profiling.sentence_tone(corpus)
said = profiling.voices(corpus, cues=here.speech_cues,
                        mentions=find_mentions(corpus, here.actors(), discovery=here.discovery()))

def dashboard(**controls):
    dash = profiling_dashboard(corpus, variants=here.naming_variants(), frames=here.frames(),
                               scores=scores, said=said)
    for name, value in controls.items():
        dash.controls[name].value = value
    return dash
"""
#: the rows of a table widget (with a scrolling body, DataTables draws the header apart)
_ROWS = """widget => [...widget.querySelectorAll('.dt-scroll-body tbody tr')]
    .map(tr => [...tr.querySelectorAll('td')].map(td => td.innerText))
    .filter(cells => cells.length > 1)"""
#: where on the page a point of the chart is: (trace, index) of a bar, a scatter point or a
#: heatmap cell ([row, column]), from plotly's own axes
_WHERE = """(gd, [trace, index]) => {
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  const x = full.xaxis, y = full.yaxis, kind = gd.data[trace].type;
  let px, py;
  if (kind === 'heatmap') { px = x.l2p(index[1]); py = y.l2p(index[0]); }
  else if (kind === 'bar') { const c = gd.calcdata[trace][index]; px = x.l2p(c.s / 2); py = y.l2p(c.p); }
  else { const c = gd.calcdata[trace][index]; px = x.l2p(c.x); py = y.l2p(c.y); }
  return [box.left + full._size.l + px, box.top + full._size.t + py];
}"""
#: (trace, index) of the point whose key (customdata, escaped) is `keys`
_FIND = """(gd, keys) => {
  for (let t = 0; t < gd.data.length; t++) {
    const data = gd.data[t].customdata || [];
    for (let i = 0; i < data.length; i++) {
      if (gd.data[t].type === 'heatmap') {
        for (let j = 0; j < data[i].length; j++)
          if (JSON.stringify(data[i][j]) === JSON.stringify(keys)) return [t, [i, j]];
      } else if (JSON.stringify(data[i]) === JSON.stringify(keys)) return [t, i];
    }
  }
  return null;
}"""


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.fixture
def offline(page):
    """The page with every request off this machine refused and recorded."""
    outside = []

    def route(request_route):
        host = urlparse(request_route.request.url).hostname
        if host in ("127.0.0.1", "localhost", None):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    page.context.route("**/*", route)
    page.outside = outside
    return page


def notebook(folder: Path, *sources: str) -> None:
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources]),
                   folder / "clicks.ipynb")


@pytest.fixture(scope="module")
def click_corpus(tmp_path_factory):
    return write_click_corpus(tmp_path_factory.mktemp("click-corpus"))


@pytest.fixture(scope="module")
def trends_lab(tmp_path_factory, click_corpus, lab_on):
    folder = tmp_path_factory.mktemp("trend-clicks")
    corpus, sources = click_corpus
    common = {"root": str(ROOT), "corpus": str(corpus), "sources": str(sources),
              "cache": str(folder / "cache")}
    notebook(folder, TRENDS.format(**common, top=20), TRENDS.format(**common, top=1))
    return lab_on(folder)


@pytest.fixture(scope="module")
def profiling_lab(tmp_path_factory, hostile_corpus, lab_on):
    folder = tmp_path_factory.mktemp("profiling-clicks")
    setup = PROFILING.format(root=str(ROOT), corpus=str(hostile_corpus),
                             sources=str(ROOT / "data" / "sources.csv"), cache=str(folder / "cache"))
    notebook(folder, setup, 'dashboard(view="keyness", target="AzerNews")',
             'dashboard(view="naming")')
    return lab_on(folder)


def ran(page, lab) -> None:
    open_notebook(page, lab.notebook_url("clicks.ipynb"))
    run_all(page)
    problems = cell_problems(page)
    assert not problems, "\n".join(problems)


def click_point(page, cell, keys: list) -> None:
    """Hover over the point of the cell's chart whose key is `keys`, then click it."""
    chart = cell.locator(".js-plotly-plot").first
    chart.wait_for()
    chart.scroll_into_view_if_needed()
    found = chart.evaluate(_FIND, keys)
    assert found is not None, f"no point {keys} on the chart"
    x, y = chart.evaluate(_WHERE, found)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def table_under(page, cell, caption: re.Pattern) -> list[list[str]]:
    """The rows of the table whose caption matches, once it shows them."""
    label = cell.locator(".widget-label", has_text=caption)
    label.first.wait_for(timeout=20_000)
    table = cell.locator(".widget-vbox").filter(
        has=page.locator(".widget-label", has_text=caption)).last.locator(".itables_anywidget")
    text = label.first.inner_text()
    wanted = int(re.search(r"(\d+) rows?$", text).group(1)) if re.search(r"\d+ rows?$", text) else 0
    rows = []
    for _ in range(40):
        rows = table.evaluate(_ROWS)
        if len(rows) == wanted:
            break
        page.wait_for_timeout(250)
    return rows


def test_a_click_on_a_trend_point_opens_exactly_its_matches(trends_lab, click_corpus, offline,
                                                           screenshots, tmp_path):
    page = offline
    ran(page, trends_lab)
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    corpus = load_corpus(click_corpus[0], metadata=click_corpus[1], cache_dir=tmp_path)
    year_only = corpus.documents.set_index("file").doc_id[YEAR_ONLY]

    click_point(page, cells.nth(0), ["peacekeep*", "2023-09-01T00:00:00", "Outlet A"])
    rows = table_under(page, cells.nth(0),
                       re.compile(r"^peacekeep\* · 2023-09 · Outlet A: 3 matches in 2 documents"))
    date, outlet, match, doc_id = 0, 1, 3, 5  # the concordance's columns
    assert len(rows) == 3, rows
    assert all(r[match].lower().startswith("peacekeep") for r in rows)
    assert {r[date] for r in rows} <= {"2023-09-05", "2023-09-20"}
    assert {r[outlet] for r in rows} == {"Outlet A"} and year_only not in {r[doc_id] for r in rows}
    page.screenshot(path=screenshots / "trend-point-click.png")

    click_point(page, cells.nth(1), ["peacekeep*", "2023-09-01T00:00:00", "(other groups)"])
    rows = table_under(page, cells.nth(1), re.compile(
        r"^peacekeep\* · 2023-09 · \(other groups\): 2 matches in 2 documents"))
    assert sorted(r[outlet] for r in rows) == sorted(["Outlet B", HOSTILE])  # as text
    assert all(r[date].startswith("2023-09") and r[match].lower().startswith("peacekeep")
               for r in rows)

    legend = cells.nth(0).locator(".legendtext", has_text=HOSTILE)
    assert legend.count() == 1  # the hostile outlet's name, as text
    assert not page.locator('img[src="x"]').count() and not page.dialogs
    assert not page.outside, f"requests off the machine: {page.outside}"


def test_a_keyness_bar_and_a_naming_cell_open_their_passages(profiling_lab, hostile_corpus,
                                                             offline, screenshots, tmp_path):
    page = offline
    ran(page, profiling_lab)
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    corpus = load_corpus(hostile_corpus, metadata=ROOT / "data" / "sources.csv",
                         cache_dir=tmp_path)
    key = profiling.keyness_by_group(corpus, target=["AzerNews"], min_freq=3)
    word = key[key.direction == "over"].iloc[0]
    click_point(page, cells.nth(1), [escaped(word.term)])
    rows = table_under(page, cells.nth(1), re.compile(rf"^Passages of {re.escape(word.term)} · "))
    outlet, match = 1, 3  # the passages' columns: date, outlet, left, match, right, …
    assert len(rows) == word.count_target
    assert {r[outlet] for r in rows} == {"AzerNews"}
    assert {r[match].lower() for r in rows} == {word.term}
    page.screenshot(path=screenshots / "keyness-bar-click.png")

    variants = PROJECT.naming_variants()
    names = profiling.variant_matches(corpus, variants)
    table = profiling.naming_table(names, variants, profiling.groups(corpus))
    cell = table[table["count"] >= 2].iloc[0]
    click_point(page, cells.nth(2), [escaped(cell.group), cell.concept, cell.variant])
    rows = table_under(page, cells.nth(2), re.compile(
        rf"^Passages of {re.escape(cell.group)} · {re.escape(cell.concept)}: "))
    assert len(rows) == cell["count"]
    assert {r[outlet] for r in rows} == {cell.group}
    assert all(cell.variant.lower() in r[match].lower() for r in rows)
    page.screenshot(path=screenshots / "naming-cell-click.png")
    assert not page.locator('img[src="x"]').count() and not page.dialogs
    assert not page.outside, f"requests off the machine: {page.outside}"
