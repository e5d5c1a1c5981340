"""Read an actor network: centrality and communities, ego networks, and two networks compared."""

from __future__ import annotations

import igraph
import networkx as nx
import numpy as np
import pandas as pd

from ..corpus import Corpus
from .build import build_network

METRIC_COLUMNS = ["actor", "type", "discovered", "mentions", "degree", "weighted_degree",
                  "betweenness", "eigenvector", "community"]


def metrics(G: nx.Graph, *, seed: int = 42) -> pd.DataFrame:
    """One row per actor, most central first.

    Columns: actor, type, discovered (not in the dictionary), mentions, degree (neighbours),
    weighted_degree (sum of edge weights), betweenness (share of shortest paths through the
    actor; an edge's length is 1/weight), eigenvector (being tied to well-tied actors),
    community (Louvain, numbered from the largest, reproducible through `seed`).
    """
    if G.number_of_nodes() == 0:
        return pd.DataFrame(columns=METRIC_COLUMNS)
    g = _igraph(G)
    betweenness, eigenvector = _betweenness(g), _eigenvector(g)
    communities = sorted(nx.community.louvain_communities(G, weight="weight", seed=seed),
                         key=lambda c: (-len(c), min(c)))
    community = {n: i for i, c in enumerate(communities) for n in c}
    rows = [{"actor": n, "type": d.get("type"), "discovered": d.get("discovered", False),
             "mentions": d.get("mentions", 0),
             "degree": G.degree(n), "weighted_degree": G.degree(n, weight="weight"),
             "betweenness": betweenness[n], "eigenvector": eigenvector.get(n, 0.0),
             "community": community[n]} for n, d in G.nodes(data=True)]
    return pd.DataFrame(rows, columns=METRIC_COLUMNS).sort_values(
        ["weighted_degree", "mentions", "actor"], ascending=[False, False, True],
        ignore_index=True)


def _igraph(G: nx.Graph) -> igraph.Graph:
    """`G` as an igraph graph with the same node order and vertex "name"; edge "distance"
    (1/weight, an edge's length) and "strength" (the weight, negative PMI counted as 0)."""
    index = {n: i for i, n in enumerate(G)}
    weights = [w for *_, w in G.edges(data="weight")]
    return igraph.Graph(n=len(index), edges=[(index[a], index[b]) for a, b in G.edges()],
                        vertex_attrs={"name": list(G)}, edge_attrs={
                            "distance": [1 / w if w > 0 else float("inf") for w in weights],
                            "strength": [max(w, 0.0) for w in weights]})


def _betweenness(g: igraph.Graph) -> dict:
    """Normalised betweenness, an edge's length being 1/weight (= networkx's
    `betweenness_centrality`), computed by igraph: 60x faster (15 s -> 0.25 s on 732 actors),
    and paths of equal length up to rounding count as ties."""
    raw = g.betweenness(weights="distance", directed=False)
    pairs = (g.vcount() - 1) * (g.vcount() - 2) / 2
    return {n: v / pairs if pairs else 0.0 for n, v in zip(g.vs["name"], raw, strict=True)}


def _eigenvector(g: igraph.Graph) -> dict:
    """Weighted eigenvector centrality per connected component (0 for isolates), each
    component's unit vector scaled by its share of the actors (as networkx scales it).
    Negative weights (PMI below chance) count as 0: the measure needs weights >= 0."""
    scores = {}
    for members in g.connected_components():
        sub = g.induced_subgraph(members)
        part = np.zeros(len(members))
        if len(members) > 1 and max(sub.es["strength"]) > 0:
            part = np.abs(sub.eigenvector_centrality(weights="strength"))
            part *= len(members) / g.vcount() / np.linalg.norm(part)
        scores |= dict(zip(sub.vs["name"], part.tolist(), strict=True))
    return scores


def ego_network(G: nx.Graph, actor: str, *, radius: int = 1) -> nx.Graph:
    """The actor, its neighbours within `radius` steps, and the edges among them."""
    if actor not in G:
        known = ", ".join(sorted(G)[:10])
        raise ValueError(f"actor {actor!r} is not in the network; expected one of {known}, ... "
                         "(check the filters or the spelling in data/actors.csv)")
    return nx.ego_graph(G, actor, radius=radius)


def most_mentioned(G: nx.Graph) -> str | None:
    """The actor of `G` with most mentions (node attribute `mentions`; ties by name), None for an
    empty network: notebook 03's default focus, so it runs on any corpus."""
    ranked = sorted(G.nodes(data="mentions", default=0), key=lambda node: (-node[1], str(node[0])))
    return ranked[0][0] if ranked else None


def strongest_neighbour(G: nx.Graph, actor: str) -> str | None:
    """The neighbour joined to `actor` by the heaviest edge (`weight`; ties by name), None when
    it has none: with `most_mentioned`, the edge whose evidence notebook 03 shows by default."""
    ranked = sorted(G[actor].items(), key=lambda item: (-item[1].get("weight", 0), str(item[0])))
    return ranked[0][0] if ranked else None


def compare(first: nx.Graph, second: nx.Graph, *, labels: tuple[str, str] = ("first", "second"),
            ) -> pd.DataFrame:
    """Edges side by side: weight in each network, difference, and where the edge stands out.

    Columns: source, target, weight_<a>, weight_<b>, difference (a - b), status (only in a |
    only in b | stronger in a | stronger in b | equal), largest differences first.
    """
    a, b = labels
    frames = [nx.to_pandas_edgelist(g)[["source", "target", "weight"]].rename(
        columns={"weight": f"weight_{label}"}) if g.number_of_edges() else
        pd.DataFrame(columns=["source", "target", f"weight_{label}"])
        for g, label in ((first, a), (second, b))]
    for f in frames:
        f[["source", "target"]] = pd.DataFrame(
            [sorted(pair) for pair in zip(f["source"], f["target"], strict=True)],
            index=f.index, columns=["source", "target"]) if len(f) else f[["source", "target"]]
    out = frames[0].merge(frames[1], on=["source", "target"], how="outer")
    wa, wb = out[f"weight_{a}"].astype("float64"), out[f"weight_{b}"].astype("float64")
    out["difference"] = wa.fillna(0) - wb.fillna(0)
    out["status"] = "equal"
    out.loc[out["difference"] > 0, "status"] = f"stronger in {a}"
    out.loc[out["difference"] < 0, "status"] = f"stronger in {b}"
    out.loc[wb.isna(), "status"] = f"only in {a}"
    out.loc[wa.isna(), "status"] = f"only in {b}"
    order = out["difference"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)


def compare_networks(corpus: Corpus, mentions: pd.DataFrame, first: dict, second: dict, *,
                     labels: tuple[str, str] | None = None, **settings) -> pd.DataFrame:
    """Build two networks that differ only in their filters and `compare` them, e.g.
    `compare_networks(corpus, mentions, {"outlets": ["Trend"]}, {"outlets": ["JAMnews"]},
    labels=("Trend", "JAMnews"), unit="sentence")`."""
    labels = labels or ("first", "second")
    return compare(build_network(corpus, mentions, **settings, **first),
                   build_network(corpus, mentions, **settings, **second), labels=labels)
