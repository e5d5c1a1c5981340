"""The term index: positions of every word of the corpus, and the matches of a `Query` in it.

Built once per corpus (`term_index`) so that queries do not rescan the tokens table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus.corpus import Corpus
from ..corpus.derived import remembered
from .query import Query

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PART = re.compile(r"[^-‐]+")  # a part of a hyphenated word


def _stem(word: str) -> str:
    return _stemmer("russian" if _CYRILLIC.search(word) else "english").stem(word)


@cache
def _stemmer(language: str):
    """NLTK's Snowball stemmer, imported when first asked for: importing NLTK takes a second (it
    pulls in scipy.stats), which opening a corpus and the ingest workers do not need."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(language)


#: bump when a change to `postings` changes what it gives (postings are kept with the corpus)
VERSION = "1"


class TermIndex:
    """Positions of every word of the corpus, built once so that queries do not rescan tokens.

    Each token is split into its words ("parts"; one for most tokens, several for a joined
    multi-word expression). `parts` is the sorted vocabulary of words, `part_code` the word at
    each position, `part_token` the token row it belongs to, and `order`/`offsets` an inverted
    index: the positions of word `c` are `order[offsets[c]:offsets[c + 1]]`. Those come from
    `postings(tokens)`, or are given (`kept` with the corpus: `term_index`).
    """

    def __init__(self, tokens: pd.DataFrame, kept: tuple[pd.DataFrame, pd.DataFrame] | None = None):
        self.source = tokens  # the table as given: `term_index` checks it is still the corpus's
        self.tokens = tokens = in_document_order(tokens)
        self.doc_ids = np.asarray(tokens.doc_id.cat.categories, dtype=object)
        self.doc_index = pd.Index(self.doc_ids)
        self.doc_code = doc_code = tokens.doc_id.cat.codes.to_numpy()
        self.doc_tokens = np.bincount(doc_code, minlength=len(self.doc_ids))
        vocabulary, positions = kept or postings(tokens)
        self.parts = np.asarray(vocabulary.part.astype(object), dtype=object)
        self.offsets = np.concatenate([[0], np.cumsum(vocabulary["count"].to_numpy())])
        self.part_token = positions.part_token.to_numpy()
        self.part_code = positions.part_code.to_numpy()
        self.order = positions.order.to_numpy()
        sent = tokens.sent_id.to_numpy()
        starts = np.ones(len(sent), dtype=bool)  # a token that opens a sentence
        np.logical_or(np.diff(doc_code) != 0, np.diff(sent) != 0, out=starts[1:])
        self.sentence = np.cumsum(starts, dtype=np.int32)

    @cached_property
    def doc_start(self) -> np.ndarray:
        """Row of each document's first token (tokens are in document order)."""
        return np.concatenate([[0], np.cumsum(self.doc_tokens)[:-1]]).astype(np.int64)

    @cached_property
    def matrix(self) -> sparse.csr_matrix:
        """Document-term counts: one row per `doc_ids` entry, one column per norm."""
        tok = self.tokens
        rows, cols = tok.doc_id.cat.codes.to_numpy(), tok.norm.cat.codes.to_numpy()
        shape = (len(self.doc_ids), len(tok.norm.cat.categories))
        return sparse.csr_matrix((np.ones(len(tok), np.int32), (rows, cols)), shape=shape)

    @cached_property
    def content(self) -> np.ndarray:
        """True for every norm that is alphabetic and a stopword in no document: what
        `content_only` tables count. A stopword of any document's language is a function word
        in a table of norms ("the" of the English documents is not content because a short
        English item was taken for another language, or quoted in a Russian article)."""
        tok = self.tokens
        codes = tok.norm.cat.codes.to_numpy()
        keep = np.zeros(len(tok.norm.cat.categories), dtype=bool)
        keep[codes[tok.is_alpha.to_numpy()]] = True
        keep[codes[tok.is_stop.to_numpy()]] = False
        return keep

    @cached_property
    def norms(self) -> pd.Index:
        """The norm of each matrix column, as text."""
        return self.tokens.norm.cat.categories.astype(str)

    @cached_property
    def norm_rank(self) -> np.ndarray:
        """Place of each norm in text order; `norm_rank[-1]` is the place of the empty text."""
        _, rank = np.unique(np.append(np.asarray(self.norms, dtype=object), ""),
                            return_inverse=True)
        return rank

    def norm_counts(self, doc_ids: Iterable[str], *, content_only: bool = False) -> pd.Series:
        """Occurrences of each norm in the given documents (norms that occur only)."""
        rows = self.doc_index.get_indexer(list(doc_ids))
        sums = np.asarray(self.matrix[rows[rows >= 0]].sum(axis=0)).ravel()
        if content_only:
            sums = np.where(self.content, sums, 0)
        counts = pd.Series(sums, index=self.norms, name="count")
        return counts[counts > 0]

    @cached_property
    def stems(self) -> np.ndarray:
        """Snowball stem of every word of the vocabulary."""
        return np.array([_stem(p) for p in self.parts], dtype=object)

    def word_codes(self, word: str, *, stem: bool = False) -> np.ndarray:
        """Vocabulary codes matched by one query word (exact, wildcard or by stem)."""
        return _codes(self.parts, word, stems=lambda: self.stems if stem else None)

    @cached_property
    def compounds(self) -> Compounds:
        """The parts of the hyphenated words of the corpus (see `Compounds`)."""
        return Compounds(self.tokens)

    def phrase_positions(self, phrase: tuple[str, ...], *, stem: bool = False) -> np.ndarray:
        """Word positions where `phrase` starts, its words consecutive within one sentence."""
        codes = self.word_codes(phrase[0], stem=stem)
        pos = np.sort(np.concatenate([self.order[self.offsets[c]:self.offsets[c + 1]]
                                      for c in codes] or [np.array([], np.int32)]))
        for k, word in enumerate(phrase[1:], start=1):
            wanted = np.zeros(len(self.parts), dtype=bool)
            wanted[self.word_codes(word, stem=stem)] = True
            pos = pos[pos + k < len(self.part_code)]
            nxt = pos + k
            same = self.sentence[self.part_token[nxt]] == self.sentence[self.part_token[pos]]
            pos = pos[wanted[self.part_code[nxt]] & same]
        return pos.astype(np.int64)


