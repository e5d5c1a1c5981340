"""What changed after a date: keyness of the documents dated after it against those before."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.dates import date_labels
from ..index.axis import date_end
from ..index.keyness import keyness
from ..index.terms import term_index


def compare_periods(corpus: Corpus, at, *, min_freq: int = 3, content_only: bool = True,
                    docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Keyness of the documents dated from `at` on against those dated before it.

    Uses `workbench.index.keyness` (target = after, reference = before), so "over" means
    rising after `at`. With `content_only`, only alphabetic non-stopword tokens are counted.
    Documents whose date span straddles `at` or that are undated are left out and listed in
    `attrs["excluded"]` (doc_id, outlet, title, date as precisely as known, date_precision,
    reason). Columns: those of `keyness`.
    """
    at = pd.Timestamp(at)
    d = corpus.documents if docs is None else corpus.documents[
        corpus.documents.doc_id.isin(list(docs))]
    before = (date_end(d) < at).fillna(False)
    after = (d.date >= at).fillna(False)
    index = term_index(corpus)
    ids = d.doc_id.astype(str)
    table = keyness(index.norm_counts(ids[after], content_only=content_only),
                    index.norm_counts(ids[before], content_only=content_only), min_freq=min_freq)
    straddle = d[~before & ~after]
    table.attrs["excluded"] = pd.DataFrame({
        "doc_id": straddle.doc_id.astype(str), "outlet": straddle.outlet, "title": straddle.title,
        "date": date_labels(straddle.date, straddle.date_precision).to_numpy(),
        "date_precision": straddle.date_precision,
        "reason": np.where(straddle.date.isna(), "undated", f"date span straddles {at.date()}"),
    }).reset_index(drop=True)
    return table


def cut_date(corpus: Corpus, events: pd.DataFrame) -> pd.Timestamp:
    """Where to cut the corpus for `compare_periods` by default: the event (`Project.events()`)
    that splits the dated documents most evenly between those wholly before it and those from
    it on (the first listed on a tie), else, when no event has documents on both sides, the
    documents' median date (NaT when none is dated). Notebook 02's default, so it runs on any
    corpus.
    """
    d = corpus.documents[corpus.documents.date.notna()]
    ends = date_end(d)
    before = np.array([(ends < at).sum() for at in events.date], dtype=np.int64)
    after = np.array([(d.date >= at).sum() for at in events.date], dtype=np.int64)
    both = np.flatnonzero((before > 0) & (after > 0))
    if len(both):
        return pd.Timestamp(events.date.iloc[both[np.abs(before - after)[both].argmin()]])
    return d.date.sort_values().iloc[len(d) // 2] if len(d) else pd.NaT
