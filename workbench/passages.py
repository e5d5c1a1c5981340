"""Evidence: turn character spans into readable passages with their document's metadata.

Every figure's numbers come from spans `(doc_id, start, end)`; `passages` joins each span
to its sentence and document so a researcher can read what produced the number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

COLUMNS = ["doc_id", "outlet", "date", "title", "sent_id", "start", "end",
           "left", "match", "right", "sentence"]


def passages(corpus, spans: pd.DataFrame, *, context: int = 60) -> pd.DataFrame:
    """One row per span: document metadata, containing sentence, match and its context.

    `spans` needs `doc_id`, `start`, `end`; other columns are carried through. Columns:
    doc_id, outlet, date, title, sent_id, start, end, left, match, right, sentence (+ extra).
    """
    if spans.empty:
        extra = [c for c in spans.columns if c not in COLUMNS]
        return pd.DataFrame(columns=COLUMNS + extra)
    docs = corpus.documents.set_index("doc_id")
    sents = corpus.sentences
    rows = []
    for span in spans.to_dict("records"):
        doc_id, start, end = str(span["doc_id"]), int(span["start"]), int(span["end"])
        text = str(docs.at[doc_id, "text"])
        in_doc = sents[sents.doc_id == doc_id]
        idx = np.searchsorted(in_doc["start"].to_numpy(), start, side="right") - 1
        sent = in_doc.iloc[max(idx, 0)] if len(in_doc) else None
        rows.append({
            **span,
            "doc_id": doc_id,
            "outlet": docs.at[doc_id, "outlet"],
            "date": docs.at[doc_id, "date"],
            "title": docs.at[doc_id, "title"],
            "sent_id": int(sent["sent_id"]) if sent is not None else -1,
            "start": start, "end": end,
            "left": " ".join(text[max(0, start - context):start].split()),
            "match": text[start:end],
            "right": " ".join(text[end:end + context].split()),
            "sentence": str(sent["text"]) if sent is not None else text[start:end],
        })
    out = pd.DataFrame(rows)
    return out[COLUMNS + [c for c in out.columns if c not in COLUMNS]]