def _codes(vocabulary: np.ndarray, word: str, *, stems) -> np.ndarray:
    """Codes of the sorted `vocabulary` matched by one query word: exactly, as a wildcard, or by
    its stem when `stems()` gives the stem of every vocabulary word."""
    if "*" in word or "?" in word:
        pattern = re.compile(re.escape(word).replace(r"\*", ".*").replace(r"\?", "."))
        prefix = re.split(r"[*?]", word)[0]  # only words starting with it can match
        lo = np.searchsorted(vocabulary, prefix)
        hi = np.searchsorted(vocabulary, prefix + "\U0010ffff") if prefix else len(vocabulary)
        return lo + np.flatnonzero([bool(pattern.fullmatch(p)) for p in vocabulary[lo:hi]])
    if (stemmed := stems()) is not None:
        return np.flatnonzero(stemmed == _stem(word))
    i = np.searchsorted(vocabulary, word)
    return np.array([i]) if i < len(vocabulary) and vocabulary[i] == word else np.array([], int)


class Compounds:
    """The parts of hyphenated words ("Russia-Azerbaijan-Turkey": russia, azerbaijan, turkey),
    each with its character offset in the word, so that a query word can match a part of one,
    with offsets on the part. Entry i is part `words[word[i]]` of norm `norm[i]`, at `offset[i]`."""

    def __init__(self, tokens: pd.DataFrame):
        norms = tokens.norm.cat.categories.astype(str).tolist()
        entries = [(code, m.group(), m.start()) for code, norm in enumerate(norms)
                   if "-" in norm and "_" not in norm for m in _PART.finditer(norm)]
        parts = np.array([e[1] for e in entries], dtype=object)
        self.words, word = np.unique(parts, return_inverse=True) if len(parts) else (parts, parts)
        self.word = np.asarray(word, dtype=np.int64)
        self.norm = np.array([e[0] for e in entries], dtype=np.int64)
        self.offset = np.array([e[2] for e in entries], dtype=np.int64)
        self.length = np.array([len(e[1]) for e in entries], dtype=np.int64)
        self.norm_length = np.array([len(n) for n in norms], dtype=np.int64)
        # the token rows of each hyphenated norm, in row order: only those rows are sorted (a
        # sort of every token took 4 s of a million items' first query)
        codes = tokens.norm.cat.codes.to_numpy()
        hyphenated = np.zeros(len(norms) + 1, dtype=bool)  # the last: a missing norm (code -1)
        hyphenated[self.norm] = True
        rows = np.flatnonzero(hyphenated[codes])
        self.by_norm = rows[np.argsort(codes[rows], kind="stable")]
        self.bounds = np.searchsorted(codes[self.by_norm], np.arange(len(norms) + 1))
        self.starts, self.ends = tokens.start.to_numpy(), tokens.end.to_numpy()

    @cached_property
    def stems(self) -> np.ndarray:
        return np.array([_stem(w) for w in self.words], dtype=object)

    def matches(self, word: str, *, stem: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(token rows, start, end): every part of a hyphenated word that `word` matches, with
        the part's character offsets (the whole word's where its surface and norm differ in
        length, so that no offset points beside the part)."""
        codes = _codes(self.words, word, stems=lambda: self.stems if stem else None)
        hit = np.flatnonzero(np.isin(self.word, codes))
        rows = [self.by_norm[self.bounds[n]:self.bounds[n + 1]] for n in self.norm[hit]]
        count = np.array([len(r) for r in rows], dtype=np.int64)
        rows = np.concatenate(rows or [np.array([], np.int64)]).astype(np.int64)
        whole = (self.ends[rows] - self.starts[rows]) != np.repeat(self.norm_length[self.norm[hit]],
                                                                   count)
        start = self.starts[rows] + np.where(whole, 0, np.repeat(self.offset[hit], count))
        end = np.where(whole, self.ends[rows], start + np.repeat(self.length[hit], count))
        return rows, start, end


def in_document_order(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens table sorted by document and position, unless it is already (as stored)."""
    if (np.diff(tokens.doc_id.cat.codes.to_numpy()) >= 0).all():
        return tokens
    return tokens.sort_values(["doc_id", "tok_id"], ignore_index=True)


