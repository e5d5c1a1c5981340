"""Actor recall and precision against Reuters-21578's curated `places` labels (issue 7, item 3).

A document's gold set is its `places` codes that name a state of the actor dictionary; the
found set is the states the workbench's mentions name (persons count for their affiliation).
Codes are matched to actor names by spelling ("el-salvador" -> "El Salvador") plus the few
Reuters codes spelled otherwise, listed in `CODES`.
"""

from __future__ import annotations

import gzip
import importlib
import json

from benchmarks import corpora

CODES = {"usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union",
         "west-germany": "Germany", "east-germany": "East Germany", "south-korea": "South Korea",
         "north-korea": "North Korea", "uae": "United Arab Emirates", "hong-kong": "Hong Kong",
         "ivory-coast": "Côte d'Ivoire", "burma": "Myanmar", "zaire": "Democratic Republic "
         "of the Congo", "czechoslovakia": "Czechoslovakia", "yugoslavia": "Yugoslavia"}


def _norm(name: str) -> str:
    return name.casefold().replace(" ", "-")


def evaluate(corpus, spec: corpora.Spec) -> dict:
    if spec.name != "reuters":
        return {"status": "not applicable"}
    try:
        mentions = importlib.import_module("workbench.mentions")
        actors_mod = importlib.import_module("workbench.actors")
    except ImportError:
        return {"status": "pending: workbench.actors / workbench.mentions not available"}
    try:
        table = actors_mod.load_actors()
        found = mentions.find_mentions(corpus, table)
    except Exception as err:  # noqa: BLE001 - written concurrently
        return {"status": f"error: {type(err).__name__}: {err}"}
    states = table[table["type"] == "state"]
    by_norm = {_norm(a): a for a in states["actor"].unique()}
    affiliation = dict(zip(table["actor"], table["affiliation"].fillna("")))
    gold = _gold(by_norm)  # keyed by Reuters NEWID, the part of doc_id after the last ":"
    kept = {d.rsplit(":", 1)[-1] for d in corpus.documents.doc_id.astype(str)}
    gold = {d: g for d, g in gold.items() if d in kept}
    hit = {}
    ids = found["doc_id"].astype(str).str.rsplit(":", n=1).str[-1]
    for doc_id, actor in zip(ids, found["actor"].astype(str)):
        state = actor if actor in set(by_norm.values()) else affiliation.get(actor, "")
        if state in by_norm.values():
            hit.setdefault(doc_id, set()).add(state)
    tp = sum(len(g & hit.get(d, set())) for d, g in gold.items())
    n_gold = sum(len(g) for g in gold.values())
    n_found = sum(len(hit.get(d, set())) for d in gold)
    return {"status": "ok", "documents": len(gold), "gold_labels": n_gold,
            "recall": round(tp / n_gold, 3) if n_gold else None,
            "precision": round(tp / n_found, 3) if n_found else None}


def _gold(by_norm: dict[str, str]) -> dict[str, set[str]]:
    """doc_id -> the states its `places` name (documents with at least one such place)."""
    names = {**by_norm, **{c: n for c, n in CODES.items() if _norm(n) in by_norm}}
    out = {}
    with gzip.open(corpora.SPECS["reuters"].source, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            places = {names[p] for p in rec.get("places") or [] if p in names}
            if places:
                out[str(rec["newid"])] = places
    return out
