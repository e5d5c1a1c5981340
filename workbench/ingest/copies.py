"""Duplicates: a page the same outlet published twice is set aside; the same story run by several
outlets (republication) stays, each copy counted for its outlet and marked with its copy group.

Two documents are copies when they are the same archive document (the same `source_id`: an
article exported twice) or when their clean texts are identical or near-identical
(`workbench.ingest.dedupe`). A repeat of the same archive document, and a copy whose outlet is
the original's (or when neither outlet is known: a page scraped twice), is set aside with a
report row. Copies across outlets stay in the corpus with `copy_group` (the doc_id of the
group's first document in corpus order), `copy_of` (the document it copies) and
`copy_similarity`; `copies="aside"` sets them aside too.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

Copies = Literal["keep", "aside"]
COPY_COLUMNS = ["doc_id", "copy_group", "copy_of", "copy_similarity"]


def sort_copies(documents: pd.DataFrame, dups: pd.DataFrame, *,
                copies: Copies) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(copies to set aside: `dups` rows plus `reason`; copies kept: COPY_COLUMNS, one row per
    member of a copy group, its first document included with similarity 1.0).

    `documents` has the chosen `outlet` of every document, `dups` the rows of `find_duplicates`.
    """
    outlet = documents.set_index(documents.doc_id.astype(str)).outlet.astype("string")
    mine = outlet.reindex(dups.doc_id.astype(str)).to_numpy(dtype=object)
    theirs = outlet.reindex(dups.original.astype(str)).to_numpy(dtype=object)
    same = np.array([a == b if not (pd.isna(a) or pd.isna(b)) else pd.isna(a) and pd.isna(b)
                     for a, b in zip(mine, theirs)], dtype=bool) | (dups.kind == "archive id").to_numpy()
    aside = same | (copies == "aside")
    ids = documents.set_index(documents.doc_id.astype(str)).source_id.reindex(dups.original.astype(str))
    what = pd.Series([
        "identical text" if kind == "exact" else f"the same archive document, id {i}"
        if kind == "archive id" else f"near-duplicate, similarity {similarity:.2f}"
        for kind, i, similarity in zip(dups.kind, ids, dups.similarity)], index=dups.index, dtype=object)
    reason = np.where(same, "duplicate of " + dups.original + " (" + what + "); not counted twice",
                      "republished copy of " + dups.original + " (" + what + "), another outlet; "
                      "set aside (copies='aside')")
    kept = dups[~aside]
    root = dict(zip(kept.doc_id, kept.original))
    for doc_id in list(root):  # the group of a copy of a copy is the first document's
        while root[doc_id] in root:
            root[doc_id] = root[root[doc_id]]
    firsts = list(dict.fromkeys(root.values()))
    at = pd.Index(documents.doc_id.astype(str)).get_indexer(firsts)
    firsts = [firsts[i] for i in np.argsort(at, kind="stable")]  # in corpus order
    groups = pd.DataFrame({
        "doc_id": [*firsts, *kept.doc_id], "copy_group": [*firsts, *kept.doc_id.map(root)],
        "copy_of": [None] * len(firsts) + list(kept.original),
        "copy_similarity": [1.0] * len(firsts) + list(kept.similarity)}, columns=COPY_COLUMNS)
    return dups[aside].assign(reason=reason[aside]), groups
