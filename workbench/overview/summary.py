"""Corpus overview: what is in the corpus and how each document was cleaned."""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.dates import date_labels, first_and_last
from ..index.groups import group_labels


def document_lines(corpus: Corpus, doc_id: str) -> pd.DataFrame:
    """Every non-blank source line of a document in order, kept or removed.

    Columns: line_no, text, kept (bool), rule (why a line was removed; <NA> when kept).
    """
    paras = corpus.paragraphs[corpus.paragraphs.doc_id == doc_id]
    text = corpus.text(doc_id)
    kept = pd.DataFrame({
        "line_no": paras.line_no.astype(int),
        "text": [text[s:e] for s, e in zip(paras.start, paras.end)],
        "kept": True,
        "rule": pd.NA,
    })
    removed = corpus.removed[corpus.removed.doc_id == doc_id]
    gone = pd.DataFrame({"line_no": removed.line_no.astype(int), "text": removed.text.astype(str),
                         "kept": False, "rule": removed.rule.astype(str)})
    frames = [f for f in (kept, gone) if len(f)]
    if not frames:
        return pd.DataFrame(columns=["line_no", "text", "kept", "rule"])
    return pd.concat(frames).sort_values("line_no", ignore_index=True)


def outlet_summary(corpus: Corpus) -> pd.DataFrame:
    """Per outlet (or document, when the outlet is unknown): documents, tokens, date range.

    Columns: source, documents, tokens, first, last (dates as precisely as known: "2024",
    "2024-04", "2024-04-05"), undated.
    """
    docs = corpus.documents.assign(source=group_labels(corpus.documents, "outlet"))
    grouped = docs.groupby("source", sort=True)
    size = grouped.size()
    span = first_and_last(docs.date, docs.date_precision, docs.source).reindex(size.index)
    return pd.DataFrame({
        "documents": size,
        "tokens": grouped.n_tokens.sum(),
        "first": span["first"],
        "last": span["last"],
        "undated": grouped.date.apply(lambda s: int(s.isna().sum())),
    }).rename_axis("source").reset_index()


REPUBLICATION_COLUMNS = ["copy_group", "doc_id", "outlet", "date", "date_precision", "title",
                         "copy_of", "similarity", "earliest"]


def republications(corpus: Corpus) -> pd.DataFrame:
    """The stories several outlets ran: one row per copy, grouped by copy group, the earliest dated
    copy first (corpus order among undated ones).

    Columns: copy_group, doc_id, outlet (the document itself when unknown), date (as precisely
    as known), date_precision, title, copy_of (the document it copies), similarity (to it; 1.0
    for identical text or the group's first), earliest (the copy with the earliest date in its
    group).
    """
    return _copies(corpus).assign(date=lambda c: date_labels(c.date, c.date_precision).to_numpy())


def _copies(corpus: Corpus) -> pd.DataFrame:
    """`republications` with the dates as dates (what `republishers` orders by)."""
    docs = corpus.documents
    if "copy_group" not in docs or docs.copy_group.isna().all():
        return pd.DataFrame(columns=REPUBLICATION_COLUMNS)
    copies = docs[docs.copy_group.notna()].assign(
        outlet=lambda d: group_labels(d, "outlet"), order=lambda d: range(len(d)),
        similarity=lambda d: d.copy_similarity)
    copies = copies.sort_values(["copy_group", "date", "order"], na_position="last", kind="stable")
    copies["earliest"] = ~copies.copy_group.duplicated()
    return copies[REPUBLICATION_COLUMNS].reset_index(drop=True)


def republishers(corpus: Corpus) -> pd.DataFrame:
    """Who republishes whom: per pair of outlets, how many stories the second ran after the first.

    Columns: source (outlet of a group's earliest copy), republished_by (the outlet of another copy),
    stories (copy groups), first, last (dates of the earliest copies, as precisely as known).
    """
    rows = _copies(corpus)
    if rows.empty:
        return pd.DataFrame(columns=["source", "republished_by", "stories", "first", "last"])
    first = rows[rows.earliest].set_index("copy_group")
    later = rows[~rows.earliest].assign(source=lambda r: r.copy_group.map(first.outlet),
                                        first_date=lambda r: r.copy_group.map(first.date),
                                        first_precision=lambda r: r.copy_group.map(first.date_precision))
    table = later.groupby(["source", "outlet"], as_index=False).agg(stories=("copy_group", "nunique"))
    table = table.join(first_and_last(later.first_date, later.first_precision,
                                      later[["source", "outlet"]]), on=["source", "outlet"])
    return table.rename(columns={"outlet": "republished_by"}).sort_values(
        ["stories", "source"], ascending=[False, True], ignore_index=True)
