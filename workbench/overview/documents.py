"""The documents as a researcher reads and finds them (notebook 00): the table without the text,
dates as precisely as they are known, and a search over doc_ids, outlets and titles that answers
at once on a million documents."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.dates import date_labels

FOUND_COLUMNS = ["doc_id", "outlet", "date", "title"]
SEARCHED = ("doc_id", "outlet", "title")
LIMIT = 100  # matches `find_documents` returns by default


def document_table(corpus: Corpus, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The documents (all, or those of `doc_ids`, in corpus order) as a table to read: every
    column but the text, the date written as precisely as it is known ("2024", "2024-04",
    "2024-04-05"; <NA> when undated) beside its precision. Columns: those of
    `corpus.documents` but text."""
    docs = corpus.documents
    if doc_ids is not None:
        docs = docs[docs.doc_id.isin(list(doc_ids))]
    return docs.drop(columns=["text"]).assign(
        date=date_labels(docs.date, docs.date_precision).to_numpy())


def find_documents(corpus: Corpus, text: str = "", *, limit: int = LIMIT) -> pd.DataFrame:
    """The documents whose doc_id, outlet or title contains `text` (case-insensitive, as
    written: no wildcards; every document when empty), in corpus order: the first `limit`, and
    `attrs["total"]`, how many match. An untitled document's title is its text's opening words.

    Columns: doc_id, outlet, date (as precisely as known), title.
    """
    docs = corpus.documents
    text = text.strip()
    hit = np.ones(len(docs), dtype=bool)
    if text:
        hit[:] = False
        for column in SEARCHED:
            hit |= docs[column].astype("string").str.contains(
                text, case=False, regex=False).fillna(False).to_numpy(dtype=bool)
    rows = np.flatnonzero(hit)
    shown = docs.iloc[rows[:limit]]
    out = pd.DataFrame({
        "doc_id": shown.doc_id.astype(str).to_numpy(), "outlet": shown.outlet.to_numpy(),
        "date": date_labels(shown.date, shown.date_precision).to_numpy(),
        "title": shown.title.fillna(shown.text.str.slice(0, 60)).str.replace(
            r"\s+", " ", regex=True).to_numpy()},
        columns=FOUND_COLUMNS)
    out.attrs["total"] = len(rows)
    return out
