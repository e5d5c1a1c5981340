"""Distinctive vocabulary: keyness of groups of documents (outlets) against the rest or a reference.

Every row opens to the occurrences it counted (`term_spans`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..index.axis import document_axis
from ..index.keyness import keyness
from .measures import By, _split


def keyness_by_group(corpus: Corpus, *, by: By = "outlet", target: Iterable[str] | None = None,
                     reference: Iterable[str] | None = None, min_freq: int = 3,
                     content_only: bool = False, max_groups: int = 50) -> pd.DataFrame:
    """Distinctive vocabulary of groups of documents, via `workbench.index.keyness`.

    Default: every group (at most `max_groups`, those with most tokens, with a warning saying
    so) against the rest of the corpus, all in one tidy table. With `target`
    (group labels) it is those groups together against `reference` (default: all others).
    `content_only` drops stopwords and numbers. Columns: group, reference, then keyness's.
    """
    axis = document_axis(corpus)
    _, codes, names = axis.groups(_split(by))
    counts = axis.group_counts(_split(by))
    position = pd.Index(names)
    whole = np.asarray(counts.sum(axis=0)).ravel()

    def summed(side: list[str]) -> np.ndarray:
        rows = np.unique(position.get_indexer(side))
        return np.asarray(counts[rows[rows >= 0]].sum(axis=0)).ravel()

    if target is None:
        present = names[pd.unique(codes)]
        if len(present) > max_groups:  # thousands of outlets: one table each would not fit
            sizes = pd.Series(np.asarray(counts.sum(axis=1)).ravel(), index=names)[present]
            present = sizes.sort_values(ascending=False, kind="stable").index[:max_groups]
            warnings.warn(f"keyness for the {max_groups} of {len(sizes):,} groups with most tokens; "
                          "pass target=[...] for others, or raise max_groups", stacklevel=2)
        pairs = [([g], None) for g in present]
    else:
        pairs = [(list(target), None if reference is None else list(reference))]
    tables = []
    for tgt, ref in pairs:
        sums = summed(tgt)
        table = keyness(*_by_norm(axis.index, sums, whole - sums if ref is None else summed(ref),
                                  content_only=content_only), min_freq=min_freq)
        name = "rest" if ref is None else " + ".join(ref)
        tables.append(table.assign(group=" + ".join(tgt), reference=name))
    out = pd.concat(tables, ignore_index=True)
    return out[["group", "reference", *out.columns[:-2]]]


def _by_norm(index, target: np.ndarray, reference: np.ndarray, *,
             content_only: bool) -> tuple[pd.Series, pd.Series]:
    """Counts per norm of both sides, on one shared index of the norms either side uses."""
    if content_only:
        target, reference = (np.where(index.content, s, 0) for s in (target, reference))
    used = (target > 0) | (reference > 0)
    norms = index.norms[used]
    return pd.Series(target[used], index=norms), pd.Series(reference[used], index=norms)


def term_spans(corpus: Corpus, term: str, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The tokens with norm `term` (a row of a keyness table) in the given documents (in every
    document when None).

    Columns: doc_id, start, end, sent_id; exactly the occurrences keyness counted.
    """
    tok = corpus.tokens
    code = tok.norm.cat.categories.get_indexer([term])[0]
    hits = tok.iloc[np.flatnonzero(tok.norm.cat.codes.to_numpy() == code) if code >= 0 else []]
    hits = hits[["doc_id", "start", "end", "sent_id"]].astype({"doc_id": str})
    if doc_ids is not None:  # the word's few rows are checked against the documents
        hits = hits[hits.doc_id.isin(doc_ids if isinstance(doc_ids, pd.Index) else list(doc_ids))]
    return hits.reset_index(drop=True)


def most_distinctive(table: pd.DataFrame, group: str) -> str | None:
    """The term `group` over-uses most surely (highest G² among its "over" rows of a
    `keyness_by_group` table): the word a notebook opens to its passages by default; None when
    the group over-uses none at the table's minimum frequency."""
    over = table[(table.group == group) & (table.direction == "over")]
    return str(over.sort_values("g2", ascending=False, kind="stable").term.iloc[0]) if len(over) else None
