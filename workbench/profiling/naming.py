"""Naming lens: which variant of a politically loaded name each outlet uses.

Variants live in `data/naming_variants.csv` (concept, variant, terms, stance, notes; read by
`Project.naming_variants()`); `terms` uses the query syntax of `workbench.index.query` (commas
between terms, `*` wildcards, phrases, Cyrillic). Where variants of one concept overlap
("Нагорный Карабах" also contains "Карабах"), the longest match is counted and the shorter one
is not.
"""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..index.groups import most_frequent
from ..index.query import named_query
from ..index.terms import find, term_index

MATCH_COLUMNS = ["doc_id", "start", "end", "sent_id", "concept", "variant", "stance"]


def variant_matches(corpus: Corpus, variants: pd.DataFrame, *, compounds: bool = True) -> pd.DataFrame:
    """Every occurrence of every variant, overlaps within a concept resolved to the longest; with
    `compounds`, also inside hyphenated words ("Karabakh" in "Armenia-Karabakh").

    Columns: doc_id, start, end, sent_id, concept, variant, stance.
    """
    index = term_index(corpus)
    found = [find(index, named_query(v.variant, v.terms), compounds=compounds).assign(
        concept=v.concept, variant=v.variant, stance=v.stance)
             for v in variants.itertuples()]
    spans = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=MATCH_COLUMNS)
    spans = spans.assign(length=spans.end - spans.start).sort_values(
        ["concept", "doc_id", "start", "length"], ascending=[True, True, True, False])
    within = ["concept", "doc_id"]  # the furthest end reached by earlier spans of the group
    reach = (spans.assign(end=spans.groupby(within, observed=True).end.cummax())
             .groupby(within, observed=True).end.shift(fill_value=-1))
    return spans[spans.start >= reach][MATCH_COLUMNS].reset_index(drop=True)


def naming_table(matches: pd.DataFrame, variants: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Counts of each variant per group, zeros included, with its share within the concept.

    `groups` maps doc_id to a group label. Columns: group, concept, variant, stance, count,
    share (of the group's mentions of that concept; NaN where the group never names it).
    """
    counts = (matches.assign(group=matches.doc_id.map(groups))
              .groupby(["group", "concept", "variant"]).size().rename("count"))
    grid = pd.MultiIndex.from_frame(
        pd.merge(pd.DataFrame({"group": groups.unique()}),
                 variants[["concept", "variant"]].drop_duplicates(), how="cross"))
    out = counts.reindex(grid, fill_value=0).reset_index()
    total = out.groupby(["group", "concept"])["count"].transform("sum")
    out["share"] = out["count"] / total.where(total > 0)
    stance = variants.drop_duplicates(["concept", "variant"]).set_index(["concept", "variant"])
    out["stance"] = pd.MultiIndex.from_frame(out[["concept", "variant"]]).map(stance.stance)
    return out[["group", "concept", "variant", "stance", "count", "share"]]


def actor_aliases(variants: pd.DataFrame) -> dict[str, str]:
    """Each concept's terms joined into one query string, e.g. to follow an actor's tone."""
    return {c: ", ".join(g.terms) for c, g in variants.groupby("concept", sort=False)}


def most_used_variant(matches: pd.DataFrame, variants: pd.DataFrame, *,
                      concept: str | None = None) -> str:
    """The variant (of `concept`, or of any) with most `variant_matches`; the file's first one
    when none is found. A notebook's default variant, so it runs on any corpus."""
    if concept is not None:
        matches, variants = matches[matches.concept == concept], variants[variants.concept == concept]
    return most_frequent(matches.variant, variants.variant)[0]


def most_named_concepts(matches: pd.DataFrame, variants: pd.DataFrame, n: int = 1) -> list[str]:
    """The `n` concepts (places, actors) with most `variant_matches`, most first; the file's
    first `n` when none is found."""
    return most_frequent(matches.concept, variants.concept, n)
