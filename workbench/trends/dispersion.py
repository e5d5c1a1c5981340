"""Dispersion: where each term occurs inside each document (a lexical dispersion plot's data)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..corpus.corpus import Corpus
from ..index.query import Query, as_queries
from ..index.terms import find, term_index


def dispersion(corpus: Corpus, terms, *, stem: bool = False, compounds: bool = True,
               groups: Mapping[str, Query] | None = None,
               docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Where each term occurs inside each document, documents ranked by date (undated last).

    Columns: doc_id, outlet, date, date_precision, term, tok_start, n_tokens, position
    (tok_start / n_tokens, 0 = start of the document), rank (0 = earliest document with a match).
    """
    index = term_index(corpus)
    spans = pd.concat([find(index, q, stem=stem, compounds=compounds, docs=docs)
                       for q in as_queries(terms, groups=groups)], ignore_index=True)
    meta = corpus.documents.set_index(corpus.documents.doc_id.astype(str))
    sizes = pd.Series(index.doc_tokens, index=index.doc_ids)
    out = pd.DataFrame({
        "doc_id": spans.doc_id, "outlet": meta.outlet.reindex(spans.doc_id).to_numpy(),
        "date": meta.date.reindex(spans.doc_id).to_numpy(),
        "date_precision": meta.date_precision.reindex(spans.doc_id).to_numpy(),
        "term": spans.term, "tok_start": spans.tok_start,
        "n_tokens": sizes.reindex(spans.doc_id).to_numpy(),
    })
    out["position"] = out.tok_start / out.n_tokens.clip(lower=1)
    order = out.drop_duplicates("doc_id").sort_values(["date", "doc_id"], na_position="last")
    out["rank"] = out.doc_id.map(pd.Series(range(len(order)), index=order.doc_id))
    return out.sort_values(["rank", "tok_start"], ignore_index=True)
