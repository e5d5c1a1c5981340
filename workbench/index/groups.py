"""Grouping documents: by outlet (the document itself where the outlet is unknown) or any column."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus


def group_labels(documents: pd.DataFrame, split: str | None) -> pd.Series:
    """The group of each document: "all", its outlet (doc_id when unknown) or a metadata value."""
    if split is None:
        return pd.Series("all", index=documents.index, dtype="string")
    if split not in documents.columns:
        raise ValueError(f"split={split!r} is not a documents column; expected None or one of "
                         f"{[c for c in documents.columns if c not in ('text', 'title')]}")
    fallback = documents.doc_id if split == "outlet" else "(unknown)"
    return documents[split].astype("string").fillna(fallback)


def group_sizes(labels: pd.Series) -> pd.Series:
    """How many rows each label has, largest first, ties in label order (a chooser's listing).

    >>> group_sizes(pd.Series(["b", "a", "b", "c"])).to_dict()
    {'b': 2, 'a': 1, 'c': 1}
    """
    counts = labels.astype(str).value_counts()
    return counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def largest_groups(corpus: Corpus, n: int = 1, *, split: str = "outlet") -> list[str]:
    """The `n` groups with most documents (`group_labels`: an outlet, or a document whose outlet
    is unknown), largest first; ties go to the group with more tokens, then by name. What a
    notebook shows by default where it needs an outlet, so it runs on any corpus.

    >>> from types import SimpleNamespace
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "Y", None],
    ...                      "n_tokens": [900, 10, 20, 5]})
    >>> largest_groups(SimpleNamespace(documents=docs), 3)
    ['Y', 'X', 'd']
    """
    docs = corpus.documents
    sizes = pd.DataFrame({"group": group_labels(docs, split).astype(str).to_numpy(),
                          "tokens": docs.n_tokens.to_numpy()}).groupby("group").tokens.agg(
        ["size", "sum"]).reset_index()
    ranked = sizes.sort_values(["size", "sum", "group"], ascending=[False, False, True])
    return ranked.group.head(n).tolist()


def most_frequent(values: pd.Series, candidates, n: int = 1) -> list[str]:
    """The `n` of `candidates` most often among `values`, most first (ties in `candidates`'
    order); those never seen are left out, unless none is seen: then the first `n` candidates,
    so a default chosen this way is always a valid choice.

    >>> most_frequent(pd.Series(["b", "c", "b", "x"]), ["a", "b", "c"], 2)
    ['b', 'c']
    >>> most_frequent(pd.Series([], dtype=str), ["a", "b"])
    ['a']
    """
    candidates = list(dict.fromkeys(candidates))
    counts = pd.Series(values).astype(str).value_counts().reindex(candidates, fill_value=0)
    seen = counts[counts > 0].sort_values(ascending=False, kind="stable")
    return (seen.index.tolist() or candidates)[:n]


def outlet_of(documents: pd.DataFrame) -> pd.Series:
    """Each document's outlet, or its doc_id where the outlet is unknown (indexed by doc_id)."""
    return pd.Series(group_labels(documents, "outlet").to_numpy(),
                     index=documents["doc_id"].astype("string"), name="outlet")


def rows_by_document(table: pd.DataFrame, documents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """`table`'s rows grouped by document in `documents` order (stable within a document) and the
    bounds: document i's rows are `order[bounds[i]:bounds[i + 1]]`. One pass over the table
    instead of a groupby that builds a frame per document."""
    codes = document_rows(table["doc_id"], documents)
    order = np.argsort(codes, kind="stable")
    return order, np.searchsorted(codes[order], np.arange(len(documents) + 1))


def document_ids(corpus: Corpus) -> pd.Index:
    """The documents' doc_ids as an Index, hashed once and kept in `corpus.indexes` until the
    documents table changes: a click's few ids then find their rows without a pass over a
    million documents."""
    kept = corpus.indexes.ids
    if kept is None or kept[0] is not corpus.documents:
        kept = corpus.indexes.ids = (corpus.documents,
                                     pd.Index(corpus.documents.doc_id.astype(str)))
    return kept[1]


def document_rows(doc_ids: pd.Series, documents: pd.DataFrame) -> np.ndarray:
    """The `documents` row of each of `doc_ids` (-1 where none). A categorical column (the
    tokens', sentences', paragraphs') is looked up once per label, not once per row."""
    index = pd.Index(documents["doc_id"].astype(object))
    if isinstance(doc_ids.dtype, pd.CategoricalDtype):
        rows = np.append(index.get_indexer(doc_ids.cat.categories.astype(object)), -1)
        return rows[doc_ids.cat.codes.to_numpy()]  # code -1 (missing) takes the last -1
    return index.get_indexer(doc_ids.astype(object))
