"""Find actor mentions in a corpus's clean text.

Rules, in order of application (docs/methods/networks.md, "Finding mentions"):
- longest match wins, so "Heydar Aliyev" is one mention, not "Aliyev" inside it;
- a surname alone goes to the person last named in full earlier in the same document; when
  none was, it goes to the first person listed with that surname and is flagged `ambiguous`;
- an alias with years (`since`/`until`) counts only in those years: a title ("Russian
  President") goes to its holder of the document's year, and "Georgia" before 1991 is the US
  state; in an undated document an alias of several actors goes to the current one (no
  `until`), except a title, which is then dropped;
- a title is dropped when it stands right next to its holder's name ("Russian President
  Vladimir Putin" is one mention);
- an alias that is both a metonym and a place's name ("Moscow") is read as the place after a
  preposition of place ("held in Moscow", "arrived in the Kremlin", "в Москве"; not "according
  to Moscow" nor a possessive "in Baku's policy"), in a dateline ("BAKU, Azerbaijan, April 23"),
  or when metonyms are switched off; otherwise as the metonym (Moscow -> Russia).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..corpus.derived import remembered
from ..progress import counted
from .aliases import compile_aliases
from .discovery import Discovery, discover

COLUMNS = {"doc_id": "string", "sent_id": "Int64", "start": "int64", "end": "int64",
           "surface": "string", "actor": "string", "type": "string", "kind": "string",
           "ambiguous": "bool", "discovered": "bool", "evidence": "string"}
PLACE_PREPOSITION = re.compile(
    r"(?:\b(?<!according )(?:in|at|to|into|inside|outside|near|via|around|across|throughout"
    r"|within)\s+(?:the\s+)?|(?<!\w)(?:в|во)\s+)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?\b")
_NEXT_TO = re.compile(r"[\s,]*")
VERSION = "1"  # bump when a change to finding mentions changes what it finds (kept results)


def find_mentions(corpus: Corpus, actors: pd.DataFrame, *, adjectives: bool = True,
                  metonyms: bool = True, titles: bool = True,
                  discovery: Mapping[str, tuple[str, ...]] | None = None,
                  progress: bool | None = None) -> pd.DataFrame:
    """Every mention of an actor of `actors` (the dictionary, `Project.actors()`) in
    `corpus.documents.text`, with character offsets into that text; with `discovery`
    (`Project.discovery()`), also of actors the dictionary lacks (`discovery`).

    Columns: doc_id, sent_id, start, end, surface, actor, type, kind (name | adjective |
    metonym | title; a surname counts as a name), ambiguous, discovered (not in the
    dictionary), evidence (the pattern that found a discovered actor, "" for listed ones).
    A discovered name holding dictionary mentions replaces them (longest match wins).
    `attrs["settings"]` records the switches, so networks built from these mentions can say
    how they were made.

    Found once per corpus, dictionary, switches and discovery words: a corpus opened from the
    cache keeps them there (`workbench.corpus.derived`), so a later session reads them.
    For example, `find_mentions(corpus, project.actors(), discovery=project.discovery())`.
    `progress`: a bar of the documents searched (`workbench.progress`).
    """
    inputs = [VERSION, actors.to_csv(index=False), adjectives, metonyms, titles, discovery]
    return remembered(corpus, "mentions", inputs, lambda: _find_mentions(
        corpus, actors, adjectives=adjectives, metonyms=metonyms, titles=titles,
        discovery=discovery, progress=progress))


def _find_mentions(corpus: Corpus, actors: pd.DataFrame, *, adjectives: bool, metonyms: bool,
                   titles: bool, discovery: Mapping[str, tuple[str, ...]] | None,
                   progress: bool | None) -> pd.DataFrame:
    kinds = ["name", "surname"] + [k for k, on in (("adjective", adjectives),
                                                   ("metonym", metonyms), ("title", titles)) if on]
    table = actors[actors["kind"].isin(kinds)]
    pattern, forms = compile_aliases(table, kinds)
    by_alias: dict[str, list] = {}
    for row in table.itertuples(index=False):
        by_alias.setdefault(row.alias, []).append(row)
    docs = corpus.documents
    years = docs["date"].dt.year.astype("Int64")
    records = []
    for doc_id, text, year in counted(zip(docs["doc_id"], docs["text"], years, strict=True),
                                      total=len(docs), desc="finding mentions", unit="document",
                                      show=progress):
        found = [(m, by_alias[forms[" ".join(m.group().split())]])
                 for m in pattern.finditer(str(text))]
        records += [(doc_id, *hit) for hit in _resolve(found, str(text), year)]
    listed = pd.DataFrame(records, columns=list(COLUMNS)[:1] + list(COLUMNS)[2:-2]).astype(
        {"start": "int64", "end": "int64"})
    if discovery is not None:
        found = discover(corpus, listed, actors, Discovery(**discovery))
        listed = _with_discovered(listed, found)
    out = _with_sentences(listed.assign(discovered=listed.get("discovered", False),
                                        evidence=listed.get("evidence", "")), corpus.sentences)
    out.attrs["settings"] = {"adjectives": adjectives, "metonyms": metonyms, "titles": titles,
                             "discovered": discovery is not None}
    return out


def _with_discovered(listed: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Listed mentions plus discovered ones; a listed mention inside a discovered one goes."""
    if found.empty:
        return listed
    found = found.assign(kind="name", ambiguous=False, discovered=True)
    inside = np.zeros(len(listed), dtype=bool)
    starts, ends = listed["start"].to_numpy(), listed["end"].to_numpy()
    spans = {d: (found["start"].to_numpy()[rows, None], found["end"].to_numpy()[rows, None])
             for d, rows in found.groupby("doc_id").indices.items()}
    for doc_id, rows in listed.groupby("doc_id").indices.items():
        if doc_id in spans:
            s, e = spans[doc_id]
            inside[rows] = ((starts[rows] >= s) & (ends[rows] <= e)).any(axis=0)
    return pd.concat([listed[~inside].assign(discovered=False, evidence=""), found],
                     ignore_index=True)


