"""The actor-network dashboard driven from Python, and the notebook run top to bottom."""

from __future__ import annotations

import pandas as pd
import pytest
from dashboards import networks_dash
from seed_paths import PROJECT

from workbench.widgets.networks import WHOLE

ACTORS = PROJECT.actors()


@pytest.fixture
def dash(seed_corpus, tmp_path):
    return networks_dash(seed_corpus, tmp_path / "exports")


def test_outlet_and_unit_controls_rebuild_the_network(dash):
    assert {"Russia", "Azerbaijan"} <= set(dash.graph)
    dash.controls["outlets"].value = ("JAMnews",)
    assert "Sergey Lavrov" in dash.graph and "Igor Korotchenko" not in dash.graph
    assert dash.graph.graph["outlets"] == "JAMnews"
    dash.controls["unit"].value = "document"
    assert dash.graph.graph["unit"] == "document"
    assert set(dash.table["actor"]) == set(dash.graph)


def test_centrality_of_a_large_network_is_of_its_most_mentioned_actors(seed_corpus, tmp_path,
                                                                          monkeypatch):
    """Past METRIC_ACTORS actors the table ranks the most mentioned ones, and says so."""
    from workbench.networks import metrics
    from workbench.plots.networks import most_mentioned
    from workbench.widgets import networks

    monkeypatch.setattr(networks, "METRIC_ACTORS", 6)
    dash = networks_dash(seed_corpus, tmp_path / "exports")
    assert len(dash.graph) > 6 and len(dash.table) == 6
    assert set(dash.table["actor"]) == set(most_mentioned(dash.graph, 6))
    pd.testing.assert_frame_equal(dash.table, metrics(most_mentioned(dash.graph, 6)))
    assert dash.table.attrs["among"] == f"among the 6 most mentioned of {len(dash.graph)} actors"


def test_types_min_weight_and_metonym_switch_are_applied(dash):
    dash.controls["types"].value = ("person",)
    assert {d["type"] for _, d in dash.graph.nodes(data=True)} <= {"person"}
    dash.controls["types"].value = ("state", "place")
    dash.controls["min_weight"].value = 5
    assert all(d["weight"] >= 5 for *_, d in dash.graph.edges(data=True))
    dash.controls["metonyms"].value = False
    assert dash.graph.graph["metonyms"] is False
    assert "metonym" not in set(dash.mentions["kind"])


def test_focus_actor_draws_its_ego_network_and_an_edge_shows_its_evidence(dash):
    dash.controls["focus"].value = "Sergey Lavrov"
    assert "Jeyhun Bayramov" in dash.drawn and len(dash.drawn) < len(dash.graph)
    options = dict((v, k) for k, v in dash.controls["edge"].options if v)
    edge = next(e for e in options if set(e) == {"Jeyhun Bayramov", "Sergey Lavrov"})
    dash.controls["edge"].value = edge
    assert len(dash.evidence) == 5
    dash.controls["focus"].value = WHOLE
    assert dash.drawn is dash.graph


def test_date_range_narrows_the_documents(dash):
    april = dash.controls["dates"].months.index(pd.Period("2024-04", freq="M"))
    dash.controls["dates"].index = (april, april)  # the Trend interview, 23 April 2024
    assert "Igor Korotchenko" in dash.graph and "Sergey Lavrov" not in dash.graph
    assert dash.graph.graph["documents"] == 1  # not AzerNews too: it is dated to 2024 alone
    assert " · 1 document · " in dash._title("(whole network)")


def test_export_button_writes_every_format(dash):
    dash.controls["export"].click()
    assert {"gexf", "graphml", "nodes", "edges", "settings"} == set(dash.exported)
    assert all(p.exists() for p in dash.exported.values())


def test_mentions_found_in_the_notebook_are_reused_for_their_switches(seed_corpus, tmp_path):
    from workbench.actors import find_mentions

    found = find_mentions(seed_corpus, ACTORS, metonyms=False, discovery=PROJECT.discovery())
    dash = networks_dash(seed_corpus, tmp_path, mentions=found)
    assert dash.mentions is not found  # the dashboard starts with metonyms on
    dash.controls["metonyms"].value = False
    assert dash.mentions is found and dash.graph.graph["metonyms"] is False
