"""Document viewer: find a document, then read its metadata (a table), clean text and removed
lines (greyed), all escaped."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..corpus.corpus import Corpus
from ..overview.documents import document_table, find_documents
from ..overview.summary import document_lines
from .common import LISTED, Dashboard
from .tables import Table


def document_metadata(corpus: Corpus, doc_id: str) -> pd.DataFrame:
    """One document's metadata (dates as precisely as known, its text left out).

    Columns: field, value."""
    meta = document_table(corpus, [doc_id])
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
    """Find a document by a part of its doc_id, outlet or title (`find`); pick one of the first
    `listed` matches (`document`); see its metadata, clean text and removed lines. The list
    says how many documents match and never holds more than `listed`, so a corpus of a million
    documents answers as fast as one of five."""

    kind = "corpus"

    def __init__(self, corpus: Corpus, *, listed: int = LISTED, views: str | Path | None = None):
        self.corpus = corpus
        self.listed = listed
        self.matches = find_documents(corpus, limit=listed)
        find = widgets.Text(description="Find", placeholder="part of a doc_id, outlet or title",
                            continuous_update=False, layout={"width": "60%"})
        pick = widgets.Dropdown(options=self._options(), description="Document",
                                layout={"width": "90%"})
        self.count = widgets.HTML(self._count(""))
        self.metadata = Table("document-metadata", title="Metadata")
        self.view = widgets.HTML()
        super().__init__({"find": find, "document": pick}, {"metadata": self.metadata},
                         widgets.VBox([find, self.count, pick, self.metadata, self.view]),
                         views=views, chart=False)
        self.observe(lambda change: self.search(), ("find",))
        self.observe(lambda change: self.render(), ("document",))
        self.render()

    def _options(self) -> list[tuple[str, str]]:
        """(label, doc_id) of each listed match: doc_id — outlet — date — title."""
        return [(" — ".join("?" if pd.isna(x) else str(x) for x in row), row[0])
                for row in self.matches.itertuples(index=False)]

    def _count(self, text: str) -> str:
        total, shown = self.matches.attrs["total"], len(self.matches)
        what = f" containing “{html.escape(text)}”" if text.strip() else ""
        more = f"; listing the first {shown:,}: type to narrow" if total > shown else ""
        return f"<small>{total:,} document{'' if total == 1 else 's'}{what}{more}</small>"

    def search(self) -> None:
        """List the documents matching the search text, keeping the shown one if it is listed
        (else the first match is shown)."""
        shown, text = self.value("document"), self.value("find")
        self.matches = find_documents(self.corpus, text, limit=self.listed)
        self.count.value = self._count(text)
        pick = self.controls["document"]
        pick.options = self._options()
        if shown in set(self.matches.doc_id):
            pick.value = shown

    def render(self) -> None:
        doc_id = self.controls["document"].value
        self.metadata.show(document_metadata(self.corpus, doc_id) if doc_id else pd.DataFrame())
        self.view.value = document_html(self.corpus, doc_id) if doc_id else "<i>No documents.</i>"
