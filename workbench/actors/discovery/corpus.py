"""Actors the dictionary lacks, discovered from how texts introduce people and bodies.

Discovery over a corpus: its documents in blocks, in the session's workers, each read by
`document.document_actors`, then one name per actor across the corpus. Patterns
(docs/methods/networks.md, "Discovered actors"; persons in `persons.py`, organisations and groups
in `bodies.py`, shared expressions in `patterns.py`); the words they rely on are data
(`data/title_words.csv`, `data/discovery_words.csv`, `Project.discovery()`), built with the
dictionary into one `lexicon.Lexicon`:
- titled: a person's name after a title or role, possibly with its complement ("Deputy Foreign
  Minister Andrey Rudenko", "deputy of the Milli Majlis Azay Guliyev", "с президентом
  Таджикистана Эмомали Рахмоном");
- apposition: a name followed by a comma and a role ("Igor Korotchenko, General Director of");
- name test: two or three capitalised words that end in a surname ending (Latin script) or
  that a Russian dictionary reads as first name and surname;
- organisation: capitalised words ending in an organisation noun, with its complement ("the
  Azerbaijani Defense Ministry", "Foreign Ministry of Azerbaijan", "Федеральная служба
  безопасности");
- acronym: an acronym defined in brackets ("Federal Security Service (FSB)") or whose letters
  are the initials of an organisation found in the same document ("FSB" beside "Federal
  Security Service");
- quoted: a capitalised name in quotation marks after an organisation word or quoted twice in
  a document ("representative office of “Rossotrudnichestvo”", компания «Газпром»);
- collective: a state's adjective with a group noun ("Russian "peacekeepers"", "российских
  пограничников");
- surname: a discovered person's surname alone later in the same document.
One actor per name across the corpus: names are compared folded (case, accents, Sergey/Sergei,
Aliyev/Aliev) and Russian ones in the nominative; a name equal to a listed actor's is that actor.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from ...corpus import Corpus
from ...parallel import map_bounded, worker_count
from .document import document_actors
from .lexicon import Discovery, Lexicon, build_lexicon
from .patterns import lower_words
from .persons import credited

COLUMNS = ["doc_id", "start", "end", "surface", "actor", "type", "evidence"]
BLOCK = 2_000  # documents per unit of work, at least


def fold(name: str) -> str:
    """A name folded for comparison: case, accents, quotes and common transliteration variants
    (Sergey/Sergei, Aliyev/Aliev, Mikhail/Mihail).

    >>> fold("Sergei Lavrov") == fold("Sergey Lavrov")
    True
    """
    text = unicodedata.normalize("NFKD", name.lower().replace("ı", "i").replace("ə", "a"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\"'’«»“”„]", "", text)
    for a, b in (("kh", "h"), ("dzh", "j"), ("zh", "j"), ("x", "ks"), ("y", "i"), ("ii", "i"),
                 ("–", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def discover(corpus: Corpus, known: pd.DataFrame, actors: pd.DataFrame,
             words: Discovery) -> pd.DataFrame:
    """Mentions of actors the dictionary lacks, one row per mention, in every document.

    `known` are the dictionary's mentions (`find_mentions` without discovery), whose spans a
    discovered name may not cross; `actors` the dictionary, whose names and adjectives the
    patterns use. A document's own author (its byline, its bio) is not an actor of it.
    Columns: doc_id, start, end, surface, actor (canonical name), type (person | organisation |
    group), evidence (the pattern: titled | apposition | name test | organisation | acronym |
    quoted | named | collective | surname).
    """
    docs = corpus.documents
    surface = known["surface"].astype(str)
    holdable = ((known["kind"] == "adjective") | known["type"].isin(["state", "place"])
                | known["ambiguous"] | surface.str.isupper()  # an acronym: "Институт стран СНГ"
                | (known["type"].eq("person") & ~surface.str.contains(" ")
                   & surface.ne(known["actor"])))  # a surname: "Economist Elchin Aliyev"
    columns = [known[c].to_numpy().tolist() for c in ("start", "end")] + [holdable.tolist()]
    spans = {d: [(columns[0][i], columns[1][i], columns[2][i]) for i in rows]
             for d, rows in known.groupby("doc_id").indices.items()}
    authors = docs["author"].fillna("").astype(str).tolist() if "author" in docs else [""] * len(docs)
    ids, texts = docs["doc_id"].astype(str).tolist(), docs["text"].astype(str).tolist()
    size = max(BLOCK, -(-len(ids) // (8 * worker_count())))  # a few blocks per worker
    blocks = [range(i, min(i + size, len(ids))) for i in range(0, len(ids), size)]
    common = set().union(*map_bounded(lower_words, ([texts[i] for i in b] for b in blocks)))
    lex = build_lexicon(words, actors, common)
    tasks = ((lex, [(ids[i], texts[i], authors[i], spans.get(ids[i], [])) for i in b])
             for b in blocks)
    found = [hit for part in map_bounded(_discover_block, tasks) for hit in part]
    table = pd.DataFrame(found, columns=["doc_id", "start", "end", "surface", "name", "type",
                                         "evidence"])
    return _named(table, actors, words)


def _discover_block(task: tuple[Lexicon, list[tuple]]) -> list[tuple]:
    """(doc_id, start, end, surface, name, type, evidence) of the discovered mentions in a block
    of (doc_id, text, author, dictionary spans) documents; a worker's unit of work. A document's
    own author (its byline, its bio) is not an actor of it."""
    lex, documents = task
    return [(doc_id, *hit) for doc_id, text, author, known in documents
            for hit in document_actors(lex, text, known)
            if not (hit.type == "person" and (author and fold(hit.name) in fold(author)
                                              or credited(lex, text, hit)))]


def _named(table: pd.DataFrame, actors: pd.DataFrame, words: Discovery) -> pd.DataFrame:
    """One canonical name per discovered actor: a listed actor's name when a name folds to one of
    its aliases, else the most frequent form; rejected names dropped."""
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="string" if c not in ("start", "end")
                                          else "int64") for c in COLUMNS})
    listed = actors[actors["kind"] == "name"]
    listed_by_key = {fold(a): (actor, t) for a, actor, t in
                     zip(listed["alias"], listed["actor"], listed["type"], strict=True)}
    table = table.assign(key=table["name"].map(fold))
    forms = table.groupby("key")["name"].agg(lambda s: s.value_counts().index[0])
    canonical = {k: listed_by_key.get(k, (v, None)) for k, v in forms.items()}
    table["actor"] = table["key"].map(lambda k: canonical[k][0])
    table["type"] = [canonical[k][1] or t for k, t in zip(table["key"], table["type"],
                                                           strict=True)]
    rejected = {fold(r) for r in words.rejected}
    table = table[~table["key"].isin(rejected) & ~table["actor"].map(fold).isin(rejected)]
    return table[COLUMNS].astype({"doc_id": "string", "surface": "string", "actor": "string",
                                  "type": "string", "evidence": "string"}).reset_index(drop=True)
