"""The actor dictionary's aliases as one regular expression: every surface form of every alias.

The dictionary (`data/actors.csv`, one row per alias of an actor; its header explains the
columns) is read and checked by `workbench.project` (`Project.actors`). Mentions are found with
one compiled regular expression per setting (a character trie of every alias form), so a
document is scanned once however large the dictionary grows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import product

import pandas as pd

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_NOUN_ENDINGS = ("", "а", "я", "у", "ю", "ы", "и", "е", "ь", "й", "ой", "ей", "ом", "ем", "ым",
                 "им", "ью")
_ADJ_ENDINGS = ("ий", "ый", "ой", "ого", "ому", "им", "ым", "ом", "ая", "ую", "ое", "ые", "ие",
                "ых", "их", "ыми", "ими", "ей")


def _word_symbols(word: str) -> list:
    """A word as trie symbols: its characters, or a Russian stem plus a tuple of case endings."""
    if not _CYRILLIC.search(word) or word.isupper() or len(word) < 4:
        return list(word)
    if word[-2:] in ("ий", "ый", "ой", "ая", "ое"):
        return [*word[:-2], _ADJ_ENDINGS]
    if word[-1] in "аяьйоеи":
        return [*word[:-1], _NOUN_ENDINGS]
    return [*word, _NOUN_ENDINGS]


def alias_symbols(alias: str) -> set[tuple]:
    """The symbol sequences searched for one alias.

    The alias itself; its ALL-CAPS copy if it has 4+ characters or a period ("Pa." -> "PA.");
    straight and curly apostrophes; Russian case endings on each word of a one- or two-word
    alias, and on the first word of a longer one (its head: Организации Объединённых Наций).
    """
    spellings = {alias, alias.replace("'", "’"), alias.replace("’", "'")}
    if (len(alias) >= 4 or "." in alias) and not alias.isupper():
        spellings |= {s.upper() for s in spellings}
    sequences = set()
    for spelling in spellings:
        words = spelling.split()
        inflected = len(words) if len(words) <= 2 else 1
        symbols = [_word_symbols(w) if i < inflected else list(w) for i, w in enumerate(words)]
        sequences.add(tuple(s for i, word in enumerate(symbols)
                            for s in ([" "] if i else []) + word))
    return sequences


def alias_forms(alias: str) -> set[str]:
    """Every surface string an alias matches.

    >>> sorted(alias_forms("Путин"))[:3]
    ['ПУТИН', 'Путин', 'Путина']
    """
    return {"".join(combo) for seq in alias_symbols(alias)
            for combo in product(*[s if isinstance(s, tuple) else (s,) for s in seq])}


def _trie_regex(sequences: Iterable[tuple]) -> str:
    """One regex alternation shaped as a trie of symbols; longer matches are tried first."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for symbol in seq:
            node = node.setdefault(symbol, {})
        node[None] = {}

    def emit(symbol) -> str:
        if isinstance(symbol, tuple):
            ends = sorted((re.escape(e) for e in symbol if e), key=len, reverse=True)
            return "(?:" + "|".join(ends) + ")" + ("?" if "" in symbol else "")
        return r"\s+" if symbol == " " else re.escape(symbol)

    def walk(node: dict) -> str:
        branches = [emit(s) + walk(child) for s, child in sorted(node.items(), key=repr)
                    if s is not None]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if None in node else body

    return walk(trie)


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...]) -> re.Pattern:
    """Whole-word trie regex; the leading first-character class lets the scan skip fast."""
    sequences = {seq for alias in aliases for seq in alias_symbols(alias)}
    first = re.escape("".join(sorted({seq[0] for seq in sequences})))
    return re.compile(rf"(?=[{first}])(?<!\w)(?:{_trie_regex(sequences)})(?!\w)")


def compile_aliases(actors: pd.DataFrame, kinds: Iterable[str]) -> tuple[re.Pattern, dict]:
    """The regex finding every alias of the given kinds, and a map surface form -> alias.

    Look a match up with `forms[" ".join(match.split())]` (runs of whitespace match any space).
    """
    aliases = actors.loc[actors["kind"].isin(list(kinds)), "alias"].unique()
    forms = {alias: alias for alias in aliases}
    for alias in aliases:
        for form in alias_forms(alias):
            forms.setdefault(form, alias)
    return _compile(tuple(sorted(aliases))), forms
