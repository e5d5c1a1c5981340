"""How far the corpus can be trusted, per outlet, and the documents that need a researcher's eye."""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..index.groups import group_labels
from ..ingest.archives import RULE_PREFIX

FIELDS = ("outlet", "date", "title", "author")
QUALITY_COLUMNS = ["group", "documents", "lines", "removed_share", "removed_by", "outlet",
                   "date", "title", "author", "curated", "unsure"]
ATTENTION_COLUMNS = ["doc_id", "group", "issue", "detail"]


def _documents(corpus: Corpus) -> pd.DataFrame:
    """The documents with their group (a document whose outlet is unknown is its own group) and
    their lines: kept (paragraphs) and removed."""
    docs = corpus.documents.assign(doc_id=lambda d: d.doc_id.astype(str),
                                   group=group_labels(corpus.documents, "outlet"))
    kept = corpus.paragraphs.groupby(corpus.paragraphs.doc_id.astype(str)).size()
    gone = corpus.removed.groupby(corpus.removed.doc_id.astype(str)).size()
    return docs.assign(kept=docs.doc_id.map(kept).fillna(0).astype("int64"),
                       removed=docs.doc_id.map(gone).fillna(0).astype("int64"))


def _chosen(corpus: Corpus, docs: pd.DataFrame) -> pd.DataFrame:
    """The metadata table's rows of FIELDS, with the group of each document (`_documents`)."""
    meta = corpus.metadata[corpus.metadata.field.isin(FIELDS)].astype({"doc_id": str})
    return meta.assign(group=meta.doc_id.map(docs.set_index("doc_id").group))


def quality(corpus: Corpus) -> pd.DataFrame:
    """Per outlet (a document whose outlet is unknown is its own group): what cleaning removed
    and how much of the metadata is known, and how surely.

    Columns: group, documents, lines (kept and removed), removed_share, removed_by (the three
    rules that removed most), outlet, date, title, author (share of documents with a value),
    curated (share of chosen values that are curated), unsure (chosen inferred values of
    medium or low confidence).
    """
    docs = _documents(corpus)
    removed = corpus.removed.assign(doc_id=corpus.removed.doc_id.astype(str),
                                    rule=corpus.removed.rule.astype(str))
    removed = removed.assign(group=removed.doc_id.map(docs.set_index("doc_id").group))
    gone = docs.groupby("group").removed.sum()
    lines = gone + docs.groupby("group").kept.sum()
    by = removed.groupby("group").rule.agg(
        lambda r: ", ".join(f"{k} {n}" for k, n in r.value_counts().head(3).items()))
    meta = _chosen(corpus, docs)
    known = meta[meta.chosen.notna()]
    share = known.pivot_table(index="group", columns="field", values="doc_id", aggfunc="count")
    size = docs.groupby("group").size()
    out = pd.DataFrame({"documents": size, "lines": lines.reindex(size.index).astype("int64")})
    out["removed_share"] = gone.reindex(size.index) / out.lines.where(out.lines > 0)
    out["removed_by"] = by.reindex(size.index).fillna("")
    for fld in FIELDS:
        out[fld] = share.get(fld, pd.Series(dtype=float)).reindex(size.index).fillna(0) / size
    out["curated"] = (known.curated.notna().groupby(known.group).mean()).reindex(size.index)
    inferred = known[known.curated.isna()]
    out["unsure"] = inferred.confidence.isin(["medium", "low"]).groupby(inferred.group).sum() \
        .reindex(size.index, fill_value=0).astype("int64")
    return out.rename_axis("group").reset_index()[QUALITY_COLUMNS]


def needs_attention(corpus: Corpus, *, removal: float = 0.5) -> pd.DataFrame:
    """The documents to look at before trusting a figure, with why: an outlet or date inferred
    from a weak cue, an unknown outlet where the text cites an agency (it may be the source),
    an undated document with a lower bound, curated and inferred values that disagree, and
    more than `removal` of a page's lines removed (an archive's furniture around an article,
    its labels and copyright lines, does not count: the archive's layout says what it is).

    Columns: doc_id, group, issue, detail. Confirm or correct in data/sources.csv.
    """
    docs = _documents(corpus)
    meta = _chosen(corpus, docs)
    rows = []
    inferred = meta[meta.chosen.notna() & meta.curated.isna()]
    for r in inferred[inferred.confidence.isin(["medium", "low"])
                      & inferred.field.isin(["outlet", "date"])].itertuples():
        rows.append((r.doc_id, r.group, f"{r.field} from a {r.confidence}-confidence cue",
                     f"{r.chosen}: {r.evidence}"))
    for r in meta[meta.agrees.eq(False).fillna(False)].itertuples():
        rows.append((r.doc_id, r.group, f"curated {r.field} differs from the text",
                     f"curated {r.curated!r}, text {r.inferred!r} ({r.evidence})"))
    for r in docs[docs.outlet.isna() & docs.cited.notna()].itertuples():
        rows.append((r.doc_id, r.group, "no outlet; the text cites agencies",
                     f"cited: {r.cited} (one may be the source of the story)"))
    for r in docs[docs.date.isna() & docs.date_not_before.notna()].itertuples():
        rows.append((r.doc_id, r.group, "undated", f"published on or after {r.date_not_before}"))
    furniture = corpus.removed[corpus.removed.rule.astype(str).str.startswith(RULE_PREFIX)]
    cleaned = docs.removed - docs.doc_id.map(furniture.doc_id.astype(str).value_counts()).fillna(0)
    share = cleaned / (cleaned + docs.kept).where(lambda n: n > 0)
    for r in docs.assign(share=share)[share > removal].itertuples():
        rows.append((r.doc_id, r.group, "much removed",
                     f"{r.share:.0%} of the page's lines removed: check the removed lines"))
    return pd.DataFrame(rows, columns=ATTENTION_COLUMNS)
