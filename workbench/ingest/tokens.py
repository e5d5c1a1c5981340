"""Sentences and word tokens with character offsets, using NLTK parts that need no data files.

Sentences: untrained Punkt with a shipped list of news abbreviations (U.S., Gen., Dec.,
initials), run per paragraph (reimplemented exactly, and faster, in `ingest.sentences`).
Tokens: one regular expression (NLTK RegexpTokenizer) that keeps hyphenated names, splits
possessive 's, keeps numbers and any Unicode letters; punctuation is not a token.
Multi-word expressions are joined as NLTK's MWETokenizer joins them.

The words of a whole chunk of documents are found by polars (Rust's regex engine, no Python per
token): `RUST_PATTERN` is `TOKEN_PATTERN` without its look-ahead, and a second pass that matches
each word with the gap before it gives the offsets. Words are then placed in their sentences. A
chunk where the two readings could differ (a word split at "'s_", a word across a sentence
boundary) is tokenized sentence by sentence with `TOKEN_PATTERN` instead; tests and the
benchmark check that both give the same tokens.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass

import numpy as np
import pandas as pd
import polars as pl
import regex

from ..corpus.norms import normalise_token
from .sentences import SentenceSplitter

TOKEN_PATTERN = r"""(?x)
    (?:[^\W\d_]\.){2,}                    # dotted acronyms: U.S., U.K.
  | \d+(?:[.,]\d+)+%?                     # numbers with separators: 2.5, 1,000
  | ['’]s\b                               # possessive 's as its own token
  | [^\W_]+(?:[-‐'’](?!s\b)[^\W_]+)*      # words: Nagorno-Karabakh, O'Brien, 44-day, Türkiye
"""
# The same in Rust's syntax: a part after a hyphen or apostrophe is not a lone "s" (look-ahead
# `(?!s\b)` above); they differ only before "s_", which `_UNSURE` finds.
RUST_PATTERN = (r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)+%?|['’]s\b|"
                r"[^\W_]+(?:[-‐'’](?:s[^\W_]+|[^\Ws_][^\W_]*))*")
_UNSURE = r"[-‐'’]s_"
ABBREVIATIONS = (
    "u.s u.k u.n e.u u.s.a e.g i.e etc vs mr mrs ms dr prof gen col lt maj capt sgt adm gov sen "
    "rep st jr sr inc ltd co corp no nos jan feb mar apr jun jul aug sep sept oct nov dec approx "
    "est dept univ ave fig vol art para т.е т.д т.п им ул г-н г-жа тыс млн млрд руб проф"
)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class TokenizerSettings:
    """What changes tokens, all part of the cache key: multi-word expressions, the stopword list
    of each language, and the languages whose lists apply to every document (`also`).

    A token is a stopword when it is in the list of its document's language or of a language
    in `also`; a document of a language without a list (or of unknown language) has only those.
    """

    mwe: tuple[str, ...] = ()
    stopwords: tuple[tuple[str, frozenset[str]], ...] = ()
    also: tuple[str, ...] = ()

    def key(self) -> str:
        lists = [(lang, sorted(words)) for lang, words in sorted(self.stopwords)]
        payload = repr((sorted(self.mwe), lists, self.also, TOKEN_PATTERN, ABBREVIATIONS))
        return hashlib.sha1(payload.encode()).hexdigest()[:12]


class Tokenizer:
    """Turns a cleaned document into sentence and token rows (plain lists, not objects)."""

    def __init__(self, settings: TokenizerSettings = TokenizerSettings()):
        self.settings = settings
        self._sentences = SentenceSplitter(set(ABBREVIATIONS.split()) | set(string.ascii_lowercase))
        # what NLTK's RegexpTokenizer compiles, minus its per-call timeout wrapper
        self._words = regex.compile(TOKEN_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
        self._mwe_phrases = [tuple(p.split()) for p in settings.mwe if len(p.split()) > 1]
        self._lists = dict(settings.stopwords)
        self._also = frozenset().union(*(self._lists.get(lang, ()) for lang in settings.also))
        self._stop: dict[str | None, frozenset[str]] = {}

    def stopwords(self, language: str | None) -> frozenset[str]:
        """The stopwords of a document in `language` (see `TokenizerSettings`)."""
        if language not in self._stop:
            self._stop[language] = self._also | self._lists.get(language or "", frozenset())
        return self._stop[language]

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans inside text[start:end] (a paragraph), as absolute offsets: what untrained
        Punkt with the news abbreviations gives (`ingest.sentences`)."""
        return self._sentences.spans(text, start, end)

    def table(self, texts: list[str], sentences: list[list[tuple[int, int]]],
              languages: list[str | None]) -> dict[str, np.ndarray | pd.Categorical]:
        """Token columns for many documents at once: `doc` (index into `texts`), `sent_id`,
        `tok_id`, `start`, `end`, `norm`, `is_stop`, `is_alpha` (the surface is
        `texts[doc][start:end]`, not stored).

        Words are found in the whole chunk and placed in their sentences (`_words_of_chunk`, or
        sentence by sentence where that could differ); norms, stopword and letter tests are
        computed once per distinct form; multi-word expressions are merged inside a sentence.
        """
        cols, codes, forms = self._words_of_chunk(texts, sentences) \
            or self._words_in(texts, sentences)
        norm_of_form, norm_forms = pd.factorize(np.array([normalise_token(f) for f in forms],
                                                         dtype=object))
        norms = norm_of_form[codes]
        if self._mwe_phrases and len(norms):
            cols, norms, norm_forms = self._merge_mwe(cols, norms, list(norm_forms))
        first = np.searchsorted(cols["doc"], np.arange(len(texts)))
        cols["tok_id"] = (np.arange(len(cols["doc"])) - first[cols["doc"]]).astype(np.int32)
        cols["norm"] = _in_order_of_appearance(norms, norm_forms)
        norm_codes, forms = cols["norm"].codes, list(cols["norm"].categories)
        languages_seen = list(dict.fromkeys(languages))
        stop = np.stack([np.array([f in words for f in forms], dtype=bool)
                         for words in map(self.stopwords, languages_seen)]
                        or [np.zeros(len(forms), dtype=bool)])
        doc_language = np.array([languages_seen.index(lang) for lang in languages], dtype=np.int32)
        cols["is_stop"] = stop[doc_language[cols["doc"]], norm_codes] if len(norm_codes) \
            else stop[0, :0]
        alpha = np.array([bool(_LETTER.search(f)) and not _DIGIT.search(f) for f in forms], dtype=bool)
        cols["is_alpha"] = alpha[norm_codes] if len(norm_codes) else alpha
        return cols

    def _words_of_chunk(self, texts: list[str], sentences: list[list[tuple[int, int]]]):
        """(columns, surface codes, distinct surfaces) of the words of all `texts`, found by
        polars with `RUST_PATTERN`: the words, then each word with the gap before it, whose
        lengths give the offsets; None when a text has a word that pattern could read otherwise
        or a word that does not fall inside one sentence span."""
        series = pl.Series(texts, dtype=pl.String)
        if series.str.contains(_UNSURE).any():
            return None
        found = series.str.extract_all(RUST_PATTERN)
        counts, words = found.list.len().to_numpy(), found.explode(empty_as_null=False)
        with_gaps = series.str.extract_all(f"(?s:.)*?(?:{RUST_PATTERN})").explode(empty_as_null=False)
        doc = np.repeat(np.arange(len(texts), dtype=np.int32), counts)
        through = np.cumsum(with_gaps.str.len_chars().to_numpy(), dtype=np.int64)
        before_doc = np.r_[0, through][np.r_[0, np.cumsum(counts)[:-1]]] if len(texts) else through
        end = through - np.repeat(before_doc, counts)
        start = end - words.str.len_chars().to_numpy()
        sent_doc = np.repeat(np.arange(len(texts), dtype=np.int64), [len(s) for s in sentences])
        spans = np.array([span for doc_spans in sentences for span in doc_spans],
                         dtype=np.int64).reshape(-1, 2)
        first_sentence = np.r_[0, np.cumsum([len(s) for s in sentences])[:-1]].astype(np.int64)
        at = np.searchsorted((sent_doc << 32) + spans[:, 0], (doc.astype(np.int64) << 32) + start,
                             side="right") - 1
        if len(at) and ((at < 0).any() or (sent_doc[at] != doc).any() or (end > spans[at, 1]).any()):
            return None
        distinct = words.unique(maintain_order=True)
        codes = words.cast(pl.Enum(distinct)).to_physical().to_numpy().astype(np.int64)
        cols = {"doc": doc, "sent_id": (at - first_sentence[doc]).astype(np.int32),
                "start": start.astype(np.int32), "end": end.astype(np.int32)}
        return cols, codes, distinct.to_list()

    def _words_in(self, texts: list[str], sentences: list[list[tuple[int, int]]]):
        """(columns, surface codes, distinct surfaces) of the words inside every sentence span,
        with `TOKEN_PATTERN`, one sentence at a time."""
        words = self._words.finditer
        doc, sent, starts, ends, surfaces = [], [], [], [], []
        for i, (text, spans) in enumerate(zip(texts, sentences)):
            for j, (s, e) in enumerate(spans):
                found = [m.span() for m in words(text, s, e)]
                if found:
                    doc += [i] * len(found)
                    sent += [j] * len(found)
                    starts += [a for a, _ in found]
                    ends += [b for _, b in found]
                    surfaces += [text[a:b] for a, b in found]
        cols = {"doc": np.array(doc, dtype=np.int32), "sent_id": np.array(sent, dtype=np.int32),
                "start": np.array(starts, dtype=np.int32), "end": np.array(ends, dtype=np.int32)}
        codes, forms = pd.factorize(np.array(surfaces, dtype=object))
        return cols, codes, list(forms)

    def _merge_mwe(self, cols: dict, norms: np.ndarray, norm_forms: list[str]):
        """Join multi-word expressions as NLTK's MWETokenizer does: at each position the
        longest phrase that matches inside the sentence, left to right, without overlaps.
        Norms are codes into `norm_forms`; a joined norm is added to them."""
        n = len(norms)
        lookup = {form: code for code, form in enumerate(norm_forms)}
        same_sentence = np.r_[(cols["doc"][1:] == cols["doc"][:-1])
                              & (cols["sent_id"][1:] == cols["sent_id"][:-1]), False]
        longest = np.zeros(n, dtype=np.int32)
        for phrase in self._mwe_phrases:
            k, want = len(phrase), [lookup.get(w, -1) for w in phrase]
            if min(want) < 0 or k > n:
                continue
            hit = np.ones(n - k + 1, dtype=bool)
            for offset, code in enumerate(want):
                hit &= norms[offset:n - k + 1 + offset] == code
                if offset < k - 1:
                    hit &= same_sentence[offset:n - k + 1 + offset]
            at = np.flatnonzero(hit)
            longest[at] = np.maximum(longest[at], k)
        keep, covered, norms = np.ones(n, dtype=bool), -1, norms.copy()
        for i in np.flatnonzero(longest):
            if i > covered:
                covered = i + longest[i] - 1
                keep[i + 1:covered + 1] = False
                cols["end"][i] = cols["end"][covered]
                joined = "_".join(norm_forms[c] for c in norms[i:covered + 1])
                if joined not in lookup:
                    lookup[joined] = len(norm_forms)
                    norm_forms.append(joined)
                norms[i] = lookup[joined]
        return {c: v[keep] for c, v in cols.items()}, norms[keep], norm_forms


def _in_order_of_appearance(codes: np.ndarray, forms: list[str]) -> pd.Categorical:
    """Codes into `forms` as a categorical of the forms that occur, in order of first appearance."""
    used, first = pd.factorize(codes)
    return pd.Categorical.from_codes(used.astype(np.int32),
                                     pd.Index(np.array(forms, dtype=object)[first] if len(first)
                                              else [], dtype="string"))
