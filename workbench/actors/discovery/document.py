"""Actor discovery in one document: every pattern of `persons` and `bodies` in turn, then the
rule that keeps discovered spans apart from each other and from the dictionary's mentions."""

from __future__ import annotations

import re

from .bodies import (
    acronyms,
    affiliations,
    bodies_apart,
    collectives,
    joint_bodies,
    next_to_kind,
    one_word_organisations,
    organisation,
    quoted,
    russian_organisations,
)
from .lexicon import Lexicon
from .patterns import RU_WORDS, RUN, WORD, Hit, Token, initial_capitals, split
from .persons import is_surname, name_words, person, russian_persons, surnames


def document_actors(lex: Lexicon, text: str, known: list[tuple[int, int, bool]]) -> list[Hit]:
    """Every discovered mention of a document, in text order. `known` are the spans of its
    listed mentions, (start, end, may be held): a discovered span may not cut into them."""
    hits, initial = [], initial_capitals(text)
    for run in RUN.finditer(text):
        hits += _run(lex, text, run, initial, known)
    words = [Token(m.start(), m.end(), m.group()) for m in RU_WORDS.finditer(text)]
    hits += russian_persons(lex, text, words, known)  # persons win where they overlap
    hits += russian_organisations(lex, text, words)
    hits += quoted(lex, text)
    hits += next_to_kind(lex, text)
    hits += affiliations(lex, text)
    hits += collectives(lex, text)
    hits += joint_bodies(lex, text)
    hits = _without_overlaps(hits, known)
    hits += acronyms(text, hits, known)
    hits += one_word_organisations(lex, text)
    hits += surnames(text, hits)
    return sorted(_without_overlaps(hits, known))


def _run(lex: Lexicon, text: str, run: re.Match, initial: set[str],
         known: list[tuple[int, int, bool]]) -> list[Hit]:
    """Persons and organisations in one run of capitalised words (Latin script); each part
    between "and"s may hold a person ("Armenian Deputy Prime Minister Mher Grigoryan and
    Azerbaijani Deputy Prime Minister Shahin Mustafayev"), the rest organisations."""
    tokens = [Token(m.start() + run.start(), m.end() + run.start(), m.group())
              for m in WORD.finditer(run.group())]
    words = [t.word for t in tokens]
    persons = []
    if len(words) == 4 and words[1] == "and" and name_words(lex, words[2:]) \
            and is_surname(lex, words[3]) and name_words(lex, [words[0], words[3]]):
        # "brothers Huseyn and Ziyaddin Safarov": the first shares the surname
        persons = [([tokens[0]], f"{words[0]} {words[3]}", "name test"),
                   (tokens[2:], None, "name test")]
    else:
        titled = bool(lex.title_re.search(text, max(0, run.start() - 60), run.start()))
        carried = False
        for part in split(tokens, {"and"}):
            found = person(lex, text, part, titled, carried)
            persons += [found] if found else []
            # a title whose complement has an "and" goes on in the next part, whose name is its
            # end ("Minister of Digital Development and Transport Rashad Nabiyev")
            titled = carried = not found and any(t.word in lex.title_words for t in part)
    out, rest, at = [], [], 0
    for names, name, evidence in persons:
        out.append(Hit(names[0].start, names[-1].end, text[names[0].start:names[-1].end],
                       name or " ".join(t.word for t in names), "person", evidence))
        i = tokens.index(names[0])
        rest.append(tokens[at:i])
        at = i + len(names)
    for part in [*rest, tokens[at:]]:
        for body in bodies_apart(lex, part):
            out += organisation(lex, text, body, initial, known)
    return out


def _without_overlaps(hits: list[Hit], known: list[tuple[int, int, bool]]) -> list[Hit]:
    """Hits overlapping a dictionary mention dropped, unless they hold it whole and it may be
    held (an adjective, a state or a place: "Armenian Foreign Ministry"); among overlapping
    hits, the first found wins (persons before organisations, names before acronyms). A hit
    that is exactly a listed mention is left to it."""
    out, taken = [], []
    for hit in hits:
        s, e = hit.start, hit.end
        if any(s < ke and ks < e and not (holdable and s <= ks and ke <= e and e - s > ke - ks)
               for ks, ke, holdable in known):
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        out.append(hit)
        taken.append((s, e))
    return out
