"""The `Corpus`: the tables of a loaded corpus (shapes in `workbench.corpus.schema`), and the
indexes the index layer builds on it once and keeps with it (`Indexes`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # built by the index layer, which sits above this one
    from ..index.axis import DocumentAxis
    from ..index.terms import TermIndex

TABLES = ("documents", "paragraphs", "sentences", "tokens", "removed", "report", "metadata")


@dataclass
class Indexes:
    """What queries build once per corpus and reuse (`workbench.index.term_index` and
    `document_axis` fill them on first use); each remembers the table it was built from, so
    it is rebuilt if that table is replaced."""

    terms: TermIndex | None = None
    axis: DocumentAxis | None = None
    #: the documents table and its doc_ids as an Index (`workbench.index.document_ids`)
    ids: tuple[pd.DataFrame, pd.Index] | None = None


@dataclass(frozen=True, repr=False)
class Corpus:
    """The corpus tables (see `workbench.corpus.schema`); offsets point into `documents.text`."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    removed: pd.DataFrame
    report: pd.DataFrame
    metadata: pd.DataFrame
    indexes: Indexes = field(default_factory=Indexes, compare=False)
    #: the cache entry the tables were read from (None when built in memory), where results
    #: derived from them are kept (`workbench.corpus.derived`)
    store: Path | None = field(default=None, compare=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The seven tables by name (what the cache stores)."""
        return {name: getattr(self, name) for name in TABLES}

    def text(self, doc_id: str) -> str:
        """The clean text of one document; KeyError naming the id if the corpus has no such one."""
        found = self.documents.loc[self.documents.doc_id == doc_id, "text"]
        if found.empty:
            some = ", ".join(repr(str(d)) for d in self.documents.doc_id.head(3))
            raise KeyError(f"no document {doc_id!r} in this corpus of {len(self.documents)} "
                           f"documents; ids look like {some or '(none: the corpus is empty)'}")
        return str(found.iloc[0])

    def texts_of(self, table: pd.DataFrame) -> list[str]:
        """The text of each row of `table` (a sentence, paragraph, token or any span with
        `doc_id`, `start`, `end`), sliced from its document's text, in row order."""
        text = dict(zip(self.documents.doc_id.astype(str), self.documents.text.astype(str)))
        return [text[d][s:e] for d, s, e in zip(table.doc_id.astype(str).tolist(),
                                                 table.start.tolist(), table.end.tolist())]

    def __repr__(self) -> str:
        counts = self.report.status.value_counts().to_dict()
        return (f"<Corpus: {len(self.documents)} documents, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens; report {counts}>")
