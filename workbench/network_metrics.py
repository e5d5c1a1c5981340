"""Read an actor network: centrality and communities, ego networks, and two networks compared."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .networks import build_network

METRIC_COLUMNS = ["actor", "type", "mentions", "degree", "weighted_degree", "betweenness",
                  "eigenvector", "community"]


def metrics(G: nx.Graph, *, seed: int = 42) -> pd.DataFrame:
    """One row per actor, most central first.

    Columns: actor, type, mentions, degree (neighbours), weighted_degree (sum of edge
    weights), betweenness (share of shortest paths through the actor; an edge's length is
    1/weight), eigenvector (being tied to well-tied actors), community (Louvain, numbered from
    the largest, reproducible through `seed`).
    """
    if G.number_of_nodes() == 0:
        return pd.DataFrame(columns=METRIC_COLUMNS)
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["distance"] = 1 / d["weight"] if d["weight"] > 0 else float("inf")
    betweenness = nx.betweenness_centrality(H, weight="distance")
    eigenvector = _eigenvector(H)
    communities = sorted(nx.community.louvain_communities(H, weight="weight", seed=seed),
                         key=lambda c: (-len(c), min(c)))
    community = {n: i for i, c in enumerate(communities) for n in c}
    rows = [{"actor": n, "type": d.get("type"), "mentions": d.get("mentions", 0),
             "degree": H.degree(n), "weighted_degree": H.degree(n, weight="weight"),
             "betweenness": betweenness[n], "eigenvector": eigenvector.get(n, 0.0),
             "community": community[n]} for n, d in H.nodes(data=True)]
    return pd.DataFrame(rows, columns=METRIC_COLUMNS).sort_values(
        ["weighted_degree", "mentions", "actor"], ascending=[False, False, True],
        ignore_index=True)


def _eigenvector(G: nx.Graph) -> dict:
    """Eigenvector centrality per connected component (0 for isolates), weighted."""
    scores = {}
    for nodes in nx.connected_components(G):
        if len(nodes) < 2:
            scores |= dict.fromkeys(nodes, 0.0)
            continue
        part = nx.eigenvector_centrality(G.subgraph(nodes), weight="weight", max_iter=1000)
        scores |= {n: v * len(nodes) / len(G) for n, v in part.items()}
    return scores


def ego_network(G: nx.Graph, actor: str, *, radius: int = 1) -> nx.Graph:
    """The actor, its neighbours within `radius` steps, and the edges among them."""
    if actor not in G:
        known = ", ".join(sorted(G)[:10])
        raise ValueError(f"actor {actor!r} is not in the network; expected one of {known}, ... "
                         "(check the filters or the spelling in data/actors.csv)")
    return nx.ego_graph(G, actor, radius=radius)


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


def compare_networks(corpus, mentions: pd.DataFrame, first: dict, second: dict, *,
                     labels: tuple[str, str] | None = None, **settings) -> pd.DataFrame:
    """Build two networks that differ only in their filters and `compare` them.

    >>> compare_networks(corpus, mentions, {"outlets": ["Trend"]}, {"outlets": ["JAMnews"]},
    ...                  labels=("Trend", "JAMnews"), unit="sentence")  # doctest: +SKIP
    """
    labels = labels or ("first", "second")
    return compare(build_network(corpus, mentions, **settings, **first),
                   build_network(corpus, mentions, **settings, **second), labels=labels)
