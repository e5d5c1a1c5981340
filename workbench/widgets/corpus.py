"""Document viewer: metadata (a table), clean text and removed lines (greyed), all escaped."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..corpus.corpus import Corpus
from ..overview.summary import document_lines
from .common import Dashboard
from .tables import Table


def document_metadata(corpus: Corpus, doc_id: str) -> pd.DataFrame:
    """One document's metadata as rows of field and value (its text left out)."""
    meta = corpus.documents[corpus.documents.doc_id == doc_id].drop(columns=["text"])
    return meta.T.reset_index().set_axis(["field", "value"], axis=1)


def document_html(corpus: Corpus, doc_id: str) -> str:
    """One document's lines as escaped HTML, each kept or greyed out with the rule that removed it."""
    lines = []
    for row in document_lines(corpus, doc_id).itertuples(index=False):
        text = html.escape(row.text)
        if row.kept:
            lines.append(f"<p><small style='color:#999'>{row.line_no}</small> {text}</p>")
        else:
            lines.append(f"<p style='color:#aaa'><small>{row.line_no}</small> <s>{text}</s> "
                         f"<small>[removed: {html.escape(str(row.rule))}]</small></p>")
    return "".join(lines)


class DocumentViewer(Dashboard):
    """Pick a document; see its metadata, clean text and removed lines."""

    kind = "corpus"

    def __init__(self, corpus: Corpus, *, views: str | Path | None = None):
        self.corpus = corpus
        docs = corpus.documents
        options = [(f"{d} — {o if not pd.isna(o) else '?'} — {str(x if not pd.isna(x) else t)[:60]}", d)
                   for d, o, x, t in zip(docs.doc_id, docs.outlet, docs.title, docs.text)]
        pick = widgets.Dropdown(options=options, description="Document",
                                layout={"width": "90%"})
        self.metadata = Table("document-metadata", title="Metadata")
        self.view = widgets.HTML()
        super().__init__({"document": pick}, {"metadata": self.metadata},
                         widgets.VBox([pick, self.metadata, self.view]), views=views, chart=False)
        self.observe(lambda change: self.render())
        self.render()

    def render(self) -> None:
        doc_id = self.controls["document"].value
        self.metadata.show(document_metadata(self.corpus, doc_id) if doc_id else pd.DataFrame())
        self.view.value = document_html(self.corpus, doc_id) if doc_id else "<i>No documents.</i>"
