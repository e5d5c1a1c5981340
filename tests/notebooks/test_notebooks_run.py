"""Every notebook runs top to bottom on the project's corpus and shows its results; each is
executed once per test run (the `executed` fixture), and the report test reuses the runs."""

from __future__ import annotations

import pytest
from notebook_outputs import empty_edit_cells, errors, outputs, shown

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("notebooks")]

#: what a researcher must see in each notebook's outputs (text, and figures drawn); in 03, a
#: sentence of the evidence behind the default edge (Azerbaijan, mentioned most, and Russia)
SHOWN = {
    "00-corpus": (["5 documents", "told Trend", "No archive exports"], 0),
    "01-source-profiling": (["Garabagh", "Igor Korotchenko"], 4),
    "02-keyword-trends": (["strategic partnership", "peacekeepers"], 2),
    "03-actor-networks": (["Igor Korotchenko", "Relations between Azerbaijan and Russia"], 3),
}
#: AzerNews is dated to 2024 alone: no table, passage or label may show it as 2024-01-01 (02's
#: yearly trend table is left out: its periods start on 2024-01-01)
NOT_SHOWN = {"00-corpus": ["2024-01-01"], "01-source-profiling": ["2024-01-01"],
             "03-actor-networks": ["2024-01-01"]}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_notebook_runs_top_to_bottom_and_shows_its_results(executed, name):
    run = executed(name)
    assert run.stopped is None, run.stopped
    failed = errors(run.nb)
    assert not failed, f"{failed[0].ename}: {failed[0].evalue}" if failed else ""
    text = shown(run.nb)
    words, figures = SHOWN[name]
    missing = [w for w in words if w not in text]
    assert not missing, f"{name} does not show {missing}"
    assert sum("image/png" in o.get("data", {}) for o in outputs(run.nb)) >= figures
    wrong = [w for w in NOT_SHOWN.get(name, []) if w in text]
    assert not wrong, f"{name} shows {wrong}"
    assert not empty_edit_cells(run.nb), f"{name}: defaults that show nothing: {empty_edit_cells(run.nb)}"


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_notebook_dashboard_keeps_its_widget_state_for_the_report(executed, name):
    run = executed(name)
    state = run.nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json")
    assert state and state["state"], f"{name}: no widget state stored"
