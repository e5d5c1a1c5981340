"""Evidence: turn character spans into readable passages with their document's metadata.

Every figure's numbers come from spans `(doc_id, start, end)`; `passages` joins each span
to its sentence and document so a researcher can read what produced the number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.dates import date_labels
from .groups import document_ids

COLUMNS = ["doc_id", "outlet", "date", "title", "sent_id", "start", "end",
           "left", "match", "right", "sentence"]


def passages(corpus: Corpus, spans: pd.DataFrame, *, context: int = 60) -> pd.DataFrame:
    """One row per span: document metadata, containing sentence, match and its context.

    `spans` needs `doc_id`, `start`, `end`; other columns are carried through. Columns:
    doc_id, outlet, date (as precisely as known: "2024", "2024-04", "2024-04-05"; <NA> when
    undated), title, sent_id, start, end, left, match, right, sentence (+ extra).
    """
    if spans.empty:
        extra = [c for c in spans.columns if c not in COLUMNS]
        return pd.DataFrame(columns=COLUMNS + extra)
    carried = spans.drop(columns=[c for c in COLUMNS if c in spans and c not in
                                  ("doc_id", "start", "end")])
    left = carried.assign(doc_id=carried.doc_id.astype(str), start=carried.start.astype("int64"),
                          end=carried.end.astype("int64"), _order=np.arange(len(carried)))
    ids = pd.Index(left.doc_id.unique())
    sents = _sentences_of(corpus.sentences, ids)[["doc_id", "sent_id", "start", "end"]].astype(
        {"doc_id": str, "start": "int64", "end": "int64"}).rename(
        columns={"start": "_sent_start", "end": "_sent_end"})
    joined = pd.merge_asof(left.sort_values("start"), sents.sort_values("_sent_start"),
                           left_on="start", right_on="_sent_start", by="doc_id", direction="backward")
    rows = document_ids(corpus).get_indexer(ids)
    docs = corpus.documents.iloc[np.sort(rows[rows >= 0])].astype({"doc_id": str}).set_index("doc_id")
    docs = docs.assign(date=date_labels(docs.date, docs.date_precision).to_numpy())[
        ["outlet", "date", "title", "text"]]
    joined = joined.join(docs, on="doc_id").sort_values("_order")
    texts, starts, ends = joined.text.tolist(), joined.start.tolist(), joined.end.tolist()
    joined["left"] = [" ".join(t[max(0, s - context):s].split()) for t, s in zip(texts, starts)]
    joined["match"] = [t[s:e] for t, s, e in zip(texts, starts, ends)]
    joined["right"] = [" ".join(t[e:e + context].split()) for t, e in zip(texts, ends)]
    joined["sent_id"] = joined.sent_id.fillna(-1).astype(int)
    joined["sentence"] = [t[int(s):int(e)] if s == s else m for t, s, e, m in zip(
        texts, joined._sent_start, joined._sent_end, joined.match)]  # no sentence: the match
    out = joined.drop(columns=["text", "_order", "_sent_start", "_sent_end"]).reset_index(drop=True)
    return out[COLUMNS + [c for c in out.columns if c not in COLUMNS]]


def _sentences_of(sentences: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    """The sentences of the documents `ids` only, not a copy of a whole corpus's sentences per
    call: their doc_ids are looked up among the categories (hashed once), then matched by code."""
    doc_id = sentences["doc_id"]
    if not isinstance(doc_id.dtype, pd.CategoricalDtype):
        return sentences[doc_id.astype(str).isin(ids)]
    codes = doc_id.cat.categories.get_indexer(ids)
    return sentences[np.isin(doc_id.cat.codes.to_numpy(), codes[codes >= 0])]