def postings(tokens: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The word postings of `tokens` (in document order): the sorted vocabulary of words with
    each one's positions (columns part, count), and the positions in text order (columns
    part_token: the token row; part_code: the word; order: the positions sorted by word, in text
    order within a word)."""
    norms = tokens.norm.cat.categories.astype(str)
    split = [[p for p in n.split("_") if p] or [n] for n in norms]
    parts, flat = np.unique(np.concatenate([np.asarray(s, dtype=object) for s in split])
                            if split else np.array([], dtype=object), return_inverse=True)
    n_parts = np.array([len(s) for s in split], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(n_parts)[:-1]])
    codes = tokens.norm.cat.codes.to_numpy()
    if (n_parts == 1).all():  # no joined expression: a word per token, no temporary arrays
        part_token = np.arange(len(tokens), dtype=np.int32)
        part_code = flat.astype(np.int32)[codes]
    else:
        reps = n_parts[codes]
        part_token = np.repeat(np.arange(len(tokens), dtype=np.int32), reps)
        within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        part_code = flat[np.repeat(first[codes], reps) + within].astype(np.int32)
    order = np.argsort(part_code, kind="stable").astype(np.int32)
    vocabulary = pd.DataFrame({"part": pd.array(parts, dtype="string"),
                               "count": np.bincount(part_code, minlength=len(parts))})
    return vocabulary, pd.DataFrame({"part_token": part_token, "part_code": part_code, "order": order})


def term_index(corpus: Corpus) -> TermIndex:
    """The corpus's `TermIndex`, built on first use and kept in `corpus.indexes` for later
    queries (rebuilt if the tokens table was replaced). Its postings are kept with a corpus
    opened from the cache (`workbench.corpus.derived`): a later session maps them from there
    instead of sorting every word of the corpus again (5.7 s for a million items)."""
    index = corpus.indexes.terms
    if index is None or index.source is not corpus.tokens:
        tokens = corpus.tokens
        # what tells this corpus's tokens from another table kept with the same store
        inputs = [VERSION, len(tokens), len(tokens.norm.cat.categories), len(tokens.doc_id.cat.categories)]
        built = cache(lambda: postings(in_document_order(tokens)))
        kept = tuple(remembered(corpus, name, inputs, lambda i=i: built()[i])
                     for i, name in enumerate(("term-vocabulary", "term-positions")))
        index = corpus.indexes.terms = TermIndex(tokens, kept)
    return index


class Matches(NamedTuple):
    """Matches of a query in text order: the token rows where each starts and ends (of
    `TermIndex.tokens`) and its character offsets in its document's text."""

    first: np.ndarray
    last: np.ndarray
    start: np.ndarray
    end: np.ndarray


