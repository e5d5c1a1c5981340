"""Actors the dictionary lacks, discovered from how texts introduce people and bodies.

Patterns (docs/methods/networks.md, "Discovered actors"; persons in `persons.py`, organisations
and groups in `bodies.py`, shared expressions in `patterns.py`); the words they rely on are data
(`data/title_words.csv`, `data/discovery_words.csv`, `Project.discovery()`):
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
from dataclasses import dataclass

import pandas as pd

from ..parallel import map_bounded, worker_count
from .bodies import BodyPatterns
from .morphology import lemma
from .patterns import (
    CAP,
    LATIN,
    RU_WORDS,
    RUN,
    WORD,
    initial_capitals,
    lower_words,
    split,
)
from .persons import PersonPatterns

COLUMNS = ["doc_id", "start", "end", "surface", "actor", "type", "evidence"]
BLOCK = 2_000  # documents per unit of work, at least


@dataclass(frozen=True)
class Discovery:
    """The words discovery relies on (`Project.discovery()`), each a tuple of strings; Russian
    words are dictionary forms. `rejected` are names the researcher rejected: never actors."""

    titles: tuple[str, ...] = ()  # data/title_words.csv; the rest: data/discovery_words.csv
    org_head: tuple[str, ...] = ()
    org_cue: tuple[str, ...] = ()
    org_prefix: tuple[str, ...] = ()
    state_body: tuple[str, ...] = ()
    group: tuple[str, ...] = ()
    surname_end: tuple[str, ...] = ()
    credit: tuple[str, ...] = ()
    not_name: tuple[str, ...] = ()
    not_complement: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


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


def discover(corpus, known: pd.DataFrame, actors: pd.DataFrame, words: Discovery) -> pd.DataFrame:
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
    tasks = ((words, actors, common, [(ids[i], texts[i], authors[i], spans.get(ids[i], []))
                                      for i in b]) for b in blocks)
    found = [hit for part in map_bounded(_discover_block, tasks) for hit in part]
    table = pd.DataFrame(found, columns=["doc_id", "start", "end", "surface", "name", "type",
                                         "evidence"])
    return _named(table, actors, words)


def _discover_block(task: tuple[Discovery, pd.DataFrame, set[str], list[tuple]]) -> list[tuple]:
    """(doc_id, start, end, surface, name, type, evidence) of the discovered mentions in a block
    of (doc_id, text, author, dictionary spans) documents; a worker's unit of work. A document's
    own author (its byline, its bio) is not an actor of it."""
    words, actors, common, documents = task
    finder = _Finder(words, actors, common)
    return [(doc_id, *hit) for doc_id, text, author, known in documents
            for hit in finder.document(text, known)
            if not (hit[4] == "person" and (author and fold(hit[3]) in fold(author)
                                            or finder.credited(text, hit)))]


class _Finder(PersonPatterns, BodyPatterns):
    """The patterns of one `Discovery`, applied document by document."""

    def __init__(self, words: Discovery, actors: pd.DataFrame, common: set[str]):
        self.words, self.common = words, common
        self.known: list[tuple[int, int, bool]] = []  # the listed mentions of the document read
        latin = [t for t in words.titles if LATIN.search(t)]
        latin = sorted({v for t in latin for v in (t, t[:1].upper() + t[1:], t[:1].lower() + t[1:])})
        self.titles_ru = {t for t in words.titles if not LATIN.search(t)}
        self.title_words = {w for t in latin for w in t.split()}
        self.single_titles = {t for t in latin if " " not in t}  # not "Foreign" of Foreign Minister
        self.title_re = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(latin, key=len, reverse=True)))})"
            rf"\.?(?:\s+(?:of|for|at|to)\s+(?:the\s+)?(?:{CAP}\s+){{0,5}})?,?\s*$")
        #: "…, General Director of": a comma, up to three words, a title
        self.apposition_re = re.compile(
            r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
            rf"(?:{'|'.join(map(re.escape, sorted(self.title_words)))})\b")
        self.latin_surname_ends = tuple(e for e in words.surname_end if LATIN.search(e))
        self.ru_surname_ends = tuple(e for e in words.surname_end if not LATIN.search(e))
        self.heads = {h for h in words.org_head if LATIN.search(h)}
        self.heads_ru = set(words.org_head) - self.heads
        self.not_names = set(words.not_name)
        self.never_named = self.not_names | self.title_words
        self.prefixes = tuple(words.org_prefix)
        named = actors[actors["kind"].isin(["name", "metonym", "title"])
                       & (actors["type"] != "person")]
        self.known_words = {w for alias in named["alias"] for w in alias.split()}
        adjectives = actors[(actors["kind"] == "adjective") & (actors["type"] == "state")]
        self.adjective_of = {a: s for a, s in zip(adjectives["alias"], adjectives["actor"],
                                                  strict=True)}
        self.first_adjective = {}
        for adjective, state in self.adjective_of.items():
            if LATIN.search(adjective) and not adjective.endswith("s"):
                self.first_adjective.setdefault(state, adjective)
        latin_adj = sorted((a for a in self.adjective_of if LATIN.search(a)), key=len,
                           reverse=True)
        groups = sorted((g for g in words.group if LATIN.search(g)), key=len, reverse=True)
        self.group_re = re.compile(
            rf"(?<!\w)(?P<adj>{'|'.join(map(re.escape, latin_adj))})\s+[\"“«]?"
            rf"(?P<noun>(?i:{'|'.join(re.escape(g.removesuffix('s')) + 's?' for g in groups)}))"
            r"[\"”»]?(?!\w)") if latin_adj and groups else None
        self.groups_ru = {g for g in words.group if not LATIN.search(g)}
        self.adjectives_ru = {lemma(a) for a in self.adjective_of if not LATIN.search(a)}
        states = actors[(actors["type"] == "state") & (actors["kind"] == "name")]["alias"]
        self.state_lemmas = {lemma(a) for a in states if not LATIN.search(a)}
        cues = sorted(words.org_cue, key=len, reverse=True)
        self.cue_words = {c.lower() for c in cues}  # "the local NGO Democracy Development Union"
        latin_cues = "|".join(map(re.escape, (c for c in cues if LATIN.search(c))))
        #: an organisation named right before or after its kind: "Sputnik news agency",
        #: "the news agency Sputnik Azerbaijan"
        #: or beside it after a comma: "Rosoboronexport, Russia's state arms exporter" (one
        #: word, not the end of a longer name: "Jan Petersen, chairman of the firm"), "the state
        #: arms exporter, Rosoboronexport"
        self.named_re = re.compile(
            rf"(?<![\w-])(?P<name>{CAP}(?:\s+{CAP}){{0,2}})(?=\s+(?:news\s+)?(?:{latin_cues})\b)"
            rf"|\b(?:{latin_cues}),?\s+(?P<name2>{CAP}(?:\s+{CAP}){{0,2}})(?![\w-])"
            rf"|(?<![\w-])(?P<name3>{CAP})(?=,\s+(?:the\s+|an?\s+)?"
            rf"(?:[\w'’-]+\s+){{0,4}}?(?:{latin_cues})\b)"
        ) if latin_cues else None
        #: a body after a person's role: "a senior analyst at Rystad Energy"
        self.affiliation_re = re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, self.single_titles)))})\s+(?:at|with)\s+"
            rf"(?:the\s+)?(?P<org>{CAP}(?:\s+{CAP}){{0,3}})(?![\w-])")
        self.cue_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})\s+(?:of\s+)?"
                                 r"(?:the\s+)?$", re.IGNORECASE) if cues else None

    def _bodies_apart(self, tokens: list[tuple]) -> list[list[tuple]]:
        """Tokens split at each "and" that follows an organisation noun."""
        parts: list[list[tuple]] = [[]]
        for i, t in enumerate(tokens):
            if t[2] == "and" and i and tokens[i - 1][2] in self.heads:
                parts.append([])
            else:
                parts[-1].append(t)
        return [p for p in parts if p]

    # -- one document ------------------------------------------------------------------------
    def document(self, text: str, known: list[tuple[int, int, bool]]) -> list[tuple]:
        """(start, end, surface, name, type, evidence) of every discovered mention."""
        hits, initial, self.known = [], initial_capitals(text), known
        for run in RUN.finditer(text):
            hits += self._run(text, run, initial)
        hits += self._russian(text)
        hits += self._quoted(text)
        hits += self._next_to_kind(text)
        hits += self._affiliations(text)
        hits += self._collectives(text)
        hits += self._joint_bodies(text)
        hits = _without_overlaps(hits, known)
        hits += self._acronyms(text, hits, known)
        hits += self._one_word_organisations(text)
        hits += self._surnames(text, hits, known)
        return sorted(_without_overlaps(hits, known))

    def _run(self, text: str, run: re.Match, initial: set[str]) -> list[tuple]:
        """Persons and organisations in one run of capitalised words (Latin script); each part
        between "and"s may hold a person ("Armenian Deputy Prime Minister Mher Grigoryan and
        Azerbaijani Deputy Prime Minister Shahin Mustafayev"), the rest organisations."""
        tokens = [(m.start() + run.start(), m.end() + run.start(), m.group())
                  for m in WORD.finditer(run.group())]
        words = [w for _, _, w in tokens]
        persons = []
        if len(words) == 4 and words[1] == "and" and self._name_words(words[2:]) \
                and self._surname(words[3]) and self._name_words([words[0], words[3]]):
            # "brothers Huseyn and Ziyaddin Safarov": the first shares the surname
            persons = [([tokens[0]], f"{words[0]} {words[3]}", "name test"),
                       (tokens[2:], None, "name test")]
        else:
            titled = bool(self.title_re.search(text, max(0, run.start() - 60), run.start()))
            carried = False
            for part in split(tokens, {"and"}):
                found = self._person(text, part, titled, carried)
                persons += [found] if found else []
                # a title whose complement has an "and" goes on in the next part, whose name is
                # its end ("Minister of Digital Development and Transport Rashad Nabiyev")
                titled = carried = not found and any(t[2] in self.title_words for t in part)
        out, rest, at = [], [], 0
        for names, name, evidence in persons:
            out.append((names[0][0], names[-1][1], text[names[0][0]:names[-1][1]],
                        name or " ".join(t[2] for t in names), "person", evidence))
            i = tokens.index(names[0])
            rest.append(tokens[at:i])
            at = i + len(names)
        for part in [*rest, tokens[at:]]:
            # "S7 Airlines and Ural Airlines": two organisations
            for body in self._bodies_apart(part):
                out += self._organisation(text, body, initial)
        return out

    def _russian(self, text: str) -> list[tuple]:
        """Russian persons, then organisations (persons win where they overlap)."""
        words = [(m.start(), m.end(), m.group()) for m in RU_WORDS.finditer(text)]
        return self._russian_persons(text, words) + self._russian_organisations(text, words)









def _without_overlaps(hits: list[tuple], known: list[tuple[int, int, bool]]) -> list[tuple]:
    """Hits overlapping a dictionary mention dropped, unless they hold it whole and it may be
    held (an adjective, a state or a place: "Armenian Foreign Ministry"); among overlapping
    hits, the first found wins (persons before organisations, names before acronyms). A hit
    that is exactly a listed mention is left to it."""
    out, taken = [], []
    for hit in hits:
        s, e = hit[0], hit[1]
        if any(s < ke and ks < e and not (holdable and s <= ks and ke <= e and e - s > ke - ks)
               for ks, ke, holdable in known):
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        out.append(hit)
        taken.append((s, e))
    return out


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
