"""Russian word forms for actor discovery: dictionary forms, name tags and the nominative.

pymorphy3 with its OpenCorpora dictionaries (installed from PyPI, read offline) parses a word
into its possible analyses; a person's name is a sequence whose words all have a first-name,
patronymic or surname analysis in one shared case, and its canonical form is that sequence in
the nominative ("Эмомали Рахмоном" -> "Эмомали Рахмон").
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

NAME_TAGS = {"Name", "Surn", "Patr"}


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word's likeliest analysis, lower case."""
    return _analyzer().parse(word)[0].normal_form


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms of every analysis of a word, lower case."""
    return frozenset(p.normal_form for p in _analyzer().parse(word))


@lru_cache(maxsize=50_000)
def _name_parses(word: str) -> tuple:
    """Analyses of `word` as a first name, patronymic or surname."""
    return tuple(p for p in _analyzer().parse(word) if NAME_TAGS & p.tag.grammemes)


def is_first_name(word: str) -> bool:
    """Whether the dictionary knows `word` as a first name (not a guess from its ending)."""
    return any("Name" in p.tag.grammemes and p.is_known for p in _name_parses(word))


def is_name_like(word: str) -> bool:
    """Whether a word may be part of a name: the dictionary does not know it (a foreign name:
    Базрпаш) or knows it as a name."""
    return not is_known(word) or bool(_name_parses(word))


def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (rather than guessing from its ending)."""
    return any(p.is_known for p in _analyzer().parse(word))


def is_common_word(word: str) -> bool:
    """Whether the dictionary knows a capitalised word only as something other than a name
    ("Глава", "Министр"): it opens no person's name."""
    parses = [p for p in _analyzer().parse(word) if p.is_known]
    return bool(parses) and not any(NAME_TAGS & p.tag.grammemes or {"Geox", "Orgn"}
                                    & p.tag.grammemes for p in parses)


def is_adjective(word: str) -> bool:
    """Whether the likeliest analysis of a word is a full adjective (Следственный)."""
    return _analyzer().parse(word)[0].tag.POS == "ADJF"


def is_genitive(word: str) -> bool:
    """Whether a word can be a genitive noun or adjective (a complement: иностранных дел)."""
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF")
               for p in _analyzer().parse(word))


def in_noun_phrase(word: str) -> bool:
    """Whether a word's likeliest analysis is a noun, adjective, preposition or conjunction: it
    may go on a body's complement ("по работе с религиозными образованиями"), a verb not."""
    return _analyzer().parse(word)[0].tag.POS in ("NOUN", "ADJF", "PREP", "CONJ", "PRTF")


def surname_stem(word: str) -> str:
    """A surname without a case ending ("Шахбазовым" -> "Шахбазов", "Рзаева" -> "Рзаев")."""
    return re.sub(r"(?<=[вн])(?:ым|ом|а|у|е)$", "", word)


def as_written_name(words: list[str]) -> str:
    """A name the dictionary cannot inflect, in the nominative as far as can be told: a first
    name it knows, then the surname without its case ending."""
    first = [_nominative(p, w) if (p := next(iter(_name_parses(w)), None)) and p.is_known
             else w for w in words[:-1]]
    return " ".join([*first, surname_stem(words[-1])])


def is_organisation(word: str) -> bool:
    """Whether the dictionary knows the word as an organisation's name (Роснефть, РЖД)."""
    return any("Orgn" in p.tag.grammemes and p.is_known for p in _analyzer().parse(word))


def organisation_name(word: str) -> str:
    """A one-word organisation in the nominative: an acronym as written, else capitalised."""
    if word.isupper():
        return word
    return _capitalised(lemma(word))


def person_name(words: list[str]) -> str | None:
    """The nominative of a sequence of name words that agree in case, or None when the words
    are not all names (a first name, patronymic or surname analysis) in one shared case."""
    # a person is one: plural analyses only for a last surname ("Гусейн Сафаровы")
    options = [[p for p in _name_parses(w) if p.tag.number != "plur"
                or (i == len(words) - 1 and "Surn" in p.tag.grammemes)]
               for i, w in enumerate(words)]
    if not all(options):
        return None
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        chosen = [next((p for p in parses if p.tag.case == case), None) for parses in options]
        if all(chosen):
            genders = {p.tag.gender for p in chosen} - {None}
            if len(genders) > 1:
                continue
            return " ".join(_nominative(p, w) for p, w in zip(chosen, words, strict=True))
    return None


def _nominative(parse, word: str) -> str:
    if parse.tag.case == "nomn":
        return word
    form = parse.inflect({"nomn"})
    return _capitalised(form.word if form else parse.normal_form)


def singular_surname(word: str) -> str | None:
    """A plural surname's singular nominative ("Сафаровы" -> "Сафаров"), else None."""
    for parse in _name_parses(word):
        if "Surn" in parse.tag.grammemes and parse.tag.number == "plur":
            form = parse.inflect({"sing", "masc", "nomn"})
            return _capitalised(form.word) if form else None
    return None


def nominative(words: list[str]) -> str:
    """An organisation's name with its head in the nominative: the words up to the first noun
    are put in the nominative, adjectives agreeing with that noun, its complement kept
    ("Следственного комитета России" -> "Следственный комитет России")."""
    parses = [_analyzer().parse(word)[0] for word in words]
    head = next((i for i, p in enumerate(parses) if p.tag.POS == "NOUN"), len(words) - 1)
    agree = {g for g in (parses[head].tag.number, parses[head].tag.gender) if g}
    if parses[head].tag.number == "plur":
        agree -= {parses[head].tag.gender}
    out = []
    for i, (word, parse) in enumerate(zip(words, parses, strict=True)):
        form = parse.inflect({"nomn"} | (agree if i < head else set())) if i <= head else None
        text = form.word if form else word
        out.append(_capitalised(text) if word[:1].isupper() else text)
    return " ".join(out)


def group_nominative(words: list[str]) -> str:
    """A collective (adjectives + noun) in the nominative, in the noun's number: "российских
    миротворцев" -> "российские миротворцы", "российского миротворческого контингента" ->
    "российский миротворческий контингент"."""
    noun = _analyzer().parse(words[-1])[0]
    number = noun.tag.number or "plur"
    agree = {number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
    out = []
    for i, word in enumerate(words):
        parse = _analyzer().parse(word)[0]
        form = parse.inflect({"nomn", number} if i == len(words) - 1 else {"nomn"} | agree)
        out.append(form.word if form else word.lower())
    return " ".join(out)


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
