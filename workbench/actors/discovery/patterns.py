"""Shared pieces of actor discovery: a text's words (`Token`) and what is found (`Hit`), the
regular expressions that find runs of capitalised words, acronyms, quoted names and Russian
words, and small helpers on them."""

from __future__ import annotations

import re
from typing import NamedTuple

UPPER = "A-ZÀ-ÖØ-ÞĞİŞÇÖÜƏА-ЯЁ"
CAP = rf"[{UPPER}][\w]*(?:[-–][\w]+)*"
#: words inside a person's name ("Lula da Silva", "Ursula von der Leyen")
PARTICLES = ("de", "da", "dos", "das", "do", "von", "van", "der", "den", "al", "bin", "ibn")
CONNECT = "|".join(("of", "for", "and", "on", "the", *PARTICLES))
#: a run of capitalised words, with connectors and possessives ("Azerbaijan's Foreign Ministry")
RUN = re.compile(rf"(?<![\w-]){CAP}(?:(?:['’]s)?(?:\s+(?:{CONNECT}))*\s+{CAP})*")
WORD = re.compile(rf"{CAP}|['’]s|\S+")
ACRONYM = re.compile(rf"(?<![\w-])[{UPPER}]{{2,6}}(?![\w-])")
QUOTED = re.compile(rf"[«“\"„]\s*({CAP}(?:\s+[\w–-]+){{0,3}}?)\s*[»”\"]")
DEFINED = re.compile(rf"\s*\(([{UPPER}]{{2,6}})\)")
ONE_WORD = re.compile(rf"(?<![\w-])[{UPPER}][\w]+(?![\w-])")
JOINT = re.compile(
    r"(?<![\w-])(?:(?:[Jj]oint|[Сс]овместн[а-я]+)\s+)?(?P<first>[A-ZА-ЯЁа-яё][\w]+)[-–]"
    r"(?P<second>[A-ZА-ЯЁа-яё][\w]+)\s+(?P<words>(?:[a-zа-яё]+\s+){0,2}[a-zа-яё]+)(?![\w-])")
#: up to four lower-case words, then an acronym in brackets
DEFINED_AHEAD = re.compile(r"((?: [а-яё]+){0,4}) \([А-ЯЁA-Z]{2,6}\)")
EXPANDED = re.compile(r"\s*\(([^()]{5,80})\)")
#: around a one-word organisation that is an acronym: the acronym before it, the name after it
ACRONYM_BEFORE = re.compile(r"(?<![\w-])[А-ЯЁ]{2,} $")
NEXT_WORD = re.compile(r" ([А-ЯЁ][а-яё]+)(?![\w-])")
RU_WORDS = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w-]*\s+$")  # a capitalised word right before
DETERMINERS = ("The", "A", "An", "This", "That", "These", "Those")
ADJECTIVE_ENDINGS = ("ist", "ic", "ish", "ian", "an", "ese", "ern")
CONNECTORS = {*CONNECT.split("|"), "'s", "’s"}
LATIN = re.compile(r"[A-Za-zÀ-ÿĞğİıŞşÇçÖöÜüƏə]")


class Token(NamedTuple):
    """A word of a text and where it stands: `text[start:end] == word`."""

    start: int
    end: int
    word: str


class Hit(NamedTuple):
    """A discovered mention in a document: its span, the text there (`surface`), the actor's
    name, its type (person | organisation | group) and the pattern that found it."""

    start: int
    end: int
    surface: str
    name: str
    type: str
    evidence: str


def split(tokens: list[Token], at: set[str]) -> list[list[Token]]:
    """The non-empty parts of a token list between the tokens whose word is in `at`."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.word in at:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def lower_words(texts) -> set[str]:
    """Words written in lower case somewhere in the corpus: common words, not names."""
    found: set[str] = set()
    for text in texts:
        found.update(re.findall(r"(?<![\w-])[a-zа-яёçğıöşüə]+(?![\w-])", str(text)))
    return found


def initial_capitals(text: str) -> set[str]:
    """Lower-cased words that open a sentence but are never capitalised inside one ("Later the
    Armenian Foreign Ministry said"): they are read as common words."""
    first = {m.group(1) for m in re.finditer(r"(?:^|[.!?]\s+|\n\s*)([A-ZА-ЯЁ]\w+)", text)}
    inside = set(re.findall(r"(?<=[\w,;:]\s)([A-ZА-ЯЁ]\w+)", text))
    return {w.lower() for w in first - inside}


def initials(phrase: str) -> str:
    """The capital initials of a phrase's words (connectors skipped in Latin script)."""
    words = re.findall(r"[\w]+", phrase.replace("–", " ").replace("-", " "))
    if not words:
        return ""
    if LATIN.search(phrase):
        words = [w for w in words if w not in CONNECTORS]
        if not all(w[:1].isupper() for w in words):
            return ""
    return "".join(w[0].upper() for w in words)
