"""Every notebook runs top to bottom on the project's corpus and shows its results; each is
executed once per test run (the `executed` fixture), and the report test reuses the runs."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("notebooks")]

#: what a researcher must see in each notebook's outputs (text, and figures drawn)
SHOWN = {
    "00-corpus": (["5 documents", "told Trend", "No archive exports"], 0),
    "01-source-profiling": (["Garabagh", "Igor Korotchenko"], 4),
    "02-keyword-trends": (["strategic partnership", "peacekeepers"], 2),
    "03-actor-networks": (["Igor Korotchenko", "Armenian separatists"], 3),
}


def _outputs(nb) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_notebook_runs_top_to_bottom_and_shows_its_results(executed, name):
    run = executed(name)
    assert run.stopped is None, run.stopped
    outputs = _outputs(run.nb)
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, f"{errors[0].ename}: {errors[0].evalue}" if errors else ""
    text = " ".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("data", {}).get(
        "text/html", "")) for o in outputs)
    words, figures = SHOWN[name]
    missing = [w for w in words if w not in text]
    assert not missing, f"{name} does not show {missing}"
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= figures


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_notebook_dashboard_keeps_its_widget_state_for_the_report(executed, name):
    run = executed(name)
    state = run.nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json")
    assert state and state["state"], f"{name}: no widget state stored"
