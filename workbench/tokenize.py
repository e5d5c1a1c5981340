"""Sentences and word tokens with character offsets, using NLTK parts that need no data files.

Sentences: untrained Punkt with a shipped list of news abbreviations (U.S., Gen., Dec.,
initials), run per paragraph. Tokens: one regular expression (NLTK RegexpTokenizer)
that keeps hyphenated names, splits possessive 's, keeps numbers and any Unicode letters;
punctuation is not a token. Multi-word expressions are joined with NLTK's MWETokenizer.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import regex
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import MWETokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

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
_STEM_LANGUAGES = {"en": "english", "ru": "russian"}


@dataclass(frozen=True)
class TokenizerSettings:
    """What changes tokens: multi-word expressions, stemming. Part of the cache key."""

    mwe: tuple[str, ...] = ()
    stem: bool = False

    def key(self) -> str:
        payload = repr((sorted(self.mwe), self.stem, TOKEN_PATTERN, ABBREVIATIONS))
        return hashlib.sha1(payload.encode()).hexdigest()[:12]


@lru_cache(maxsize=1 << 16)
def normalise_token(surface: str) -> str:
    """Lower-case, NFC, quotes and apostrophes unified to ', Turkish dotted capital I folded."""
    text = unicodedata.normalize("NFC", surface.translate(_QUOTES)).lower()
    return text.replace("i\u0307", "i")


def load_stopwords(language: str) -> frozenset[str]:
    """The shipped stopword list for an ISO 639-1 code ('en', 'ru', 'az', 'tr'), else empty."""
    path = resources.files("workbench") / "resources" / "stopwords" / f"{language}.txt"
    if not path.is_file():
        return frozenset()
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for line in words if not line.startswith("#") for w in line.split())


class Tokenizer:
    """Turns a cleaned document into sentence and token rows (plain lists, not objects)."""

    def __init__(self, settings: TokenizerSettings = TokenizerSettings()):
        self.settings = settings
        params = PunktParameters()
        params.abbrev_types = set(ABBREVIATIONS.split()) | set("abcdefghijklmnopqrstuvwxyz")
        self._punkt = PunktSentenceTokenizer(params)
        # Punkt's own test for a possible sentence end: a paragraph without one is one sentence
        self._may_end = PunktLanguageVars().period_context_re()
        # what NLTK's RegexpTokenizer compiles, minus its per-call timeout wrapper
        self._words = regex.compile(TOKEN_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
        phrases = [tuple(p.split()) for p in settings.mwe if len(p.split()) > 1]
        self._mwe = MWETokenizer(phrases, separator="_") if phrases else None
        self._stop: dict[str, frozenset[str]] = {}

    @cached_property
    def _english(self) -> frozenset[str]:
        return load_stopwords("en")

    def stopwords(self, language: str | None) -> frozenset[str]:
        """Stopwords of the document language plus English (quoted English is common)."""
        lang = language or "en"
        if lang not in self._stop:
            self._stop[lang] = load_stopwords(lang) | self._english
        return self._stop[lang]

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans inside text[start:end], as absolute offsets."""
        para = text[start:end]
        if not self._may_end.search(para):  # what Punkt returns when it finds no candidate
            stop = len(para.rstrip())
            return [(start, start + stop)] if stop else []
        return [(start + s, start + e) for s, e in self._punkt.span_tokenize(para)]

    def tokens(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Word tokens `(start, end, norm)` inside text[start:end], multi-word expressions merged
        (their norm joins the words with "_")."""
        spans = [(start + m.start(), start + m.end()) for m in self._words.finditer(text[start:end])]
        norms = [normalise_token(text[s:e]) for s, e in spans]
        if not self._mwe or len(spans) < 2:
            return [(s, e, n) for (s, e), n in zip(spans, norms)]
        out, i = [], 0
        for joined in self._mwe.tokenize(norms):
            width = 1 if joined == norms[i] else joined.count("_") + 1
            out.append((spans[i][0], spans[i + width - 1][1], joined))
            i += width
        return out

    def stem(self, norms: list[str], language: str | None) -> list[str]:
        """Snowball stems for English and Russian; other languages keep their norm."""
        name = _STEM_LANGUAGES.get(language or "en")
        if name is None:
            return list(norms)
        stemmer = SnowballStemmer(name)
        return [stemmer.stem(n) if "_" not in n else n for n in norms]