def _resolve(found: list, text: str, year) -> list[tuple]:
    """Turn regex matches (with their dictionary rows) into resolved mentions of one document."""
    hits, last_full = [], {}
    for match, rows in found:
        if len(rows) > 1 or not (pd.isna(rows[0].since) and pd.isna(rows[0].until)):
            rows = [r for r in rows if _in_period(r, year)]
        kinds = {r.kind for r in rows}
        ambiguous = False
        if not rows or (kinds == {"title"} and len({r.actor for r in rows}) != 1):
            continue
        if kinds == {"title"}:
            row = rows[0]
        elif kinds == {"surname"}:
            named = [r for r in rows if r.actor in last_full]
            ambiguous = not named
            row = max(named, key=lambda r: last_full[r.actor]) if named else rows[0]
        elif "metonym" in kinds and "name" in kinds and _is_place(match, text):
            row = next(r for r in rows if r.kind == "name")
        else:
            if len(rows) > 1:  # undated: the current reading first
                rows = sorted(rows, key=lambda r: not pd.isna(r.until))
            row = next((r for r in rows if r.kind == "metonym"), rows[0])
        if row.kind == "name" and row.type == "person":
            last_full[row.actor] = match.start()
        kind = "name" if row.kind == "surname" else row.kind
        hits.append((match.start(), match.end(), match.group(), row.actor, row.type, kind,
                     ambiguous))
    return [h for i, h in enumerate(hits) if not _title_next_to_name(hits, i, text)]


def _in_period(row, year) -> bool:
    """Whether an alias row applies in `year` (an unknown year accepts every row)."""
    if pd.isna(year):
        return True
    return (pd.isna(row.since) or row.since <= year) and (pd.isna(row.until) or year < row.until)


def _is_place(match: re.Match, text: str) -> bool:
    """A place reading: after a preposition of place, or as an ALL-CAPS dateline ("BAKU, ...")."""
    start = match.start()
    if POSSESSIVE.match(text, match.end()):
        return False
    if PLACE_PREPOSITION.search(text, max(0, start - 30), start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return (match.group().isupper() and not text[line_start:start].strip()
            and text.startswith(",", match.end()))


def _title_next_to_name(hits: list[tuple], i: int, text: str) -> bool:
    """Whether hit `i` is a title directly beside a name of the same actor."""
    if hits[i][5] != "title":
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits) and hits[j][3] == hits[i][3] and hits[j][5] == "name":
            gap = text[hits[j][1]:hits[i][0]] if j < i else text[hits[i][1]:hits[j][0]]
            if _NEXT_TO.fullmatch(gap):
                return True
    return False


def _with_sentences(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add the `sent_id` of the sentence holding each mention (<NA> if outside every sentence)."""
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})
    sents = sentences[["doc_id", "sent_id", "start", "end"]].astype(
        {"doc_id": "string", "start": "int64", "end": "int64"}).rename(columns={"end": "s_end"})
    out = pd.merge_asof(mentions.astype({"doc_id": "string"}).sort_values("start"),
                        sents.sort_values("start"), on="start", by="doc_id")
    out["sent_id"] = out["sent_id"].where(out["start"] < out["s_end"]).astype("Int64")
    out = out.sort_values(["doc_id", "start"], ignore_index=True)
    return out[list(COLUMNS)].astype(COLUMNS)
