"""Notebook 03's defaults come from the network: the actor mentioned most, and the actor it is
linked to most often (the edge whose evidence the notebook shows)."""

from __future__ import annotations

import networkx as nx
from seed_paths import PROJECT

from workbench.actors import find_mentions
from workbench.networks import build_network, most_mentioned, strongest_neighbour


def test_the_seed_networks_default_actor_and_edge(seed_corpus):
    mentions = find_mentions(seed_corpus, PROJECT.actors())
    G = build_network(seed_corpus, mentions, unit="sentence", min_weight=2)
    counts = mentions.actor.value_counts()
    assert most_mentioned(G) == "Azerbaijan" == counts.index[0]
    weights = {n: G.edges["Azerbaijan", n]["weight"] for n in G["Azerbaijan"]}
    assert strongest_neighbour(G, "Azerbaijan") == "Russia" == max(weights, key=weights.get)


def test_ties_go_by_name_and_an_empty_network_has_no_default():
    G = nx.Graph()
    assert most_mentioned(G) is None
    G.add_node("B", mentions=3)
    assert strongest_neighbour(G, "B") is None  # no edge
    G.add_node("A", mentions=3)
    G.add_edge("B", "D", weight=2.0)
    G.add_edge("B", "C", weight=2.0)
    assert most_mentioned(G) == "A" and strongest_neighbour(G, "B") == "C"
