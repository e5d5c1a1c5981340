"""Opting in to lower bounds: an undated document placed at the latest date its text mentions.

A date the story mentions is not its publication date, so by default such a document stays
undated and analyses list it with the bound as the reason. A researcher who accepts "published
on or after" as good enough for a trend opts in here; the documents keep saying where the date
came from (`date_source` "lower bound").
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..corpus.corpus import Corpus, Indexes
from .merge import precision_of


def use_lower_bounds(corpus: Corpus) -> Corpus:
    """The corpus with every undated document that has a `date_not_before` dated at that bound
    (its precision as the bound is written, `date_source` "lower bound"); the rest unchanged."""
    docs = corpus.documents
    take = docs.date.isna() & docs.date_not_before.notna()
    if not take.any():
        return corpus
    docs = docs.copy()
    bound = docs.date_not_before[take].astype(str)
    docs.loc[take, "date"] = pd.to_datetime(bound, format="mixed")
    docs.loc[take, "date_precision"] = bound.map(precision_of)
    docs.loc[take, "date_source"] = "lower bound"
    return replace(corpus, documents=docs, indexes=Indexes())
