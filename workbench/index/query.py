"""Queries: words, phrases, wildcards and keyword groups, found in the normalised tokens.

Syntax of a query (the dashboard's terms box, a cell of `data/keywords.csv`):
terms are separated by commas, semicolons or new lines; a term of several words is a phrase
(`strategic partnership`, quotes optional); `*` stands for any run of characters and `?` for
one (`peacekeep*`); `@alliance` is the keyword group "alliance" of `data/keywords.csv`.
Matching (`workbench.index.terms`) is on `tokens.norm`, so it is case-insensitive and works the
same for Cyrillic.
A multi-word expression joined into one token (`strategic_partnership`) is read as its words:
a phrase matches it as well as the same words in consecutive tokens of one sentence, and a word
matches inside it. With `stem=True` a plain word (not a wildcard) matches every word with the same
Snowball stem (Russian stemmer for Cyrillic words, English otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ..corpus.norms import normalise_token

_SEPARATORS = re.compile(r"[,;\n]+")


@dataclass(frozen=True)
class Query:
    """One term to count: a label and the phrases (tuples of words) that count as it."""

    label: str
    phrases: tuple[tuple[str, ...], ...]


def parse_query(text: str | Iterable[str], *,
                groups: Mapping[str, Query] | None = None) -> list[Query]:
    """Parse a query string (or a list of terms) into `Query` objects, one per term.

    >>> [q.phrases for q in parse_query("Peacekeep*, 'strategic partnership'")]
    [(('peacekeep*',),), (('strategic', 'partnership'),)]
    """
    items = _SEPARATORS.split(text) if isinstance(text, str) else list(text)
    out = []
    for item in (i.strip().strip("\"'\u201c\u201d\u00ab\u00bb ").strip() for i in items):
        if not item:
            continue
        if item.startswith("@"):
            name = item[1:].strip()
            if groups is None or name not in groups:
                known = sorted(groups) if groups else []
                raise ValueError(f"keyword group {name!r} is unknown; expected one of {known} "
                                 "(groups are defined in data/keywords.csv)")
            out.append(groups[name])
            continue
        words = tuple(normalise_token(w) for w in re.split(r"[\s_]+", item) if w)
        out.append(Query(" ".join(words), (words,)))
    return out


def as_queries(terms: str | Query | Iterable[str | Query], *,
               groups: Mapping[str, Query] | None = None) -> list[Query]:
    """`Query` objects from a query string, one `Query`, or a list of terms and queries."""
    if isinstance(terms, Query):
        return [terms]
    if isinstance(terms, str):
        return parse_query(terms, groups=groups)
    return [q for t in terms
            for q in ([t] if isinstance(t, Query) else parse_query(t, groups=groups))]


def named_query(label: str, terms: str | Iterable[str]) -> Query:
    """One query labelled `label` that counts a match of any of `terms` (a query string, or
    several: the rows of a keyword group, frame or name variant).

    >>> named_query("peace", ["peacekeep*", "ceasefire"]).phrases
    (('peacekeep*',), ('ceasefire',))
    """
    return Query(label, tuple(phrase for q in parse_query(", ".join([terms] if isinstance(
        terms, str) else terms)) for phrase in q.phrases))


def query_table(queries: Mapping[str, Query]) -> pd.DataFrame:
    """What each named query counts (keyword groups, frames), one row per name, to show a
    researcher what is matched. Columns: name, phrases (how many), terms (the phrases as a query
    string writes them, normalised).

    >>> query_table({"peace": named_query("peace", "Peacekeep*, cease fire")})
        name  phrases                   terms
    0  peace        2  peacekeep*, cease fire
    """
    return pd.DataFrame({
        "name": list(queries),
        "phrases": [len(q.phrases) for q in queries.values()],
        "terms": [", ".join(" ".join(p) for p in q.phrases) for q in queries.values()]})