def match_tokens(index: TermIndex, query: Query, *, stem: bool = False,
                 compounds: bool = True) -> Matches:
    """Every match of `query`, in text order.

    Overlaps between the query's phrases are counted once: at each start the longest match wins
    and matches overlapping an earlier one are dropped. With `compounds`, a one-word phrase also
    matches a part of a hyphenated word ("turkey" in "Russia-Azerbaijan-Turkey"), with offsets
    on the part, unless a longer match covers that word.
    """
    starts, ends = [], []
    for phrase in query.phrases:
        pos = index.phrase_positions(phrase, stem=stem)
        starts.append(pos)
        ends.append(pos + len(phrase) - 1)
    first = np.concatenate(starts) if starts else np.array([], np.int64)
    last = np.concatenate(ends) if ends else np.array([], np.int64)
    order = np.lexsort((-(last - first), first))
    first, last = first[order], last[order]
    reach = np.maximum.accumulate(last) if len(last) else last
    keep = np.r_[True, first[1:] > reach[:-1]] if len(first) else np.array([], bool)
    a = index.part_token[first[keep]].astype(np.int64)
    b = index.part_token[last[keep]].astype(np.int64)
    tok = index.tokens
    start, end = tok.start.to_numpy()[a].astype(np.int64), tok.end.to_numpy()[b].astype(np.int64)
    single = [p[0] for p in query.phrases if len(p) == 1]
    if compounds and single and len(index.compounds.norm):
        found = [index.compounds.matches(word, stem=stem) for word in single]
        parts = pd.DataFrame({k: np.concatenate([f[i] for f in found]).astype(np.int64)
                              for i, k in enumerate(("row", "start", "end"))}).drop_duplicates()
        parts = parts[~_covered(parts.row.to_numpy(), a, b)]  # the longer match wins
        a, b = np.r_[a, parts.row.to_numpy()], np.r_[b, parts.row.to_numpy()]
        start, end = np.r_[start, parts.start.to_numpy()], np.r_[end, parts.end.to_numpy()]
        order = np.lexsort((start, a))
        a, b, start, end = a[order], b[order], start[order], end[order]
    return Matches(a, b, start, end)


def _covered(rows: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """True for each of `rows` inside one of the spans `a[i]..b[i]` (sorted by `a`): found by
    binary search over the matches, not a pass over every token of the corpus."""
    if not len(a):
        return np.zeros(len(rows), dtype=bool)
    before = np.searchsorted(a, rows, side="right") - 1  # the last span starting at or before
    reach = np.maximum.accumulate(b)
    return (before >= 0) & (reach[np.maximum(before, 0)] >= rows)


def find(index: TermIndex, query: Query, *, stem: bool = False, compounds: bool = True,
         docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Every occurrence of `query`, overlaps between its phrases counted once (longest wins); with
    `compounds`, a word also where it is part of a hyphenated word (see `match_tokens`).

    Columns: doc_id, start, end (character offsets), sent_id, tok_start, tok_end (token ids,
    end exclusive), term (the query's label).
    """
    a, b, start, end = match_tokens(index, query, stem=stem, compounds=compounds)
    if docs is not None:
        allowed = np.zeros(len(index.doc_ids), dtype=bool)
        rows = index.doc_index.get_indexer(list(docs))
        allowed[rows[rows >= 0]] = True
        inside = allowed[index.doc_code[a]]
        a, b, start, end = a[inside], b[inside], start[inside], end[inside]
    tok = index.tokens
    return pd.DataFrame({
        "doc_id": index.doc_ids[index.doc_code[a]].astype(str),
        "start": start.astype(tok.start.dtype),
        "end": end.astype(tok.end.dtype),
        "sent_id": tok.sent_id.to_numpy()[a],
        "tok_start": tok.tok_id.to_numpy()[a],
        "tok_end": tok.tok_id.to_numpy()[b] + 1,
        "term": query.label,
    })
