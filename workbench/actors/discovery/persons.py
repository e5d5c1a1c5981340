"""Persons in a document, for actor discovery: names after titles, in apposition, by the name
test, Russian names through their dictionary forms, surnames after a full name, and the credits
that name no actor. Each pattern reads the corpus's `Lexicon`; `known` are the spans of the
document's listed mentions, (start, end, may be held)."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .morphology import (
    as_written_name,
    is_common_word,
    is_first_name,
    is_name_like,
    lemmas,
    person_name,
    singular_surname,
    surname_stem,
)
from .patterns import CONNECTORS, LATIN, PARTICLES, Hit, Token, split


def credited(lex: Lexicon, text: str, hit: Hit) -> bool:
    """Whether a person is named as an author or photographer: after a credit on its line ("By
    …", "Reporting by …", "(photo: …)"), or alone on a line but for a date ("Fuad Muradli Feb
    14, 2025")."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end) % (len(text) + 1)
    before = text[line_start:hit.start]
    if before.lstrip(" (").startswith(lex.credit) \
            or any(c in before for c in lex.credit if c != "By"):
        return True
    rest = before + text[hit.end:line_end]
    return not re.search(r"[a-zа-яёəğışçöü]{4}", rest)


def name_words(lex: Lexicon, words: list[str]) -> bool:
    """Whether capitalised words can form a person's name (particles inside it: "Luiz Inácio
    Lula da Silva")."""
    inner = [w for w in words[1:-1] if w in PARTICLES]
    words = [w for w in words if w not in inner]
    return (2 <= len(words) <= 4 - (not inner)
            and all(w[:1].isupper() and not w.isupper() and w.lower() not in lex.common
                    and not re.search(r"[-–][a-zа-яё]", w)
                    and w not in lex.known_words and w not in lex.title_words
                    and w not in lex.heads and w not in lex.not_names
                    and w not in lex.adjective_of and LATIN.search(w)
                    for w in words))


def person(lex: Lexicon, text: str, tokens: list[Token], titled: bool, carried: bool = False):
    """(name tokens, None, evidence) of the person in part of a run, or None: the name after a
    title in it (or right before it; `carried`: the title's complement began in the part
    before, so the name is this part's end), a name in apposition ("…, General Director"), a
    name of an organisation ("Kamran Aghayev of the Center …"), a name passing the test."""
    words = [t.word for t in tokens]
    cut = max((i + 1 for i, w in enumerate(words) if w in lex.title_words), default=0)
    segments = split(tokens[cut:], CONNECTORS - set(PARTICLES))
    if cut or titled:  # "Minister Andrey Rudenko on Friday": split at connectors
        first = _strip_known(lex, segments[0]) if segments else []
        last = _strip_known(lex, segments[-1])[-2:] if segments else []
        order = (last, first) if carried else (first, last)
        names = next((n for n in order if name_words(lex, [t.word for t in n])), None)
        return (names, None, "titled") if names else None
    if not segments or not name_words(lex, [t.word for t in segments[0]]):
        return None
    names = segments[0]
    if len(names) == len(tokens):
        if lex.apposition_re.match(text, tokens[-1].end):
            return names, None, "apposition"
        return (names, None, "name test") if is_surname(lex, words[-1]) else None
    after = tokens[len(names)].word
    if after == "of" and any(t.word in lex.heads for t in tokens[len(names):]):
        return names, None, "apposition"
    return None


def _strip_known(lex: Lexicon, tokens: list[Token]) -> list[Token]:
    """Tokens without the leading ones no name begins with: organisation nouns, listed names,
    state adjectives ("Foreign Ministry Azerbaijan Aykhan Hajizada")."""
    i = 0
    while i < len(tokens) and (tokens[i].word in lex.heads or tokens[i].word in lex.known_words
                               or tokens[i].word in lex.adjective_of):
        i += 1
    return tokens[i:]


def is_surname(lex: Lexicon, word: str) -> bool:
    """Whether a Latin-script word of 5+ letters ends like a surname."""
    return len(word) >= 5 and word.endswith(lex.latin_surname_ends)


