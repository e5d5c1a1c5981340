"""Export an actor network for Gephi, Cytoscape or a spreadsheet, with the settings that made it."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd


def export_network(G: nx.Graph, folder: str | Path, *, name: str = "actor-network") -> dict:
    """Write GEXF, GraphML, node and edge CSVs and a settings JSON; return their paths.

    The settings (`G.graph`) travel as GraphML graph attributes, as the GEXF graph name, and in
    `<name>-settings.json` beside the CSVs.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in G.graph.items() if k != "name"}
    paths = {ext: folder / f"{name}.{ext}" for ext in ("gexf", "graphml")}
    paths |= {"nodes": folder / f"{name}-nodes.csv", "edges": folder / f"{name}-edges.csv",
              "settings": folder / f"{name}-settings.json"}
    described = G.copy()
    described.graph["name"] = "; ".join(f"{k}={v}" for k, v in settings.items())
    nx.write_gexf(described, paths["gexf"])
    nx.write_graphml(G, paths["graphml"])
    nodes = pd.DataFrame([{"id": n, **d} for n, d in G.nodes(data=True)])
    edges = nx.to_pandas_edgelist(G)
    nodes.to_csv(paths["nodes"], index=False)
    edges.to_csv(paths["edges"], index=False)
    paths["settings"].write_text(json.dumps(settings, indent=2, default=str), encoding="utf-8")
    return paths
