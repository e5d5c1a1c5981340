"""Each notebook as a researcher uses it: open in JupyterLab, Run All, read, move a control.

The server reads the seed corpus plus an article whose outlet, title and text are HTML and
script injections; the corpus and profiling notebooks must show that text literally, and no
notebook may run it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_page import (
    Change,
    cell_problems,
    dashboard_of,
    find_control,
    open_notebook,
    results,
    run_all,
    set_control,
)

# one JupyterLab per worker under --dist loadgroup
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

#: Per notebook, the dashboard controls a researcher changes (by their visible label) and to
#: what; every change must alter the dashboard's figure or table. A notebook missing here fails.
CONTROLS = {
    "00-corpus.ipynb": [Change("Document", "RUSSTRAT"), Change("Find", "hostile")],
    "01-source-profiling.ipynb": [Change("Outlets", "Trend")],
    "02-keyword-trends.ipynb": [Change("terms", "strategic partnership"),
                                Change("outlets", "JAMnews")],
    "03-actor-networks.ipynb": [Change("unit", "document"), Change("min weight", 2)],
}
#: Hostile text (tests/browser/hostile/) that these notebooks must show as text, never as markup.
LITERAL = {
    "00-corpus.ipynb": ["<img src=x onerror=alert(1)>", "<script>alert('xss')</script>"],
    "01-source-profiling.ipynb": ["<img src=x onerror=alert(1)>"],
}
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
#: what JupyterLab asks in a toast when its `fetchNews` setting is left at "none" (ask)
NEWS_QUESTION = "notified about official Jupyter news"
NOTEBOOK_FILES = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))

_SHOWN_TEXT = """() => [...document.querySelectorAll(
    '.jp-OutputArea-output :is(td, th, p, li, pre, span, div.widget-html-content)')]
    .map(e => e.innerText).join('\\n')"""
_INJECTED = """() => [...document.querySelectorAll('img[src="x"], script')]
    .filter(e => e.tagName === 'IMG' || e.textContent.includes('alert('))
    .map(e => e.outerHTML.slice(0, 120))"""


def wait_for_new_results(page, dashboard, before: str, *, timeout_ms: int = 90_000) -> str:
    """Wait until the dashboard shows something other than `before`, then until it settles."""
    waited, last, stable = 0, before, 0
    while waited < timeout_ms:
        page.wait_for_timeout(250)
        waited += 250
        now = results(dashboard)
        stable = stable + 1 if now == last else 0
        last = now
        busy = page.locator('.jp-Notebook-ExecutionIndicator[data-status="busy"]').count()
        if now != before and stable >= 4 and not busy:
            return now
    return last


def assert_no_article_markup(page, name: str) -> None:
    """No dialog opened, no element was built from article text, and the text shows literally."""
    assert not page.dialogs, f"{name}: a script from the article ran: {page.dialogs}"
    injected = page.evaluate(_INJECTED)
    assert not injected, f"{name}: article HTML became elements: {injected}"
    shown = page.evaluate(_SHOWN_TEXT)
    missing = [text for text in LITERAL.get(name, []) if text not in shown]
    assert not missing, f"{name}: the article's HTML is not shown as text: {missing}"


@pytest.mark.parametrize("name", NOTEBOOK_FILES)
def test_notebook_runs_its_dashboard_responds_and_article_html_stays_text(name, lab, page,
                                                                           screenshots):
    """Run All shows no error; each listed control changes the output; hostile text is inert.

    One run per notebook keeps the suite fast, so the escaping check (LITERAL) lives here too.
    """
    changes = CONTROLS.get(name)
    assert changes, f"{name}: no control listed in CONTROLS; say which control a researcher moves"
    open_notebook(page, lab.notebook_url(name))
    run_all(page)
    problems = cell_problems(page)
    assert not problems, f"{name} in the browser:\n" + "\n".join(problems)

    for change in changes:
        control = find_control(page, change.label)
        dashboard = dashboard_of(control)
        before = results(dashboard)
        assert before.strip(), f"{name}: the dashboard with {change.label!r} shows nothing"
        done = set_control(control, change.value)
        after = wait_for_new_results(page, dashboard, before)
        assert after != before, f"{name}: {change.label!r}: {done}, but the output did not change"
        problems = cell_problems(page)
        assert not problems, f"{name} after {change.label!r} ({done}):\n" + "\n".join(problems)

    stem = name.removesuffix(".ipynb")
    dashboard.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"{stem}.png")
    dashboard.screenshot(path=screenshots / f"{stem}-dashboard.png")
    assert_no_article_markup(page, name)
    assert NEWS_QUESTION not in page.inner_text("body"), f"{name}: JupyterLab asks about news"


def test_jupyterlab_asks_no_question_about_news(lab, page):
    """JupyterLab started as `make lab` starts it (the project's app settings) neither asks the
    researcher whether to fetch Jupyter news nor fetches them: its default is to ask at once."""
    served = lab.settings("@jupyterlab/apputils-extension:notification")
    defaults = {name: p["default"] for name, p in served["schema"]["properties"].items()}
    assert (defaults["fetchNews"], defaults["checkForUpdates"]) == ("false", False)
    assert "fetchNews" not in served["raw"]  # the project's setting, not a user's choice
    page.goto(f"{lab.url}/lab?token={lab.token}")
    page.locator("#jp-main-dock-panel").wait_for()
    page.wait_for_timeout(3000)  # the question shows as soon as the shell is restored
    assert NEWS_QUESTION not in page.inner_text("body")
