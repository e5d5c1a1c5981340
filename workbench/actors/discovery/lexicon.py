"""What actor discovery reads, built once per corpus: the discovery words (`Discovery`, as
`Project.discovery()` gives them), the actor dictionary and the corpus's common words, cut and
compiled into one frozen `Lexicon` that the patterns (`persons`, `bodies`, `document`) are given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .morphology import lemma
from .patterns import CAP, LATIN


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


@dataclass(frozen=True)
class Lexicon:
    """The cues every document's patterns read, read-only: shared by all documents of a corpus
    and sent whole to the workers. Latin-script and Russian words are kept apart where the
    patterns treat them apart; Russian ones are dictionary forms (`morphology.lemma`)."""

    common: frozenset[str]  # written in lower case somewhere in the corpus: no names
    credit: tuple[str, ...]  # words that credit an author or photographer ("By", "photo:")
    # -- persons
    title_words: frozenset[str]  # the words of Latin-script titles ("Deputy", "Minister")
    single_titles: frozenset[str]  # one-word Latin titles (not "Foreign" of Foreign Minister)
    titles_ru: frozenset[str]
    title_re: re.Pattern  # a title (and its complement) right before a name
    apposition_re: re.Pattern  # "…, General Director of": a comma, up to three words, a title
    latin_surname_ends: tuple[str, ...]
    ru_surname_ends: tuple[str, ...]
    not_names: frozenset[str]  # capitalised words that are no name (months, weekdays)
    never_named: frozenset[str]  # not names, nor title words
    # -- the dictionary
    known_words: frozenset[str]  # the words of listed names, metonyms, titles of non-persons
    adjective_of: dict[str, str]  # a state's adjective -> the state ("Azerbaijani" -> Azerbaijan)
    first_adjective: dict[str, str]  # a state -> its first Latin adjective, for a body's name
    adjectives_ru: frozenset[str]  # the states' Russian adjectives
    state_lemmas: frozenset[str]  # the states' Russian names
    # -- organisations and groups
    heads: frozenset[str]  # Latin organisation nouns ("Ministry", "Agency")
    heads_ru: frozenset[str]
    prefixes: tuple[str, ...]  # what one-word body names open with (Рос-, Rossotrud-)
    state_body: tuple[str, ...]  # "Ministry" of Azerbaijan -> the Azerbaijani Ministry
    not_complement: tuple[str, ...]  # introductory "по …" phrases (по данным)
    org_cues: frozenset[str]  # words for a kind of body, before its name ("agency", "компания")
    cue_words: frozenset[str]  # the same, lower case
    cue_re: re.Pattern | None  # a kind right before a quoted name
    named_re: re.Pattern | None  # a name right before or after its kind: "Sputnik news agency"
    affiliation_re: re.Pattern  # a body after a person's role: "a senior analyst at Rystad"
    groups: tuple[str, ...]  # group nouns ("peacekeepers")
    groups_ru: frozenset[str]
    group_re: re.Pattern | None  # a state's adjective with a group noun: Russian "peacekeepers"


def build_lexicon(words: Discovery, actors: pd.DataFrame, common: set[str]) -> Lexicon:
    """The `Lexicon` of one corpus: its `Discovery` words, the actor dictionary (whose
    non-person names, states and state adjectives the patterns use) and its `common` words."""
    latin = [t for t in words.titles if LATIN.search(t)]
    latin = sorted({v for t in latin for v in (t, t[:1].upper() + t[1:], t[:1].lower() + t[1:])})
    title_words = frozenset(w for t in latin for w in t.split())
    single_titles = frozenset(t for t in latin if " " not in t)
    heads = frozenset(h for h in words.org_head if LATIN.search(h))
    not_names = frozenset(words.not_name)
    named = actors[actors["kind"].isin(["name", "metonym", "title"]) & (actors["type"] != "person")]
    adjectives = actors[(actors["kind"] == "adjective") & (actors["type"] == "state")]
    adjective_of = dict(zip(adjectives["alias"], adjectives["actor"], strict=True))
    first_adjective: dict[str, str] = {}
    for adjective, state in adjective_of.items():
        if LATIN.search(adjective) and not adjective.endswith("s"):
            first_adjective.setdefault(state, adjective)
    states = actors[(actors["type"] == "state") & (actors["kind"] == "name")]["alias"]
    cues = sorted(words.org_cue, key=len, reverse=True)
    return Lexicon(
        common=frozenset(common), credit=tuple(words.credit),
        title_words=title_words, single_titles=single_titles,
        titles_ru=frozenset(t for t in words.titles if not LATIN.search(t)),
        title_re=re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(latin, key=len, reverse=True)))})"
            rf"\.?(?:\s+(?:of|for|at|to)\s+(?:the\s+)?(?:{CAP}\s+){{0,5}})?,?\s*$"),
        apposition_re=re.compile(
            r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
            rf"(?:{'|'.join(map(re.escape, sorted(title_words)))})\b"),
        latin_surname_ends=tuple(e for e in words.surname_end if LATIN.search(e)),
        ru_surname_ends=tuple(e for e in words.surname_end if not LATIN.search(e)),
        not_names=not_names, never_named=not_names | title_words,
        known_words=frozenset(w for alias in named["alias"] for w in alias.split()),
        adjective_of=adjective_of, first_adjective=first_adjective,
        adjectives_ru=frozenset(lemma(a) for a in adjective_of if not LATIN.search(a)),
        state_lemmas=frozenset(lemma(a) for a in states if not LATIN.search(a)),
        heads=heads, heads_ru=frozenset(words.org_head) - heads,
        prefixes=tuple(words.org_prefix), state_body=tuple(words.state_body),
        not_complement=tuple(words.not_complement),
        org_cues=frozenset(words.org_cue), cue_words=frozenset(c.lower() for c in cues),
        cue_re=re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})\s+(?:of\s+)?"
                          r"(?:the\s+)?$", re.IGNORECASE) if cues else None,
        named_re=_named_re(cues),
        affiliation_re=re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, single_titles)))})\s+(?:at|with)\s+"
            rf"(?:the\s+)?(?P<org>{CAP}(?:\s+{CAP}){{0,3}})(?![\w-])"),
        groups=tuple(words.group), groups_ru=frozenset(g for g in words.group
                                                       if not LATIN.search(g)),
        group_re=_group_re(adjective_of, words.group))


def _named_re(cues: list[str]) -> re.Pattern | None:
    """An organisation named right before or after its kind ("Sputnik news agency", "the news
    agency Sputnik Azerbaijan"), or beside it after a comma: "Rosoboronexport, Russia's state
    arms exporter" (one word, not the end of a longer name: "Jan Petersen, chairman of the
    firm"), "the state arms exporter, Rosoboronexport"."""
    latin_cues = "|".join(map(re.escape, (c for c in cues if LATIN.search(c))))
    if not latin_cues:
        return None
    return re.compile(
        rf"(?<![\w-])(?P<name>{CAP}(?:\s+{CAP}){{0,2}})(?=\s+(?:news\s+)?(?:{latin_cues})\b)"
        rf"|\b(?:{latin_cues}),?\s+(?P<name2>{CAP}(?:\s+{CAP}){{0,2}})(?![\w-])"
        rf"|(?<![\w-])(?P<name3>{CAP})(?=,\s+(?:the\s+|an?\s+)?"
        rf"(?:[\w'’-]+\s+){{0,4}}?(?:{latin_cues})\b)")


def _group_re(adjective_of: dict[str, str], group: tuple[str, ...]) -> re.Pattern | None:
    """A state's Latin adjective with a group noun, maybe quoted: Russian "peacekeepers"."""
    latin_adj = sorted((a for a in adjective_of if LATIN.search(a)), key=len, reverse=True)
    groups = sorted((g for g in group if LATIN.search(g)), key=len, reverse=True)
    if not (latin_adj and groups):
        return None
    return re.compile(
        rf"(?<!\w)(?P<adj>{'|'.join(map(re.escape, latin_adj))})\s+[\"“«]?"
        rf"(?P<noun>(?i:{'|'.join(re.escape(g.removesuffix('s')) + 's?' for g in groups)}))"
        r"[\"”»]?(?!\w)")
