"""Actor co-occurrence networks: who is put next to whom, how strongly, and where.

Nodes are actors; an edge joins two actors mentioned in the same unit (sentence, paragraph,
document, or a window of N tokens). Formulas: docs/methods/networks.md, "Co-occurrence".
"""

from __future__ import annotations

from typing import Literal, get_args

import networkx as nx
import numpy as np
import pandas as pd

from ..corpus import Corpus, schema
from ..corpus.options import check_option
from ..index.axis import select_documents
from ..index.groups import outlet_of
from ..index.passages import passages

Unit = Literal["sentence", "paragraph", "document", "window"]
UNITS = get_args(Unit)
Weight = Literal["count", "pmi", "jaccard"]
EDGE_COLUMNS = ["source", "target", "count", "pmi", "jaccard"]


def select(corpus: Corpus, mentions: pd.DataFrame, *, outlets=None, start=None, end=None,
           types=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents and mentions kept by the filters (outlets, date range, actor types).

    Documents are selected as every analysis selects them (`workbench.index.select_documents`:
    a document counts for a date range only when its whole date span lies inside it); `outlets`
    None means all outlets; `start`/`end` are inclusive dates, None meaning no bound.
    """
    ids = select_documents(corpus, outlets=outlets, start=start, end=end)
    docs = corpus.documents.assign(outlet=outlet_of(corpus.documents).to_numpy())
    kept = mentions
    if len(ids) < len(docs):  # a filter left documents out (all kept: nothing to test)
        docs = docs[schema.isin(docs["doc_id"], ids.astype(str).tolist())]
        kept = mentions[schema.isin(mentions["doc_id"], docs["doc_id"].astype(str).tolist())]
    if types:
        kept = kept[kept["type"].isin(list(types))]
    return docs, kept


def _unit_keys(corpus: Corpus, mentions: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """Mentions with a `unit` key (and `pos`, the token index, for windows)."""
    check_option("unit", unit, Unit)
    m = mentions.astype({"doc_id": "string"})
    if unit == "document":
        return m.assign(unit=m["doc_id"])
    if unit == "window":
        toks = corpus.tokens[["doc_id", "start", "tok_id"]].astype(
            {"doc_id": "string", "start": "int64"}).sort_values("start")
        m = pd.merge_asof(m.sort_values("start"), toks, on="start", by="doc_id")
        return m.rename(columns={"tok_id": "pos"}).assign(unit=m["doc_id"])
    m = m.dropna(subset=["sent_id"])
    if unit == "sentence":
        return m.assign(unit=m["doc_id"] + "#" + m["sent_id"].astype("string"))
    sents = corpus.sentences[["doc_id", "sent_id", "para_id"]].astype(
        {"doc_id": "string", "sent_id": "Int64"})
    m = m.merge(sents, on=["doc_id", "sent_id"], how="left")
    return m.assign(unit=m["doc_id"] + "#" + m["para_id"].astype("string"))


def _pairs(m: pd.DataFrame, unit: Unit, window: int) -> pd.DataFrame:
    """Mention pairs of two different actors in one unit; `source` sorts before `target`."""
    cols = ["unit", "doc_id", "actor", "start", "end"] + (["pos"] if unit == "window" else [])
    p = m[cols].merge(m[cols], on=["unit", "doc_id"], suffixes=("_s", "_t"))
    p = p[p["actor_s"] < p["actor_t"]]
    if unit == "window":
        p = p[(p["pos_s"] - p["pos_t"]).abs() < window]
    return p.rename(columns={"actor_s": "source", "actor_t": "target"})


def cooccurrence(corpus: Corpus, mentions: pd.DataFrame, *, unit: Unit = "sentence",
                 window: int = 10) -> pd.DataFrame:
    """Edge list with raw counts and association scores, strongest first.

    Columns: source, target, count (units holding both; for windows, mention pairs fewer than
    `window` tokens apart), pmi (log2 observed/expected), jaccard (units with both / units
    with either; empty for windows).
    """
    m = _unit_keys(corpus, mentions, unit)
    if m.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in EDGE_COLUMNS})
    docs = m["doc_id"].unique()
    if unit == "window":
        pairs = _pairs(m, unit, window)
        counts = pairs.groupby(["source", "target"]).size().rename("count").reset_index()
        n = m.groupby("actor").size()
        total = int(corpus.documents.loc[corpus.documents["doc_id"].isin(docs), "n_tokens"].sum())
        expected = n[counts["source"]].to_numpy() * n[counts["target"]].to_numpy() * \
            (2 * window - 1) / max(total, 1)
        return _scored(counts, expected, jaccard=None)
    incidence = m[["unit", "actor"]].drop_duplicates()
    pairs = _pairs(incidence.assign(doc_id="", start=0, end=0), unit, window)
    counts = pairs.groupby(["source", "target"]).size().rename("count").reset_index()
    n = incidence.groupby("actor").size()
    n_s, n_t = n[counts["source"]].to_numpy(), n[counts["target"]].to_numpy()
    total = _n_units(corpus, docs, unit)
    return _scored(counts, n_s * n_t / total, jaccard=counts["count"] / (n_s + n_t - counts["count"]))


def _n_units(corpus: Corpus, docs, unit: Unit) -> int:
    """How many units (sentences, paragraphs, documents) the selected documents hold."""
    if unit == "document":
        return len(docs)
    table = corpus.sentences if unit == "sentence" else corpus.paragraphs
    return int(table["doc_id"].isin(docs).sum())  # categorical: tested once per label


def _scored(counts: pd.DataFrame, expected, *, jaccard) -> pd.DataFrame:
    out = counts.assign(pmi=np.log2(counts["count"] / expected),
                        jaccard=np.nan if jaccard is None else jaccard)
    return out.sort_values(["count", "source", "target"], ascending=[False, True, True],
                           ignore_index=True)[EDGE_COLUMNS]


def build_network(corpus: Corpus, mentions: pd.DataFrame, *, unit: Unit = "sentence", window: int = 10,
                  outlets=None, start=None, end=None, types=None, min_weight: float = 1,
                  weight: Weight = "count") -> nx.Graph:
    """The actor network under the given filters, with the settings (and how many documents the
    filters kept) in `G.graph`.

    Node attributes: type, mentions, discovered (no mention from the dictionary), and
    `mentions[<outlet>]` per outlet. Edge attributes:
    count, pmi, jaccard, and `weight` (= the chosen score). Edges below `min_weight` are
    dropped, and so are actors left without any edge.
    """
    check_option("weight", weight, Weight)
    docs, kept = select(corpus, mentions, outlets=outlets, start=start, end=end, types=types)
    edges = cooccurrence(corpus, kept, unit=unit, window=window)
    edges = edges.assign(weight=edges[weight].astype("float64"))
    edges = edges[edges["weight"] >= min_weight]
    G = nx.Graph()
    by_outlet = kept.assign(outlet=kept["doc_id"].map(outlet_of(docs)))
    per_outlet: dict[str, dict[str, int]] = {}
    for (actor, outlet), n in by_outlet.groupby(["actor", "outlet"]).size().items():
        per_outlet.setdefault(actor, {})[f"mentions[{outlet}]"] = int(n)
    if "discovered" not in by_outlet:
        by_outlet = by_outlet.assign(discovered=False)
    actors = by_outlet.groupby("actor").agg(type=("type", "first"), mentions=("type", "size"),
                                            discovered=("discovered", "all"))
    for actor, kind, n, found in zip(actors.index, actors["type"], actors["mentions"],
                                     actors["discovered"], strict=True):
        G.add_node(actor, type=kind, mentions=int(n), discovered=bool(found),
                   **per_outlet.get(actor, {}))
    linked = set(edges["source"]) | set(edges["target"])
    G.remove_nodes_from([n for n in list(G) if n not in linked])
    for e in edges.itertuples(index=False):
        G.add_edge(e.source, e.target, count=int(e.count), pmi=float(e.pmi),
                   jaccard=float(e.jaccard), weight=float(e.weight))
    G.graph.update(documents=len(docs), unit=unit, window=window, weight=weight,
                   min_weight=min_weight, outlets="all" if outlets is None else ", ".join(outlets),
                   start=str(start or ""),
                   end=str(end or ""), types=", ".join(types or []) or "all",
                   **mentions.attrs.get("settings", {}))
    return G


def evidence(corpus: Corpus, mentions: pd.DataFrame, source: str, target: str, *, unit: Unit = "sentence",
             window: int = 10, outlets=None, start=None, end=None) -> pd.DataFrame:
    """The passages behind one edge: per unit holding both actors, their closest two mentions.

    Columns: those of `workbench.index.passages` (doc_id, outlet, date, title, sent_id,
    start, end, left, match, right, sentence) plus source, target, unit. Plain text: escape it
    when displaying (the dashboards show them in `workbench.widgets.tables.Table`).
    """
    a, b = sorted((source, target))
    _, kept = select(corpus, mentions, outlets=outlets, start=start, end=end)
    m = _unit_keys(corpus, kept[kept["actor"].isin([a, b])], unit)
    p = _pairs(m, unit, window) if not m.empty else pd.DataFrame(
        columns=["unit", "doc_id", "start_s", "end_s", "start_t", "end_t"])
    if unit != "window":
        p = p.assign(gap=(p["start_t"] - p["start_s"]).abs()).sort_values("gap")
        p = p.drop_duplicates("unit")
    spans = pd.DataFrame({"doc_id": p["doc_id"], "start": p[["start_s", "start_t"]].min(axis=1),
                          "end": p[["end_s", "end_t"]].max(axis=1), "source": a, "target": b,
                          "unit": p["unit"]}).sort_values(["doc_id", "start"])
    return passages(corpus, spans.astype({"start": "int64", "end": "int64"}))
