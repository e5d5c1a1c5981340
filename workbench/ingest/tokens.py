"""Sentences and word tokens with character offsets, using NLTK parts that need no data files.

Sentences: untrained Punkt with a shipped list of news abbreviations (U.S., Gen., Dec.,
initials), run per paragraph (reimplemented exactly, and faster, in `ingest.sentences`).
Tokens: one regular expression (NLTK RegexpTokenizer) that keeps hyphenated names, splits
possessive 's, keeps numbers and any Unicode letters; punctuation is not a token.
Multi-word expressions are joined as NLTK's MWETokenizer joins them.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import regex

from ..corpus.schema import categorical
from .sentences import SentenceSplitter

TOKEN_PATTERN = r"""(?x)
    (?:[^\W\d_]\.){2,}                    # dotted acronyms: U.S., U.K.
  | \d+(?:[.,]\d+)+%?                     # numbers with separators: 2.5, 1,000
  | ['’]s\b                               # possessive 's as its own token
  | [^\W_]+(?:[-‐'’](?!s\b)[^\W_]+)*      # words: Nagorno-Karabakh, O'Brien, 44-day, Türkiye
"""
ABBREVIATIONS = (
    "u.s u.k u.n e.u u.s.a e.g i.e etc vs mr mrs ms dr prof gen col lt maj capt sgt adm gov sen "
    "rep st jr sr inc ltd co corp no nos jan feb mar apr jun jul aug sep sept oct nov dec approx "
    "est dept univ ave fig vol art para т.е т.д т.п им ул г-н г-жа тыс млн млрд руб проф"
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
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


@lru_cache(maxsize=1 << 16)
def normalise_token(surface: str) -> str:
    """Lower-case, NFC, quotes and apostrophes unified to ', Turkish dotted capital I folded."""
    text = unicodedata.normalize("NFC", surface.translate(_QUOTES)).lower()
    return text.replace("i\u0307", "i")


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
        `tok_id`, `start`, `end`, `token`, `norm`, `is_stop`, `is_alpha`.

        Words are found inside each sentence span; norms, stopword and letter tests are
        computed once per distinct form; multi-word expressions are merged inside a sentence.
        """
        cols, surfaces = self._words_in(texts, sentences)
        codes, forms = pd.factorize(surfaces)
        norms = np.array([normalise_token(f) for f in forms], dtype=object)[codes]
        if self._mwe_phrases and len(norms):
            cols, surfaces, norms = self._merge_mwe(cols, surfaces, norms, texts)
        first = np.searchsorted(cols["doc"], np.arange(len(texts)))
        cols["tok_id"] = (np.arange(len(cols["doc"])) - first[cols["doc"]]).astype(np.int32)
        cols["token"] = categorical(surfaces)
        norm_codes, forms = pd.factorize(norms)
        cols["norm"] = pd.Categorical.from_codes(norm_codes, pd.Index(forms, dtype="string"))
        languages_seen = list(dict.fromkeys(languages))
        stop = np.stack([np.array([f in self.stopwords(lang) for f in forms], dtype=bool)
                         for lang in languages_seen] or [np.zeros(len(forms), dtype=bool)])
        doc_language = np.array([languages_seen.index(lang) for lang in languages], dtype=np.int32)
        cols["is_stop"] = stop[doc_language[cols["doc"]], norm_codes] if len(norms) else stop[0, :0]
        alpha = np.array([bool(_LETTER.search(f)) and not _DIGIT.search(f) for f in forms], dtype=bool)
        cols["is_alpha"] = alpha[norm_codes] if len(norms) else alpha
        return cols

    def _words_in(self, texts: list[str], sentences: list[list[tuple[int, int]]]):
        """Word spans inside every sentence span, as columns, and their surface forms."""
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
        return cols, np.array(surfaces, dtype=object)

    def _merge_mwe(self, cols: dict, surfaces: np.ndarray, norms: np.ndarray, texts: list[str]):
        """Join multi-word expressions as NLTK's MWETokenizer does: at each position the
        longest phrase that matches inside the sentence, left to right, without overlaps."""
        n = len(norms)
        codes, forms = pd.factorize(norms)
        lookup = {form: code for code, form in enumerate(forms)}
        same_sentence = np.r_[(cols["doc"][1:] == cols["doc"][:-1])
                              & (cols["sent_id"][1:] == cols["sent_id"][:-1]), False]
        longest = np.zeros(n, dtype=np.int32)
        for phrase in self._mwe_phrases:
            k, want = len(phrase), [lookup.get(w, -1) for w in phrase]
            if min(want) < 0 or k > n:
                continue
            hit = np.ones(n - k + 1, dtype=bool)
            for offset, code in enumerate(want):
                hit &= codes[offset:n - k + 1 + offset] == code
                if offset < k - 1:
                    hit &= same_sentence[offset:n - k + 1 + offset]
            at = np.flatnonzero(hit)
            longest[at] = np.maximum(longest[at], k)
        keep, covered = np.ones(n, dtype=bool), -1
        surfaces, norms = surfaces.copy(), norms.copy()
        for i in np.flatnonzero(longest):
            if i > covered:
                covered = i + longest[i] - 1
                keep[i + 1:covered + 1] = False
                cols["end"][i] = cols["end"][covered]
                surfaces[i] = texts[cols["doc"][i]][cols["start"][i]:cols["end"][i]]
                norms[i] = "_".join(norms[i:covered + 1])
        return {c: v[keep] for c, v in cols.items()}, surfaces[keep], norms[keep]