def russian_persons(lex: Lexicon, text: str, words: list[Token],
                    known: list[tuple[int, int, bool]]) -> list[Hit]:
    """Two or three capitalised words after a title (up to six words before), or opening with
    a known first name, that a Russian dictionary reads as names in one case or whose last word
    has a surname ending; a plural surname shared by two first names."""
    out, i = [], 0
    while i < len(words):
        for n in (3, 2):
            run = words[i:i + n]
            if len(run) < n or not _may_be_russian_name(text, run, known) \
                    or _before_listed(text, words, i + n, known):
                continue
            titled = _ru_titled(lex, words, i)
            if not (titled or is_first_name(run[0].word)):
                continue
            parts = [t.word for t in run]
            name = person_name(parts) or (
                (_ru_surname(lex, parts[-1]) or titled and (
                    all(map(is_name_like, parts)) or is_first_name(parts[0])))
                and as_written_name(parts))
            if not name:
                continue
            evidence = "titled" if titled else "name test"
            surname = singular_surname(parts[-1])
            if surname:  # "братья Зияддин и Гусейн Сафаровы": two persons
                name = " ".join([*name.split()[:-1], surname])
                first = words[i - 2] if i >= 2 and words[i - 1].word == "и" else None
                given = first and first.word[:1].isupper() and person_name([first.word])
                if given:
                    out.append(Hit(first.start, first.end, first.word, f"{given} {surname}",
                                   "person", evidence))
            out.append(Hit(run[0].start, run[-1].end, text[run[0].start:run[-1].end], name,
                           "person", evidence))
            i += n - 1
            break
        i += 1
    return out


def _may_be_russian_name(text: str, run: list[Token], known: list[tuple[int, int, bool]]) -> bool:
    """Capitalised words, only spaces between them, none a listed name or a common word (but a
    surname after a known first name)."""
    return (all(t.word[:1].isupper() and not t.word.isupper() for t in run)
            and not any(text[a.end:b.start].strip() for a, b in zip(run, run[1:], strict=False))
            and not any(ks < t.end and t.start < ke for t in run for ks, ke, _ in known)
            and not any(is_common_word(t.word) for t in run[:-1])
            and (not is_common_word(run[-1].word)
                 or len(run) == 2 and is_first_name(run[0].word)))  # "Ирина Волк"


def _before_listed(text: str, words: list[Token], k: int,
                   known: list[tuple[int, int, bool]]) -> bool:
    """Whether word `k` is capitalised, follows word `k - 1` after a space and is part of a
    listed mention: the run before it is part of that name ("Реджепом Тайипом Эрдоганом")."""
    if k >= len(words) or not words[k].word[:1].isupper() \
            or text[words[k - 1].end:words[k].start].strip():
        return False
    return any(ks <= words[k].start < ke for ks, ke, _ in known)


def _ru_surname(lex: Lexicon, word: str) -> bool:
    """Whether a Cyrillic word, without a case ending, ends like a surname."""
    stem = surname_stem(word)
    return len(stem) >= 4 and stem.lower().endswith(lex.ru_surname_ends)


def _ru_titled(lex: Lexicon, words: list[Token], i: int) -> bool:
    """Whether a Russian title word stands up to six words before word `i` ("министр дорог и
    градостроительства Ирана Мехрдад Базрпаш")."""
    return any(lemmas(t.word.lower()) & lex.titles_ru for t in words[max(0, i - 6):i])


def surnames(text: str, hits: list[Hit]) -> list[Hit]:
    """A discovered person's surname alone, after the full name, in the same document."""
    out = []
    for hit in hits:
        if hit.type != "person" or len(hit.surface.split()) < 2:
            continue
        surname = hit.surface.split()[-1]
        stem = surname[:-2] if not LATIN.search(surname) and len(surname) > 5 else surname
        suffix = r"[а-яё]{0,3}" if stem != surname else ""
        for m in re.finditer(rf"(?<![\w-]){re.escape(stem)}{suffix}(?![\w-])", text[hit.end:]):
            out.append(Hit(hit.end + m.start(), hit.end + m.end(), m.group(), hit.name, "person",
                           "surname"))
    return out
