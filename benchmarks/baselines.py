"""Baselines on the same texts: NLTK's word_tokenize pipeline and scikit-learn's CountVectorizer.

NLTK: untrained Punkt sentences, then `NLTKWordTokenizer` per sentence (what `word_tokenize`
does, without the punkt data download). scikit-learn: `CountVectorizer().fit_transform`.
"""

from __future__ import annotations

import time


def nltk_pipeline(texts: list[str]) -> tuple[float, int]:
    """Seconds and number of tokens for sentence-split + word-tokenize of every text."""
    from nltk.tokenize.destructive import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    sentences, words = PunktSentenceTokenizer(), NLTKWordTokenizer()
    n = 0
    start = time.perf_counter()
    for text in texts:
        for sentence in sentences.tokenize(text):
            n += len(words.tokenize(sentence))
    return time.perf_counter() - start, n


def count_vectorizer(texts: list[str]) -> tuple[float, int]:
    """Seconds and number of non-zero cells of `CountVectorizer().fit_transform(texts)`."""
    from sklearn.feature_extraction.text import CountVectorizer

    start = time.perf_counter()
    matrix = CountVectorizer().fit_transform(texts)
    return time.perf_counter() - start, int(matrix.nnz)
