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
    assert set(dash.outputs["network"].graph) == set(dash.drawn)  # the canvas draws the ego network
    dash.click_edge("Sergey Lavrov", "Jeyhun Bayramov")
    assert len(dash.evidence) == 5
    dash.controls["focus"].value = WHOLE
    assert dash.drawn is dash.graph


def test_a_click_on_a_node_lists_its_links_and_only_its_neighbours_to_choose(dash):
    sigma = dash.outputs["network"].sigma
    sigma.selected_node = "Sergey Lavrov"  # what the canvas sets when the node is clicked
    assert dash.value("actor") == "Sergey Lavrov" and dash.value("neighbour") is None
    links = dash.graph["Sergey Lavrov"]
    assert set(dash.edges["actor"]) == {"Sergey Lavrov"}
    assert set(dash.edges["linked to"]) == set(links) and "Jeyhun Bayramov" in set(links)
    assert dash.edges.set_index("linked to")["weight"].to_dict() == {
        b: data["weight"] for b, data in links.items()}
    assert dash.edges["weight"].is_monotonic_decreasing  # strongest first
    assert dash.outputs["edges"].caption.value.startswith("Links of Sergey Lavrov")
    # the keyboard way lists the actor's neighbours, never every edge of the network
    assert [v for _, v in dash.controls["neighbour"].options] == [None, *dash.edges["linked to"]]
    assert len(dash.controls["neighbour"].options) - 1 < dash.graph.number_of_edges()
    assert dash.outputs["network"].sigma is sigma  # the canvas shows the click already: not redrawn


def test_a_click_on_an_edge_shows_its_evidence_and_each_row_names_both_actors(dash):
    sigma = dash.outputs["network"].sigma
    sigma.selected_edge = ("Jeyhun Bayramov", "Sergey Lavrov")  # as the canvas sets it
    sigma.selected_node = None
    assert (dash.value("actor"), dash.value("neighbour")) == ("Jeyhun Bayramov", "Sergey Lavrov")
    assert len(dash.evidence) == 5
    assert all("Bayramov" in s and "Lavrov" in s for s in dash.evidence["sentence"])
    assert set(zip(dash.evidence.source, dash.evidence.target)) == {("Jeyhun Bayramov",
                                                                     "Sergey Lavrov")}
    shown = dash.outputs["evidence"]
    assert shown.caption.value.startswith("Evidence of Jeyhun Bayramov — Sergey Lavrov · 5 rows")
    assert "Sergey Lavrov" in set(dash.edges["linked to"])  # Bayramov's links are listed too
    dash.click_node("Sergey Lavrov")  # an edge clicked from a chosen actor keeps it chosen
    sigma = dash.outputs["network"].sigma
    sigma.selected_edge, sigma.selected_node = ("Jeyhun Bayramov", "Sergey Lavrov"), None
    assert (dash.value("actor"), dash.value("neighbour")) == ("Sergey Lavrov", "Jeyhun Bayramov")
    assert len(dash.evidence) == 5


def test_typing_an_actor_and_choosing_a_neighbour_is_a_click(dash, seed_corpus, tmp_path):
    dash.controls["actor"].value = "Sergey Lavrov"
    dash.controls["neighbour"].value = "Jeyhun Bayramov"
    typed = dash.evidence
    sigma = dash.outputs["network"].sigma
    assert set(sigma.selected_edge) == {"Sergey Lavrov", "Jeyhun Bayramov"}  # shown on the canvas
    clicked = networks_dash(seed_corpus, tmp_path / "other")
    clicked.click_edge("Sergey Lavrov", "Jeyhun Bayramov")
    pd.testing.assert_frame_equal(clicked.evidence, typed)
    assert clicked.value("actor") == "Sergey Lavrov"
    with pytest.raises(ValueError, match="Sergey Lavrov is not linked to Vladimir Putin"):
        dash.click_edge("Sergey Lavrov", "Vladimir Putin")
    dash.controls["actor"].value = "lavrov"  # not a name in the network: the names holding it
    assert dash.edges.empty and dash.evidence.empty
    assert "actors named so: Sergey Lavrov" in dash.outputs["edges"].caption.value


def test_the_actors_keep_their_places_when_the_filters_change(dash):
    before = dash.outputs["network"].sigma.layout
    dash.controls["outlets"].value = ("JAMnews",)
    after = dash.outputs["network"].sigma.layout
    kept = set(before) & set(after)
    assert kept and set(after) != set(before)  # some actors left the drawing, some stayed
    assert {a: after[a] for a in kept} == {a: before[a] for a in kept}
    dash.click_node("Sergey Lavrov")
    dash.controls["unit"].value = "document"  # the chosen actor stays chosen, its links redone
    assert dash.value("actor") == "Sergey Lavrov"
    assert set(dash.edges["linked to"]) == set(dash.graph["Sergey Lavrov"])
    assert dash.outputs["network"].sigma.selected_node == "Sergey Lavrov"
    dash.click_edge("Sergey Lavrov", "Jeyhun Bayramov")
    dash.controls["unit"].value = "sentence"  # the chosen edge stays chosen, its evidence redone
    assert dash.value("neighbour") == "Jeyhun Bayramov"
    assert dash.evidence["unit"].str.contains("#").all()  # per sentence: "<doc_id>#<sent_id>"
    dash.click_node("Sergey Lavrov")  # another click on the actor: no edge chosen
    assert dash.value("neighbour") is None and dash.evidence.empty


def test_the_canvas_is_handed_no_attribute_named_after_an_outlet(dash):
    """ipysigma shows attribute names unescaped: only the workbench's own names are handed on
    (the network's nodes carry a count per outlet, named after the outlet)."""
    assert any(k.startswith("mentions[") for _, d in dash.graph.nodes(data=True) for k in d)
    data = dash.outputs["network"].sigma.data
    names = {k for n in data["nodes"] for k in n["attributes"]}
    assert names == {"type", "mentions", "discovered", "color", "outline"}
    assert {k for e in data["edges"] for k in e["attributes"]} == {"weight", "count", "pmi",
                                                                   "jaccard"}


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


def test_a_focus_actor_is_typed_and_a_name_not_in_the_network_names_the_actors_like_it(dash):
    assert isinstance(dash.controls["focus"].value, str)  # typed: no list of every actor
    dash.controls["focus"].value = "Lavrov"
    assert "“Lavrov” is not in this network; actors named so: Sergey Lavrov" in dash.message.value
    dash.controls["focus"].value = " Sergey Lavrov "
    assert dash.error is None and "Jeyhun Bayramov" in dash.drawn
    dash.controls["min_weight"].value = 1000  # no edge left: the actor is filtered out
    assert dash.value("focus") == WHOLE and dash.drawn is dash.graph
