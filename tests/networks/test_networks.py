"""Co-occurrence networks on the seeds: hand-counted edges, filters, metrics, evidence, export."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from types import SimpleNamespace

import networkx as nx
import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench.actors import find_mentions
from workbench.index import outlet_of
from workbench.networks import (
    build_network,
    compare_networks,
    cooccurrence,
    ego_network,
    evidence,
    export_network,
    metrics,
)

ACTORS = PROJECT.actors()


@pytest.fixture(scope="module")
def mentions(seed_corpus):
    return find_mentions(seed_corpus, ACTORS)


def weight(G, a, b, attr="count"):
    return G.edges[a, b][attr] if G.has_edge(a, b) else 0


@pytest.mark.parametrize(("outlet", "a", "b", "unit", "count"), [
    # read off the article: the five sentences naming both ministers
    ("JAMnews", "Jeyhun Bayramov", "Sergey Lavrov", "sentence", 5),
    # "signed by ... Ilham Aliyev and ... Vladimir Putin", "between President Ilham Aliyev and
    # President Vladimir Putin", "President Ilham Aliyev ... prior to negotiations with ... Putin"
    ("Trend", "Ilham Aliyev", "Vladimir Putin", "sentence", 3),
    ("Trend", "Ilham Aliyev", "Vladimir Putin", "paragraph", 3),
    # "The Azerbaijani president's father, Heydar Aliyev": a title and a name, two people
    ("Trend", "Heydar Aliyev", "Ilham Aliyev", "sentence", 1),
    ("Trend", "Antony Blinken", "Ursula von der Leyen", "document", 1),
])
def test_edge_weights_equal_hand_counted_cooccurrences(seed_corpus, mentions, outlet, a, b, unit, count):
    G = build_network(seed_corpus, mentions, unit=unit, outlets=[outlet])
    assert weight(G, a, b) == count


def test_every_seed_pairs_azerbaijan_with_russia_at_document_level(seed_corpus, mentions):
    G = build_network(seed_corpus, mentions, unit="document")
    assert weight(G, "Azerbaijan", "Russia") == 5


def test_pmi_and_jaccard_follow_their_formulas():
    corpus = SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d"], "n_tokens": [40]}),
        sentences=pd.DataFrame({"doc_id": ["d"] * 4, "sent_id": range(4)}))
    rows = [(0, "A"), (0, "B"), (1, "A"), (2, "B"), (2, "C"), (3, "A"), (3, "B")]
    m = pd.DataFrame([{"doc_id": "d", "sent_id": s, "start": i, "end": i + 1, "actor": a,
                       "type": "state", "kind": "name"} for i, (s, a) in enumerate(rows)])
    edges = cooccurrence(corpus, m, unit="sentence").set_index(["source", "target"])
    ab = edges.loc[("A", "B")]
    assert ab["count"] == 2
    assert ab["pmi"] == pytest.approx(math.log2(2 * 4 / (3 * 3)))
    assert ab["jaccard"] == pytest.approx(2 / (3 + 3 - 2))


def test_window_counts_mention_pairs_fewer_than_n_tokens_apart(seed_corpus, mentions):
    near = cooccurrence(seed_corpus, mentions, unit="window", window=3)
    far = cooccurrence(seed_corpus, mentions, unit="window", window=30)
    pair = ("Jeyhun Bayramov", "Sergey Lavrov")
    count = {name: e.set_index(["source", "target"]).loc[pair, "count"]
             for name, e in (("near", near), ("far", far))}
    assert 0 < count["near"] < count["far"]
    assert near["jaccard"].isna().all()


def test_filters_keep_only_the_chosen_outlets_dates_and_types(seed_corpus, mentions):
    jam = build_network(seed_corpus, mentions, outlets=["JAMnews"])
    assert "Sergey Lavrov" in jam and "Igor Korotchenko" not in jam
    recent = build_network(seed_corpus, mentions, start="2024-01-01")
    assert "Igor Korotchenko" in recent and "Sergey Lavrov" not in recent
    people = build_network(seed_corpus, mentions, types=["person"])
    assert {d["type"] for _, d in people.nodes(data=True)} == {"person"}
    strong = build_network(seed_corpus, mentions, min_weight=10)
    assert all(d["count"] >= 10 for *_, d in strong.edges(data=True))
    assert all(strong.degree(n) > 0 for n in strong)


def test_a_document_without_outlet_is_its_own_group(seed_corpus):
    outlets = outlet_of(seed_corpus.documents)
    assert outlets["004_3e57617027b9e7e9"] == "004_3e57617027b9e7e9"


def test_nodes_carry_mentions_per_outlet(seed_corpus, mentions):
    G = build_network(seed_corpus, mentions)
    lavrov = G.nodes["Sergey Lavrov"]
    assert lavrov["type"] == "person" and lavrov["mentions"] == lavrov["mentions[JAMnews]"] > 5


def test_metrics_answer_who_is_central_and_are_reproducible(seed_corpus, mentions):
    G = build_network(seed_corpus, mentions)
    table = metrics(G)
    assert list(table.columns) == ["actor", "type", "discovered", "mentions", "degree",
                                   "weighted_degree",
                                   "betweenness", "eigenvector", "community"]
    assert set(table["actor"].head(2)) == {"Azerbaijan", "Russia"}
    pd.testing.assert_frame_equal(table, metrics(G))


@pytest.mark.parametrize("weight", ["count", "pmi", "karate"])
def test_betweenness_is_brandes_over_inverse_weights_with_exact_ties(seed_corpus, mentions,
                                                                      weight):
    """networkx on exact fractions is the reference: summed in floats, path lengths that are
    equal can differ in the last bit (on Zachary's karate club networkx's own float result is
    off by 0.002), and a tie must count every shortest path."""
    G = (nx.karate_club_graph() if weight == "karate" else
         build_network(seed_corpus, mentions, weight=weight, min_weight=0.01))
    exact = G.copy()
    for _, _, d in exact.edges(data=True):
        d["distance"] = Fraction(d["weight"]).limit_denominator(10**6) ** -1
    expected = nx.betweenness_centrality(exact, weight="distance")
    table = metrics(G).set_index("actor").betweenness
    assert table.max() > 0.1
    assert all(math.isclose(table[n], expected[n], abs_tol=1e-9) for n in G)


def test_ego_network_holds_the_actor_and_its_neighbours(seed_corpus, mentions):
    G = build_network(seed_corpus, mentions)
    ego = ego_network(G, "Sergey Lavrov")
    assert {"Sergey Lavrov", "Jeyhun Bayramov"} <= set(ego) and len(ego) < len(G)
    with pytest.raises(ValueError, match="'Nobody' is not in the network"):
        ego_network(G, "Nobody")


def test_two_outlets_and_two_periods_are_compared(seed_corpus, mentions):
    outlets = compare_networks(seed_corpus, mentions, {"outlets": ["Trend"]},
                               {"outlets": ["JAMnews"]}, labels=("Trend", "JAMnews"))
    status = outlets.set_index(["source", "target"])["status"]
    assert status[("Jeyhun Bayramov", "Sergey Lavrov")] == "only in JAMnews"
    assert status[("Ilham Aliyev", "Vladimir Putin")] == "only in Trend"
    periods = compare_networks(seed_corpus, mentions, {"end": "2022-12-31"},
                               {"start": "2023-01-01"}, labels=("2022", "2024"))
    row = periods.set_index(["source", "target"]).loc[("Azerbaijan", "Russia")]
    assert row["weight_2022"] > 0 and row["weight_2024"] > 0


def test_evidence_gives_the_sentences_behind_an_edge(seed_corpus, mentions):
    rows = evidence(seed_corpus, mentions, "Sergey Lavrov", "Jeyhun Bayramov")
    assert len(rows) == 5 and set(rows["outlet"]) == {"JAMnews"}
    assert all("Bayramov" in s and "Lavrov" in s for s in rows["sentence"])


def test_exports_read_back_with_networkx_and_carry_the_settings(seed_corpus, mentions,
                                                                tmp_path):
    G = build_network(seed_corpus, mentions, unit="paragraph", min_weight=2)
    paths = export_network(G, tmp_path)
    for read in (nx.read_gexf(paths["gexf"]), nx.read_graphml(paths["graphml"])):
        assert set(read) == set(G) and read.number_of_edges() == G.number_of_edges()
    graphml = nx.read_graphml(paths["graphml"])
    assert graphml.graph["unit"] == "paragraph" and graphml.graph["min_weight"] == 2
    assert "unit=paragraph" in nx.read_gexf(paths["gexf"]).graph["name"]
    edges = pd.read_csv(paths["edges"])
    assert len(edges) == G.number_of_edges() and {"count", "pmi", "jaccard"} <= set(edges)
    assert len(pd.read_csv(paths["nodes"])) == len(G)
    settings = json.loads(paths["settings"].read_text())
    assert settings["unit"] == "paragraph" and settings["adjectives"] is True


def test_a_discovered_actor_is_a_node_flagged_discovered(seed_corpus):
    found = find_mentions(seed_corpus, ACTORS, discovery=PROJECT.discovery())
    G = build_network(seed_corpus, found, unit="sentence")
    assert G.nodes["Russian border guards"]["discovered"] is True
    assert G.nodes["Russia"]["discovered"] is False
    table = metrics(G).set_index("actor")
    assert table.loc["Russian border guards", "discovered"]
    assert G.graph["discovered"] is True
