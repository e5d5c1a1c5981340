"""Source profiling: one row of descriptive measures per outlet (or per document).

Words are tokens with `is_alpha` (numbers left out). Measures and formulas are in
the README ("Source profiling"). A measure that is undefined for a group is NaN, and the group's
`notes` says why (one document, fewer words than the MATTR window, no English text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from workbench import tone
from workbench.keyness import keyness
from workbench.trends import document_axis

By = Literal["outlet", "document"]
PROFILE_COLUMNS = [
    "group", "documents", "date_first", "date_last", "tokens", "types", "ttr", "mattr",
    "mean_sentence_length", "quote_share", "flesch", "tone_mean", "tone_positive",
    "tone_negative", "tone_doc_sd", "notes",
]
_VOWELS = re.compile(r"[aeiouy]+")


def _split(by: By) -> str:
    """The documents column that defines the groups of `by`."""
    if by not in ("outlet", "document"):
        raise ValueError(f"by={by!r} is invalid; expected 'outlet' or 'document'")
    return "outlet" if by == "outlet" else "doc_id"


def groups(corpus, *, by: By = "outlet") -> pd.Series:
    """The group of each document, indexed by doc_id: its outlet (doc_id when unknown) or itself."""
    axis = document_axis(corpus)
    labels = axis.groups(_split(by))[0]
    return pd.Series(labels.to_numpy(), index=axis.ids, name="group")


def mattr(words: Iterable[str], window: int = 100) -> tuple[float, int]:
    """Moving-average type-token ratio (Covington & McFall 2010): (sum of window TTRs, windows).

    Returned as a sum and a count so that windows of several documents can be pooled.

    >>> mattr(["a", "b", "a", "c"], window=2)
    (3.0, 3)
    """
    words = list(words)
    if len(words) < window:
        return 0.0, 0
    counts: dict[str, int] = {}
    for w in words[:window]:
        counts[w] = counts.get(w, 0) + 1
    total = len(counts)
    for i in range(window, len(words)):
        old, new = words[i - window], words[i]
        counts[old] -= 1
        if not counts[old]:
            del counts[old]
        counts[new] = counts.get(new, 0) + 1
        total += len(counts)
    return total / window, len(words) - window + 1


def syllables(word: str) -> int:
    """English syllable estimate: vowel groups, minus a silent final e, at least one.

    >>> [syllables(w) for w in ("relations", "the", "strategic", "one")]
    [3, 1, 3, 1]
    """
    word = word.lower()
    n = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(n, 1)


def quote_share(voices: pd.DataFrame) -> pd.Series:
    """Characters inside direct quotations per document (sum of quote lengths), by doc_id."""
    quotes = voices[voices.kind == "quote"]
    return (quotes.end - quotes.start).groupby(quotes.doc_id).sum()


def _row(label, docs: pd.DataFrame, words: pd.DataFrame, window: int,
         scores: pd.DataFrame, quoted: pd.Series) -> dict:
    notes = []
    norms = words.groupby("doc_id", observed=True).norm
    sums = [mattr(g.astype(str), window) for _, g in norms]
    n_windows = sum(n for _, n in sums)
    if not n_windows:
        notes.append(f"mattr n/a: no document has {window} words")
    english = docs[docs.language.fillna("").eq("en")]
    en_words = words[words.doc_id.isin(english.doc_id)]
    en_sents = en_words.groupby(["doc_id", "sent_id"], observed=True).ngroups
    flesch = np.nan
    if en_sents:
        syl = en_words.norm.astype(str).map(syllables).mean()
        flesch = 206.835 - 1.015 * len(en_words) / en_sents - 84.6 * syl
        if len(english) < len(docs):
            notes.append(f"flesch: English documents only ({len(english)} of {len(docs)})")
    else:
        notes.append("flesch n/a: no English text (Flesch is defined for English)")
    tone_row = tone.summarise(scores, pd.Series(label, index=docs.doc_id)).iloc[0]
    if tone_row.note:
        notes.append("tone " + tone_row.note)
    doc_tone = scores.groupby("doc_id").compound.mean().dropna()
    if len(doc_tone) < 2:
        notes.append("tone_doc_sd n/a: fewer than two scored documents")
    if docs.date.isna().all():
        notes.append("undated")
    sentences = words.groupby(["doc_id", "sent_id"], observed=True).ngroups
    n = len(words)
    return {
        "group": label, "documents": len(docs), "date_first": docs.date.min(),
        "date_last": docs.date.max(), "tokens": n, "types": words.norm.nunique(),
        "ttr": words.norm.nunique() / n if n else np.nan,
        "mattr": sum(s for s, _ in sums) / n_windows if n_windows else np.nan,
        "mean_sentence_length": n / sentences if sentences else np.nan,
        "quote_share": quoted.reindex(docs.doc_id).fillna(0).sum() / docs.n_chars.sum(),
        "flesch": flesch, "tone_mean": tone_row.mean_compound,
        "tone_positive": tone_row.positive_share, "tone_negative": tone_row.negative_share,
        "tone_doc_sd": doc_tone.std() if len(doc_tone) > 1 else np.nan, "notes": "; ".join(notes),
    }


def profile(corpus, voices: pd.DataFrame, scores: pd.DataFrame, *, by: By = "outlet",
            window: int = 100) -> pd.DataFrame:
    """The profile table: one row per outlet (or document), measures as in PROFILE_COLUMNS.

    `voices` is `workbench.voices.voices(corpus)`, `scores` is `tone.sentence_tone(corpus)`.
    With `by="document"` the columns outlet, title and language follow `group`.
    """
    labels = groups(corpus, by=by)
    docs = corpus.documents.assign(doc_id=corpus.documents.doc_id.astype(str))
    tokens = corpus.tokens
    words = tokens[tokens.is_alpha].assign(doc_id=lambda t: t.doc_id.astype(str))
    quoted = quote_share(voices)
    rows = [_row(label, docs[labels.to_numpy() == label],
                 words[words.doc_id.map(labels) == label], window,
                 scores[scores.doc_id.map(labels) == label], quoted)
            for label in labels.unique()]
    out = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    if by == "document":
        meta = docs.set_index("doc_id")[["outlet", "title", "language"]]
        out = out.join(meta, on="group")
        out = out[["group", "outlet", "title", "language", *PROFILE_COLUMNS[1:]]]
    return out


def keyness_by_group(corpus, *, by: By = "outlet", target: Iterable[str] | None = None,
                     reference: Iterable[str] | None = None, min_freq: int = 3,
                     content_only: bool = False) -> pd.DataFrame:
    """Distinctive vocabulary of groups of documents, via `workbench.keyness.keyness`.

    Default: every group against the rest of the corpus, all in one tidy table. With `target`
    (group labels) it is those groups together against `reference` (default: all others).
    `content_only` drops stopwords and numbers. Columns: group, reference, then keyness's.
    """
    axis = document_axis(corpus)
    _, codes, names = axis.groups(_split(by))
    counts = axis.group_counts(_split(by))
    position = pd.Index(names)
    whole = np.asarray(counts.sum(axis=0)).ravel()

    def summed(side: list[str]) -> np.ndarray:
        rows = np.unique(position.get_indexer(side))
        return np.asarray(counts[rows[rows >= 0]].sum(axis=0)).ravel()

    if target is None:
        pairs = [([g], None) for g in names[pd.unique(codes)]]
    else:
        pairs = [(list(target), None if reference is None else list(reference))]
    tables = []
    for tgt, ref in pairs:
        sums = summed(tgt)
        table = keyness(*_by_norm(axis.index, sums, whole - sums if ref is None else summed(ref),
                                  content_only=content_only), min_freq=min_freq)
        name = "rest" if ref is None else " + ".join(ref)
        tables.append(table.assign(group=" + ".join(tgt), reference=name))
    out = pd.concat(tables, ignore_index=True)
    return out[["group", "reference", *out.columns[:-2]]]


def _by_norm(index, target: np.ndarray, reference: np.ndarray, *,
             content_only: bool) -> tuple[pd.Series, pd.Series]:
    """Counts per norm of both sides, on one shared index of the norms either side uses."""
    if content_only:
        target, reference = (np.where(index.content, s, 0) for s in (target, reference))
    used = (target > 0) | (reference > 0)
    norms = index.norms[used]
    return pd.Series(target[used], index=norms), pd.Series(reference[used], index=norms)


def term_spans(corpus, term: str, doc_ids: Iterable[str]) -> pd.DataFrame:
    """The tokens with norm `term` (a row of a keyness table) in the given documents.

    Columns: doc_id, start, end, sent_id; exactly the occurrences keyness counted.
    """
    tok = corpus.tokens
    hits = tok[(tok.norm == term) & tok.doc_id.isin(list(doc_ids))]
    return hits[["doc_id", "start", "end", "sent_id"]].astype({"doc_id": str}).reset_index(
        drop=True)
