"""Corpus-shaped objects built by hand from a few rows, for tests that need no loader."""

import re
from types import SimpleNamespace

import pandas as pd

from workbench.corpus import Indexes

STOP = {"the", "a", "of", "and", "in", "are", "is", "were"}


def make_corpus(rows, mwe=("strategic partnership",)):
    """A corpus-shaped namespace from (doc_id, outlet, date, precision, text) rows.

    Sentences end at ". "; words are runs of letters; a phrase in `mwe` becomes one token.
    """
    docs, tokens = [], []
    for doc_id, outlet, date, precision, text in rows:
        words = [m for m in re.finditer(r"[^\W_]+", text)]
        sent_of = [text[: m.start()].count(". ") for m in words]
        i = 0
        while i < len(words):
            a, width = words[i], 1
            pair = " ".join(m.group().lower() for m in words[i:i + 2])
            if pair in mwe and sent_of[i] == sent_of[min(i + 1, len(words) - 1)]:
                width = 2
            b = words[i + width - 1]
            norm = "_".join(m.group().lower() for m in words[i:i + width])
            tokens.append({"doc_id": doc_id, "sent_id": sent_of[i], "tok_id": len(
                [t for t in tokens if t["doc_id"] == doc_id]), "start": a.start(), "end": b.end(),
                "norm": norm, "is_stop": norm in STOP,
                "is_alpha": True})
            i += width
        docs.append({"doc_id": doc_id, "outlet": outlet, "title": doc_id, "text": text,
                     "date": pd.Timestamp(date) if date else pd.NaT,
                     "date_precision": precision})
    documents = pd.DataFrame(docs).astype({"outlet": "string", "date_precision": "string",
                                           "date": "datetime64[ns]"})
    tokens = pd.DataFrame(tokens).astype({c: "category" for c in ("doc_id", "norm")})
    return SimpleNamespace(documents=documents, tokens=tokens, indexes=Indexes())


def peacekeepers():
    """Three short documents: dated to the day, dated to the month, and undated (no outlet)."""
    return make_corpus([
        ("a", "Trend", "2022-01-05", "day",
         "Russian peacekeepers arrived today. Then Russian peacekeepers left Lachin. "
         "Some Russian peacekeepers stayed."),
        ("b", "JAMnews", "2021-06-01", "month", "Turkish peacekeepers? No, Russian peacekeepers."),
        ("c", None, None, None, "Undated Russian peacekeepers story. Russian trade."),
    ])
