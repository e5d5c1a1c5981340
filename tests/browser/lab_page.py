"""What a researcher does in JupyterLab, as Playwright steps: open, run all, read, change a control.

Controls are found by their visible description label (ipywidgets' `description`), the way a
person finds them; a label that is not on the page is an error, never a skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for types only: without Playwright the tests skip, not crash
    from playwright.sync_api import Locator, Page

TRACEBACK = "Traceback (most recent call last)"
#: Texts the widget manager shows when a widget cannot be rendered in the browser.
WIDGET_FAILURES = ("Error displaying widget", "Failed to load model class",
                   "A Jupyter widget could not be displayed")

_ALL_RUN = """() => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  if (prompts.length === 0 || prompts.some(t => t.includes('*'))) return false;
  return prompts.every(t => /\\[\\d+\\]/.test(t))
    || document.querySelector('.jp-Notebook').innerText.includes('TRACEBACK');
}""".replace("TRACEBACK", TRACEBACK)

_RESULTS = """root => {
  const parts = [];
  root.querySelectorAll('.jupyter-widgets-output-area, .widget-output, .widget-html-content, '
                        + '.js-plotly-plot .main-svg')
    .forEach(e => parts.push(e.innerHTML));
  root.querySelectorAll('img').forEach(e => parts.push(e.src));
  return parts.join('\\n');
}"""


@dataclass(frozen=True)
class Change:
    """One control to change: its description label and the new value (None: the next option).

    `value` is (part of) an option's text for a dropdown or multi-select, the text to type
    for a text or number box, and the number to set for a slider.
    """

    label: str
    value: str | int | float | None = None


def open_notebook(page: Page, url: str, *, timeout: float = 60_000) -> None:
    """Load JupyterLab on a notebook and wait for its kernel, accepting the kernel dialog."""
    page.goto(url)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=timeout)
    status = page.locator(".jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator").first
    dialog_accept = page.locator(".jp-Dialog .jp-mod-accept")
    state, waited, started = "", 0.0, False
    while waited < timeout:
        if dialog_accept.count():  # "Select Kernel" when the notebook names none
            dialog_accept.first.click()
        state = status.get_attribute("data-status") if status.count() else ""
        # the indicator shows "idle" before the session exists; wait for the kernel's own start
        started = started or state not in ("", "idle")
        if state == "idle" and (started or waited > 20_000):
            return
        page.wait_for_timeout(200)
        waited += 200
    raise AssertionError(f"the kernel for {url} is not ready (status {state!r})")


def run_all(page: Page, *, timeout: float = 180_000) -> None:
    """Run > Run All Cells, then wait until every code cell ran or one raised."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(_ALL_RUN, timeout=timeout, polling=500)


def cell_problems(page: Page) -> list[str]:
    """Tracebacks, widget failures and cells left unexecuted, as readable messages."""
    problems = []
    for cell in page.locator(".jp-Notebook .jp-Cell").all():
        text = cell.inner_text()
        prompt = cell.locator(".jp-InputArea-prompt").first
        head = cell.locator(".jp-InputArea-editor").first
        source = head.inner_text()[:80].replace("\n", " ") if head.count() else ""
        if TRACEBACK in text:
            problems.append(f"cell {source!r} shows an error:\n{text[-1500:]}")
        problems.extend(f"cell {source!r}: {msg}" for msg in WIDGET_FAILURES if msg in text)
        if "jp-CodeCell" in (cell.get_attribute("class") or "") and prompt.count():
            if not re.search(r"\[\d+\]", prompt.inner_text()):
                problems.append(f"cell {source!r} did not run")
    return problems


def find_control(page: Page, label: str) -> Locator:
    """The widget whose description label starts with `label`, as written (a table's own
    "find" box is not the document viewer's "Find")."""
    pattern = re.compile(rf"^\s*{re.escape(label)}")
    labels = page.locator(".jp-OutputArea label.widget-label").filter(has_text=pattern)
    if labels.count() == 0:
        shown = [t.strip() for t in page.locator("label.widget-label").all_inner_texts()]
        raise AssertionError(f"no control labelled {label!r}; labels on the page: {shown}")
    return labels.first.locator("xpath=..")


def dashboard_of(control: Locator) -> Locator:
    """The cell output holding a control: the dashboard it belongs to."""
    return control.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea-output')][1]")


def results(dashboard: Locator) -> str:
    """What the dashboard shows (output areas, HTML panes, images, charts), without its controls."""
    return dashboard.evaluate(_RESULTS)


def set_control(control: Locator, value) -> str:
    """Change a control as a person would; return a description of what was done."""
    classes = control.get_attribute("class") or ""
    select = control.locator("select")
    if select.count():
        options = [" ".join(o.split()) for o in select.locator("option").all_inner_texts()]
        current = select.evaluate("s => [...s.selectedOptions].map(o => o.index)")
        current = [options[i] for i in current]
        fits = [o for o in options if (o not in current if value is None else str(value) in o)]
        assert fits, f"no option {'' if value is None else repr(value)} to choose; {options}"
        choice = fits[0]
        assert choice not in current or "select-multiple" in classes, \
            f"{choice!r} is already selected"
        select.select_option(index=options.index(choice))
        return f"selected {choice!r} (was {current})"
    text = control.locator("input[type=text], input[type=number], textarea")
    if text.count():
        text.first.fill(str(value))
        text.first.press("Enter")
        return f"typed {value!r}"
    readout = control.locator(".widget-readout")
    if readout.count():
        before = readout.inner_text()
        readout.click()
        readout.press("Control+A")
        readout.type(str(value))
        readout.press("Enter")
        return f"slider {before} -> {value}"
    buttons = control.locator("button:not(.mod-active)")
    if buttons.count():
        buttons.first.click()
        return "pressed another toggle button"
    raise AssertionError(f"do not know how to change the control {classes!r}")
