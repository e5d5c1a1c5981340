"""The network figure: nodes sized by mentions and coloured by type, a layout that keeps actors
where they were, and the largest actors only when the network is large."""

from __future__ import annotations

import networkx as nx
import numpy as np

from workbench.plots.networks import TYPE_COLOURS, draw_network, most_mentioned, network_layout


def _network(n: int) -> nx.Graph:
    G = nx.Graph()
    for i in range(n):
        G.add_node(f"actor {i:03d}", type="state" if i % 2 else "person", mentions=n - i)
    G.add_edges_from((f"actor {i:03d}", f"actor {(i + 1) % n:03d}", {"weight": 1 + i % 3})
                     for i in range(n))
    return G


def test_a_filtered_view_keeps_the_actors_where_the_whole_network_put_them():
    G = _network(12)
    whole = network_layout(G)
    part = network_layout(G.subgraph(list(G)[:5]), previous=whole)
    assert all(np.allclose(part[n], whole[n]) for n in part)


def test_a_large_network_draws_its_most_mentioned_actors_and_says_so():
    fig = draw_network(_network(30), title="All outlets", max_nodes=10, max_labels=4)
    ax = fig.axes[0]
    assert ax.get_title() == "All outlets — showing the 10 most mentioned of 30 actors"
    labels = {t.get_text() for t in ax.texts}
    assert labels == {"actor 000", "actor 001", "actor 002", "actor 003"}
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert legend == {"state", "person"} and set(TYPE_COLOURS) >= legend


def test_an_empty_network_says_that_no_actor_matches():
    fig = draw_network(nx.Graph())
    assert [t.get_text() for t in fig.axes[0].texts] == ["No actors match these filters."]


def test_only_the_most_mentioned_actors_need_a_layout():
    """The dashboard lays out what the figure draws: laying out thousands of discovered actors
    took minutes on Current Events."""
    G = _network(30)
    top = most_mentioned(G, 10)
    assert sorted(top) == [f"actor {i:03d}" for i in range(10)]
    assert most_mentioned(G, 40) is G


def test_the_layout_of_a_large_network_places_its_most_mentioned_and_a_drawing_the_rest(
        monkeypatch):
    """Laying out every one of Current Events' thousands of actors took 70 s; a view that draws
    an actor left out is placed around the ones laid out, which stay where they were."""
    from workbench.plots import networks

    monkeypatch.setattr(networks, "LAID_OUT", 10)
    G = _network(30)
    whole = network_layout(G)
    assert sorted(whole) == [f"actor {i:03d}" for i in range(10)]
    view = G.subgraph([f"actor {i:03d}" for i in range(5, 15)])
    placed = network_layout(view, previous=whole)
    assert set(placed) == set(view)
    assert all(np.allclose(placed[n], whole[n]) for n in view if n in whole)
    assert draw_network(view, pos=whole).axes[0].collections  # drawn, nothing missing
