"""Media Workbench: load, clean and tokenize a news corpus into pandas tables, and analyse it.

The packages follow the data's way: `project` (where things are) → `ingest` (files to a
`corpus`) → `index` (queries, term index, document axis) → the analyses `overview`,
`profiling`, `trends`, `networks` → `plots` and `widgets` → `app` (command line, report).

>>> from workbench import load_corpus  # doctest: +SKIP
>>> corpus = load_corpus("data/corpus", metadata="data/sources.csv")  # doctest: +SKIP
"""

from .corpus import Corpus
from .ingest import load_corpus, open_corpus

__all__ = ["Corpus", "load_corpus", "open_corpus"]
