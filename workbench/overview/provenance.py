"""Where a corpus built from news-archive exports came from: per export, its format, its search,
when it was made, how many articles it held, and which of them were set aside as repeats (an
article another export, or the same one, already holds), and why (notebook 00)."""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..ingest.archives.metadata import exports

PROVENANCE_COLUMNS = ["file", "format", "search", "exported", "articles", "documents", "set_aside",
                      "why"]


def provenance(corpus: Corpus) -> pd.DataFrame:
    """One row per archive export of the corpus; none when it holds no export.

    Columns: file, format (the layout read: nexis-text, nexis-html, ...), search (the search
    the export came from, as its cover page gives it; several joined by " | "), exported (when
    it was made), articles (it held), documents (of them in the corpus), set_aside (articles
    not in the corpus: repeats, empty ones), why ("#3: duplicate of a.TXT:5 (identical text); …").
    """
    found = exports(corpus.report)
    if found.empty:
        return pd.DataFrame(columns=PROVENANCE_COLUMNS)
    report = corpus.report[corpus.report.row.notna()].astype({"file": str, "reason": str})
    aside = report[report.status == "skipped"]
    in_corpus = corpus.documents.file.astype(str).value_counts()
    why = {file: "; ".join(f"#{row}: {reason}" for row, reason in zip(rows.row, rows.reason))
           for file, rows in aside.groupby("file")}
    return found.assign(
        documents=found.file.map(in_corpus).fillna(0).astype("int64"),
        set_aside=found.file.map(aside.file.value_counts()).fillna(0).astype("int64"),
        why=[why.get(file, "") for file in found.file])[PROVENANCE_COLUMNS]
