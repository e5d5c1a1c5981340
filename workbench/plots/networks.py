"""Draw an actor network: size by mentions, colour by type, a dark outline for a discovered actor,
width by weight, a stable layout."""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

TYPE_COLOURS = {"state": "#d62728", "person": "#1f77b4", "organisation": "#2ca02c",
                "group": "#9467bd", "place": "#8c564b"}
OTHER_COLOUR = "#7f7f7f"
DISCOVERED_EDGE = "#222222"  # the outline of an actor the dictionary does not list
LAID_OUT = 500  # actors a layout places at most: the most mentioned


def network_layout(G: nx.Graph, *, seed: int = 7, previous: dict | None = None) -> dict:
    """Node positions; nodes already placed in `previous` stay put, so views do not jump.

    Compute it once on the full network and pass it back as `previous` for filtered views.
    A network of more than `LAID_OUT` actors places its `LAID_OUT` most mentioned (a drawing
    shows at most 150); `draw_network` places any other it draws beside them (laying out all
    of Current Events' thousands of actors took 70 s).
    """
    G = most_mentioned(G, LAID_OUT)
    previous = previous or {}
    fixed = [n for n in G if n in previous]
    if G.number_of_nodes() == 0 or len(fixed) == len(G):
        return {n: previous[n] for n in fixed}
    pos = nx.spring_layout(G, pos={n: previous[n] for n in fixed} or None, fixed=fixed or None,
                           seed=seed, weight=None, k=2 / np.sqrt(len(G)), iterations=100)
    return {n: np.asarray(p) for n, p in pos.items()}


def _by_mentions(G: nx.Graph) -> list:
    """The actors, most mentioned first (ties by name)."""
    return sorted(G, key=lambda n: (-G.nodes[n].get("mentions", 0), n))


def most_mentioned(G: nx.Graph, max_nodes: int = 150) -> nx.Graph:
    """The network of its `max_nodes` most mentioned actors (all of it when it is smaller): what
    `draw_network` draws, and all that needs a layout."""
    return G if len(G) <= max_nodes else G.subgraph(_by_mentions(G)[:max_nodes])


def draw_network(G: nx.Graph, *, pos: dict | None = None, seed: int = 7, title: str = "",
                 max_nodes: int = 150, max_labels: int = 40) -> Figure:
    """The network as a figure; past `max_nodes` only the most mentioned actors are drawn
    (the title says so), and only the `max_labels` most mentioned are labelled."""
    fig, ax = plt.subplots(figsize=(10, 8), layout="constrained")
    ax.set_axis_off()
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No actors match these filters.", ha="center", va="center")
        return fig
    by_mentions = _by_mentions(G)
    if len(G) > max_nodes:
        title = f"{title} — showing the {max_nodes} most mentioned of {len(G)} actors".strip(" —")
    G = most_mentioned(G, max_nodes)
    pos = network_layout(G, seed=seed, previous=pos)
    mentions = np.array([G.nodes[n].get("mentions", 1) for n in G], dtype=float)
    sizes = 80 + 1500 * np.sqrt(mentions / mentions.max())
    colours = [TYPE_COLOURS.get(G.nodes[n].get("type"), OTHER_COLOUR) for n in G]
    weights = np.array([d.get("weight", 1.0) for *_, d in G.edges(data=True)], dtype=float)
    if len(weights):
        span = np.ptp(weights) or 1.0
        widths = 0.5 + 6 * (weights - weights.min()) / span
        nx.draw_networkx_edges(G, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555555")
    found = [bool(G.nodes[n].get("discovered")) for n in G]
    nx.draw_networkx_nodes(G, pos, ax=ax, node_size=sizes, node_color=colours, alpha=0.85,
                           linewidths=[2.0 if f else 0.5 for f in found],
                           edgecolors=[DISCOVERED_EDGE if f else "white" for f in found])
    labelled = [n for n in by_mentions if n in G][:max_labels]
    nx.draw_networkx_labels(G, pos, labels={n: n for n in labelled}, ax=ax, font_size=8,
                            bbox={"facecolor": "white", "alpha": 0.6, "linewidth": 0, "pad": 1})
    present = {G.nodes[n].get("type") for n in G}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=colour, label=kind)
               for kind, colour in TYPE_COLOURS.items() if kind in present]
    if any(found):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=9, color="white",
                              markeredgecolor=DISCOVERED_EDGE, markeredgewidth=2,
                              label="discovered (not in the dictionary)"))
    ax.legend(handles=handles, title="actor type (size = mentions, width = edge weight)",
              loc="lower left", fontsize=8, title_fontsize=8, frameon=False)
    ax.set_title(title or "Actor co-occurrence network")
    return fig
