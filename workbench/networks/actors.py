"""The actor dictionary: load `data/actors.csv`, check it, and find actor mentions in documents.

One row of the CSV is one alias of one actor; its header explains the columns. Mentions are
found with one compiled regular expression per setting (a character trie of every alias form),
so a document is scanned once however large the dictionary grows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import product
from pathlib import Path

import pandas as pd

from ..project.project import data_path

TYPES = ("person", "state", "organisation", "group", "place")
KINDS = ("name", "surname", "adjective", "metonym", "title")
COLUMNS = ("actor", "type", "affiliation", "alias", "kind", "since", "until", "note")


class ActorDictionaryError(ValueError):
    """A broken actor dictionary; the message names every offending line."""


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the actor dictionary.

    Returns one row per alias with columns `line` (line in the file), `actor`, `type`,
    `affiliation`, `alias`, `kind`, `since`, `until` (Int64 years) and `note`; `type` and
    `affiliation` are filled in on every row of an actor.
    Raises ActorDictionaryError listing each bad line (empty names, unknown types or kinds,
    conflicting types, an alias pointing to two actors).
    """
    path = Path(path) if path else data_path("actors.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    n_comments = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    raw = pd.read_csv(path, skiprows=n_comments, dtype="string", skip_blank_lines=False,
                      keep_default_na=False)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise ActorDictionaryError(f"{path}: lacks columns {missing}; expected {list(COLUMNS)}")
    raw = raw.assign(line=range(n_comments + 2, n_comments + 2 + len(raw)))
    raw = raw[(raw[list(COLUMNS)].apply(lambda c: c.str.strip()) != "").any(axis=1)]
    for col in COLUMNS:
        raw[col] = raw[col].str.strip()
    errors = _row_errors(raw) + _actor_errors(raw)
    if not errors:
        raw = _fill_actor_fields(raw)
        errors = _duplicate_errors(raw)
    if errors:
        raise ActorDictionaryError(f"{path}: {len(errors)} problem(s)\n" + "\n".join(errors))
    years = {c: pd.to_numeric(raw[c].replace("", None)).astype("Int64") for c in ("since", "until")}
    return raw.assign(**years)[["line", *COLUMNS]].reset_index(drop=True)


def _row_errors(df: pd.DataFrame) -> list[str]:
    """Line-by-line checks: empty fields, unknown type or kind, non-numeric years."""
    errors = []
    for r in df.itertuples(index=False):
        if not r.actor:
            errors.append(f"line {r.line}: empty actor name (alias {r.alias!r})")
        if not r.alias:
            errors.append(f"line {r.line}: empty alias for actor {r.actor!r}")
        if r.type and r.type not in TYPES:
            errors.append(f"line {r.line}: type {r.type!r} of {r.actor!r} is unknown; "
                          f"expected one of {', '.join(TYPES)}")
        if r.kind not in KINDS:
            errors.append(f"line {r.line}: kind {r.kind!r} of alias {r.alias!r} is unknown; "
                          f"expected one of {', '.join(KINDS)}")
        for col, value in (("since", r.since), ("until", r.until)):
            if value and not value.isdigit():
                errors.append(f"line {r.line}: {col}={value!r} is not a year")
    return errors


def _actor_errors(df: pd.DataFrame) -> list[str]:
    """Per-actor checks: a type given at least once, and never two different ones."""
    errors, first_seen = [], {}
    for r in df[df["actor"] != ""].itertuples(index=False):
        seen = first_seen.setdefault(r.actor, {"line": r.line, "type": "", "affiliation": ""})
        for col in ("type", "affiliation"):
            value = getattr(r, col)
            if value and seen[col] and value != seen[col]:
                errors.append(f"line {r.line}: {col} of {r.actor!r} is {value!r} here but "
                              f"{seen[col]!r} above; give one")
            seen[col] = seen[col] or value
    errors += [f"line {seen['line']}: actor {actor!r} has no type; expected one of "
               f"{', '.join(TYPES)}" for actor, seen in first_seen.items() if not seen["type"]]
    return errors


def _fill_actor_fields(df: pd.DataFrame) -> pd.DataFrame:
    """Copy each actor's type and affiliation onto all of its rows."""
    out = df.copy()
    for col in ("type", "affiliation"):
        given: dict[str, str] = {}
        for actor, value in zip(out["actor"], out[col], strict=True):
            if value:
                given.setdefault(actor, value)
        out[col] = pd.array([given.get(a, "") for a in out["actor"]], dtype="string")
    return out


def _duplicate_errors(df: pd.DataFrame) -> list[str]:
    """An alias may point to one actor only, except: a surname shared by persons, an alias used
    in years that do not overlap (a title's holders), and a place's name that is also a metonym
    of its state ("Moscow")."""
    groups: dict[str, list] = {}
    for r in df[df.duplicated("alias", keep=False)].itertuples(index=False):
        groups.setdefault(r.alias, []).append(r)
    errors = []
    for alias, rows in groups.items():
        kinds = {r.kind for r in rows}
        distinct = len({r.actor for r in rows}) == len(rows)
        names = [r for r in rows if r.kind == "name"]
        if (kinds == {"surname"} and distinct) or not _overlap(rows):
            continue
        if kinds == {"name", "metonym"} and len(names) == 1 and names[0].type == "place" \
                and distinct:
            continue
        where = ", ".join(f"line {r.line} ({r.actor}, {r.kind})" for r in rows)
        errors.append(f"line {rows[-1].line}: alias {alias!r} points to more than one actor or "
                      f"repeats: {where}; keep one or change its kind")
    return errors


def _overlap(rows: list) -> bool:
    """Whether any two [since, until) year ranges of these rows overlap."""
    spans = sorted((int(r.since or 0), int(r.until or 9999)) for r in rows)
    return any(nxt[0] < prev[1] for prev, nxt in zip(spans, spans[1:], strict=False))


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
