"""Source profiling: one row of descriptive measures per outlet (or per document).

Words are tokens with `is_alpha` (numbers left out). Measures and formulas are in
docs/methods/profiling.md ("Profile table"). A measure that is undefined for a group is NaN, and
the group's `notes` says why (one document, fewer words than the MATTR window, no English text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus.corpus import Corpus
from ..corpus.dates import first_and_last
from ..corpus.options import check_option
from ..index.axis import document_axis
from ..index.groups import document_rows
from .tone import tone_by_group

By = Literal["outlet", "document"]
PROFILE_COLUMNS = [
    "group", "documents", "date_first", "date_last", "tokens", "types", "ttr", "mattr",
    "mean_sentence_length", "quote_share", "flesch", "tone_mean", "tone_positive",
    "tone_negative", "tone_doc_sd", "notes",
]
_VOWELS = re.compile(r"[aeiouy]+")


def _split(by: By) -> str:
    """The documents column that defines the groups of `by`."""
    check_option("by", by, By)
    return "outlet" if by == "outlet" else "doc_id"


def groups(corpus: Corpus, *, by: By = "outlet") -> pd.Series:
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
    """Characters inside direct quotations per document (sum of outermost quote lengths, so a
    quotation inside another is not counted twice), by doc_id."""
    quotes = voices[(voices.kind == "quote") & (voices.depth == 0)]
    return (quotes.end - quotes.start).groupby(quotes.doc_id).sum()


def profile(corpus: Corpus, voices: pd.DataFrame, scores: pd.DataFrame, *, by: By = "outlet",
            window: int = 100) -> pd.DataFrame:
    """The profile table: one row per outlet (or document), measures as in PROFILE_COLUMNS.

    `voices` is `profiling.voices(corpus, cues=...)`, `scores` is `profiling.sentence_tone(corpus)`.
    With `by="document"` the columns outlet, title and language follow `group`. Every measure
    is computed for all groups at once (per-document MATTR sums pooled per group), so a corpus
    of 100,000 documents or thousands of outlets takes seconds.
    """
    labels = groups(corpus, by=by)
    order = pd.Index(labels.unique())
    docs = corpus.documents.assign(doc_id=corpus.documents.doc_id.astype(str))
    docs = docs.assign(group=docs.doc_id.map(labels))
    words = _words(corpus.tokens, docs)
    per_doc = _document_sums(words, corpus.tokens.norm.cat.categories, docs, window)
    g = per_doc.groupby("group", sort=False)
    n = g.tokens.sum().reindex(order, fill_value=0)
    types = _types(words, docs).reindex(order, fill_value=0)
    n_windows = g.windows.sum().reindex(order, fill_value=0)
    sentences = g.sentences.sum().reindex(order, fill_value=0)
    quoted = per_doc.doc_id.map(quote_share(voices)).fillna(0).groupby(per_doc.group, sort=False).sum()
    english = per_doc[per_doc.english]
    en = english.groupby("group", sort=False)[["tokens", "sentences", "syllables"]].sum().reindex(order)
    flesch = 206.835 - 1.015 * en.tokens / en.sentences - 84.6 * en.syllables / en.tokens
    tone_rows = tone_by_group(scores, labels).set_index("group").reindex(order)
    doc_tone = scores.groupby("doc_id").compound.mean().dropna()
    tone_sd = doc_tone.groupby(doc_tone.index.map(labels), sort=False).agg(["std", "size"]).reindex(order)
    dated = g.date.count().reindex(order)
    span = first_and_last(docs.date, docs.date_precision, docs.group).reindex(order)
    out = pd.DataFrame({
        "group": order, "documents": g.size().reindex(order, fill_value=0).to_numpy(),
        "date_first": span["first"].to_numpy(), "date_last": span["last"].to_numpy(),
        "tokens": n.to_numpy(dtype="int64"), "types": types.to_numpy(dtype="int64"),
        "ttr": (types / n.where(n > 0)).to_numpy(),
        "mattr": (g.mattr_sum.sum().reindex(order) / n_windows.where(n_windows > 0)).to_numpy(),
        "mean_sentence_length": (n / sentences.where(sentences > 0)).to_numpy(),
        "quote_share": (quoted.reindex(order) / g.n_chars.sum().reindex(order)).to_numpy(),
        "flesch": flesch.where(en.sentences > 0).to_numpy(),
        "tone_mean": tone_rows.mean_compound.to_numpy(),
        "tone_positive": tone_rows.positive_share.to_numpy(),
        "tone_negative": tone_rows.negative_share.to_numpy(),
        "tone_doc_sd": tone_sd["std"].where(tone_sd["size"] > 1).to_numpy(),
    })
    out["notes"] = _notes(window, n_windows, en.sentences.fillna(0), english.groupby("group").size(),
                          g.size(), tone_rows.note, tone_sd["size"].fillna(0), dated, order)
    out = out[PROFILE_COLUMNS]
    if by == "document":
        meta = docs.set_index("doc_id")[["outlet", "title", "language"]]
        out = out.join(meta, on="group")
        out = out[["group", "outlet", "title", "language", *PROFILE_COLUMNS[1:]]]
    return out


class _Words(NamedTuple):
    """The alphabetic tokens as integer columns, in token order: each one's documents row,
    sentence and norm code (no per-token strings: a million items have 25 million tokens)."""

    row: np.ndarray
    sentence: np.ndarray
    norm: np.ndarray


def _words(tokens: pd.DataFrame, docs: pd.DataFrame) -> _Words:
    alpha = tokens.is_alpha.to_numpy()
    row = document_rows(tokens.doc_id, docs)[alpha]
    known = row >= 0
    return _Words(row[known], tokens.sent_id.to_numpy()[alpha][known],
                  tokens.norm.cat.codes.to_numpy()[alpha][known])


def _types(words: _Words, docs: pd.DataFrame) -> pd.Series:
    """Distinct norms per group of `docs.group`."""
    codes, names = pd.factorize(docs.group)
    group = codes[words.row]
    n_norms = int(words.norm.max()) + 1 if len(words.norm) else 0
    pairs = sparse.csr_matrix((np.ones(len(group), dtype=np.int8), (group, words.norm)),
                              shape=(len(names), n_norms))
    pairs.sum_duplicates()
    return pd.Series(np.diff(pairs.indptr), index=names)


def _document_sums(words: _Words, norms: pd.Index, docs: pd.DataFrame,
                   window: int) -> pd.DataFrame:
    """Per document: group, date, characters, words, sentences with words, MATTR window sum
    and count, syllables (English documents only; Flesch is defined for English)."""
    n = len(docs)
    row, sentence, norm = words
    if not _grouped(row, sentence):  # tokens are stored by document and sentence: rarely needed
        order = np.lexsort((sentence, row))
        row, sentence, norm = row[order], sentence[order], norm[order]
    bounds = np.searchsorted(row, np.arange(n + 1))
    opens = np.ones(len(row), dtype=bool)  # a word that opens a sentence with words
    opens[1:] = (row[1:] != row[:-1]) | (sentence[1:] != sentence[:-1])
    mattrs = np.zeros(n)
    windows = np.zeros(n, dtype=np.int64)
    for i in np.flatnonzero(np.diff(bounds) >= window):  # shorter ones have no window
        mattrs[i], windows[i] = mattr(norm[bounds[i]:bounds[i + 1]].tolist(), window)
    per_form = np.array([syllables(str(f)) for f in norms], dtype=np.int64)
    return docs[["doc_id", "group", "date", "n_chars"]].assign(
        english=docs.language.fillna("").eq("en").to_numpy(),
        tokens=np.bincount(row, minlength=n).astype(np.int64),
        sentences=np.bincount(row[opens], minlength=n).astype(np.int64),
        syllables=np.bincount(row, per_form[norm], minlength=n).astype(np.int64),
        mattr_sum=mattrs, windows=windows)


def _grouped(row: np.ndarray, sentence: np.ndarray) -> bool:
    """Whether the words are in document order, and in sentence order within a document."""
    step, turn = np.diff(row), np.diff(sentence)
    return bool(((step > 0) | ((step == 0) & (turn >= 0))).all())


def _notes(window, n_windows, en_sentences, en_docs, n_docs, tone_note, scored_docs, dated, order) -> list:
    """Why a measure is missing or limited, per group (docs/methods/profiling.md, "Profile table")."""
    notes = []
    for label in order:
        parts = []
        if not n_windows.get(label, 0):
            parts.append(f"mattr n/a: no document has {window} words")
        if en_sentences.get(label, 0):
            if en_docs.get(label, 0) < n_docs.get(label, 0):
                parts.append(f"flesch: English documents only ({en_docs.get(label, 0)} of "
                             f"{n_docs.get(label, 0)})")
        else:
            parts.append("flesch n/a: no English text (Flesch is defined for English)")
        if isinstance(tone_note.get(label), str) and tone_note.get(label):
            parts.append("tone " + tone_note.get(label))
        if scored_docs.get(label, 0) < 2:
            parts.append("tone_doc_sd n/a: fewer than two scored documents")
        if not dated.get(label, 0):
            parts.append("undated")
        notes.append("; ".join(parts))
    return notes
