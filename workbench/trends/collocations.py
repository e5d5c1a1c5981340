"""Collocations (recurring bigrams and trigrams) and the collocates of a query.

N-grams are scored with NLTK's association measures inside sentences. Collocates are the
words within +-`window` tokens of a match; their strength is the keyness of those window
positions against the rest of the selection (`workbench.index.keyness`), plus mutual information.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

from ..corpus.corpus import Corpus
from ..corpus.options import check_option
from ..index.keyness import keyness
from ..index.query import Query, as_queries
from ..index.terms import find, term_index

Measure = Literal["likelihood_ratio", "pmi"]
N = Literal[2, 3]  # bigrams, trigrams
COLLOCATION_COLUMNS = ["ngram", "count", "score", "measure"]
COLLOCATE_COLUMNS = ["term", "count", "total", "mi", "g2", "p_value", "log_ratio"]
_FINDERS = {2: (BigramCollocationFinder, BigramAssocMeasures),
            3: (TrigramCollocationFinder, TrigramAssocMeasures)}


def sentences(corpus: Corpus, *, docs: Iterable[str] | None = None) -> list[list[str]]:
    """The norms of each sentence of the selected documents, in corpus order."""
    index = term_index(corpus)
    tok = index.tokens
    keep = np.ones(len(tok), bool) if docs is None else tok.doc_id.isin(list(docs)).to_numpy()
    names = np.asarray(tok.norm.cat.categories, dtype=object)
    norms = names[tok.norm.cat.codes.to_numpy()[keep]]
    sentence = index.sentence[keep]
    cuts = np.flatnonzero(np.diff(sentence)) + 1
    return [list(s) for s in np.split(norms, cuts)] if len(norms) else []


def collocations(corpus: Corpus, *, n: N = 2, measure: Measure = "likelihood_ratio",
                 min_freq: int = 3, content_only: bool = True,
                 docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Bigrams (`n=2`) or trigrams (`n=3`) scored by an NLTK association measure.

    N-grams never cross a sentence; with `content_only`, those containing a stopword or a
    number are dropped. Columns: ngram (words joined by spaces), count, score, measure;
    sorted by score, highest first.
    """
    check_option("n", n, N)
    check_option("measure", measure, Measure)
    finder_class, measures = _FINDERS[n]
    finder = finder_class.from_documents(sentences(corpus, docs=docs))
    if content_only:
        index = term_index(corpus)
        content = set(index.tokens.norm.cat.categories[index.content].astype(str))
        finder.apply_word_filter(lambda w: w not in content)
    finder.apply_freq_filter(min_freq)
    scored = finder.score_ngrams(getattr(measures, measure))
    return pd.DataFrame({
        "ngram": [" ".join(g) for g, _ in scored],
        "count": pd.Series([finder.ngram_fd[g] for g, _ in scored], dtype="int64"),
        "score": pd.Series([s for _, s in scored], dtype="float64"),
        "measure": measure,
    }, columns=COLLOCATION_COLUMNS)


def collocates(corpus: Corpus, query, *, window: int = 5, min_freq: int = 2,
               content_only: bool = True, stem: bool = False,
               groups: Mapping[str, Query] | None = None,
               docs: Iterable[str] | None = None) -> pd.DataFrame:
    """Words within +-`window` tokens of the query's matches (same document), with scores.

    Each token position is counted once even when windows overlap; the matches themselves
    are not counted. With W tokens in the windows, N in the selection, a collocate seen O
    times in the windows and f times in all: mi = log2(O N / (f W)); g2, p_value and
    log_ratio come from `keyness(windows, rest of the selection)`; only attracted words
    (used relatively more in the windows) are kept.
    Columns: term, count (O), total (f), mi, g2, p_value, log_ratio; by g2, highest first.
    """
    queries = as_queries(query, groups=groups)
    index = term_index(corpus)
    ids = index.doc_ids if docs is None else pd.Index(list(docs)).astype(str)
    spans = pd.concat([find(index, q, stem=stem, docs=ids) for q in queries], ignore_index=True)
    first = index.doc_start
    doc = index.doc_index.get_indexer(spans.doc_id)
    in_window = np.zeros(len(index.tokens), dtype=bool)
    in_match = np.zeros(len(index.tokens), dtype=bool)
    for d, a, b in zip(doc, spans.tok_start.to_numpy(), spans.tok_end.to_numpy(), strict=True):
        base, size = first[d], index.doc_tokens[d]
        in_window[base + max(a - window, 0):base + min(b + window, size)] = True
        in_match[base + a:base + b] = True
    rows = np.flatnonzero(in_window & ~in_match)
    names = index.tokens.norm.cat.categories.astype(str)
    near = pd.Series(np.bincount(index.tokens.norm.cat.codes.to_numpy()[rows],
                                 minlength=len(names)), index=names)
    total = index.norm_counts(ids).reindex(names, fill_value=0)
    scores = keyness(near[near > 0], (total - near)[total - near > 0], min_freq=1)
    scores = scores[(scores.count_target >= min_freq) & (scores.direction == "over")]
    if content_only:
        scores = scores[scores.term.isin(names[index.content])]
    f = scores.count_target + scores.count_reference
    n_window, n_all = len(rows), int(total.sum())
    return pd.DataFrame({
        "term": scores.term, "count": scores.count_target, "total": f,
        "mi": np.log2(scores.count_target * n_all / (f * max(n_window, 1))),
        "g2": scores.g2, "p_value": scores.p_value, "log_ratio": scores.log_ratio,
    }, columns=COLLOCATE_COLUMNS).reset_index(drop=True)
