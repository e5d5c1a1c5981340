"""Corpus overview: what is in the corpus and how each document was cleaned."""

from __future__ import annotations

import pandas as pd

from ..index.groups import group_labels


def document_lines(corpus, doc_id: str) -> pd.DataFrame:
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


def outlet_summary(corpus) -> pd.DataFrame:
    """Per outlet (or document, when the outlet is unknown): documents, tokens, date range.

    Columns: source, documents, tokens, first, last, undated.
    """
    docs = corpus.documents.assign(source=group_labels(corpus.documents, "outlet"))
    grouped = docs.groupby("source", sort=True)
    return pd.DataFrame({
        "documents": grouped.size(),
        "tokens": grouped.n_tokens.sum(),
        "first": grouped.date.min(),
        "last": grouped.date.max(),
        "undated": grouped.date.apply(lambda s: int(s.isna().sum())),
    }).reset_index()
