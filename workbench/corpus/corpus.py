"""The `Corpus`: the tables of a loaded corpus (shapes in `workbench.corpus.schema`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, repr=False)
class Corpus:
    """The corpus tables (see `workbench.schema`); offsets point into `documents.text`."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    removed: pd.DataFrame
    report: pd.DataFrame
    metadata: pd.DataFrame

    def text(self, doc_id: str) -> str:
        """The clean text of one document."""
        return str(self.documents.loc[self.documents.doc_id == doc_id, "text"].iloc[0])

    def __repr__(self) -> str:
        counts = self.report.status.value_counts().to_dict()
        return (f"<Corpus: {len(self.documents)} documents, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens; report {counts}>")
