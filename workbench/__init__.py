"""Media Workbench: load, clean and tokenize a news corpus into pandas tables, and analyse it.

>>> from workbench import load_corpus  # doctest: +SKIP
>>> corpus = load_corpus("data/corpus", metadata="data/sources.csv")  # doctest: +SKIP
"""

from .config import open_corpus
from .corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus", "open_corpus"]
