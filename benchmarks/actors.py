"""Actor recall and precision against Reuters-21578's curated `places` labels (issue 7, item 3).

A document's gold set is its `places` codes that name a state of the actor dictionary, or a
territory it lists as a place (Hong Kong, Bermuda), which Reuters codes as a place of its own.
The found set is the states and territories the workbench's mentions name; any other actor
counts for its affiliation (a person or a city: "FRANKFURT, March 3 -" names Germany).
Codes are matched to actor names by spelling ("el-salvador" -> "El Salvador") plus the few
Reuters codes spelled otherwise, listed in `CODES`. The labels are of 1987: the dictionary's
present-day states are scored as the states of that time, listed in `ERA`.
"""

from __future__ import annotations

import gzip
import json

import workbench
from benchmarks import corpora
from workbench.actors import find_mentions

CODES = {"usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union",
         "west-germany": "West Germany", "east-germany": "East Germany", "south-korea": "South Korea",
         "north-korea": "North Korea", "uae": "United Arab Emirates", "hong-kong": "Hong Kong",
         "ivory-coast": "Côte d'Ivoire", "burma": "Myanmar", "zaire": "Democratic Republic "
         "of the Congo", "congo": "Republic of the Congo", "kampuchea": "Cambodia",
         "swaziland": "Eswatini", "antigua": "Antigua and Barbuda",
         "trinidad-tobago": "Trinidad and Tobago", "yemen-arab-republic": "North Yemen",
         "yemen-demo-republic": "South Yemen"}
ERA = {"Germany": "West Germany", "Russia": "Soviet Union"}


def _norm(name: str) -> str:
    return name.casefold().replace(" ", "-")


def evaluate(corpus, spec: corpora.Spec) -> dict:
    if spec.name != "reuters":
        return {"status": "not applicable"}
    table = workbench.project(corpora.ROOT).actors()
    found = find_mentions(corpus, table)
    gold = _gold(_names(table))  # keyed by Reuters NEWID, the part of doc_id after the last ":"
    states = table.loc[table["type"] == "state", "actor"].unique()
    scored = {ERA.get(s, s) for s in states}.union(*gold.values())
    kept = {d.rsplit(":", 1)[-1] for d in corpus.documents.doc_id.astype(str)}
    gold = {d: g for d, g in gold.items() if d in kept}
    score_as = _score_as(table, scored)
    hit = {}
    ids = found["doc_id"].astype(str).str.rsplit(":", n=1).str[-1]
    for doc_id, actor in zip(ids, found["actor"].astype(str)):
        if actor in score_as:
            hit.setdefault(doc_id, set()).add(score_as[actor])
    tp = sum(len(g & hit.get(d, set())) for d, g in gold.items())
    n_gold = sum(len(g) for g in gold.values())
    n_found = sum(len(hit.get(d, set())) for d in gold)
    return {"status": "ok", "documents": len(gold), "gold_labels": n_gold,
            "recall": round(tp / n_gold, 3) if n_gold else None,
            "precision": round(tp / n_found, 3) if n_found else None}


def _names(table) -> dict[str, str]:
    """Reuters code -> the name it is scored as: a state, else a place, of that spelling."""
    by_norm = {_norm(a): a for kind in ("place", "state")
               for a in table.loc[table["type"] == kind, "actor"].unique()}
    names = {**by_norm, **{c: n for c, n in CODES.items() if _norm(n) in by_norm}}
    return {code: ERA.get(name, name) for code, name in names.items()}


def _score_as(table, scored: set[str]) -> dict[str, str]:
    """actor -> the scored name it counts for: itself, else its affiliation (1987 names)."""
    out = {}
    for actor, affiliation in zip(table["actor"], table["affiliation"].fillna("")):
        name = next((n for n in (ERA.get(actor, actor), ERA.get(affiliation, affiliation))
                     if n in scored), None)
        if name:
            out[actor] = name
    return out


def _gold(names: dict[str, str]) -> dict[str, set[str]]:
    """doc_id -> the names its `places` codes stand for (documents with at least one)."""
    out = {}
    with gzip.open(corpora.SPECS["reuters"].source, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            places = {names[p] for p in rec.get("places") or [] if p in names}
            if places:
                out[str(rec["newid"])] = places
    return out
