"""The corpus: its tables (`Corpus`), their one shape (`schema`) and the Parquet cache that keeps them.

- `Corpus`: documents, paragraphs, sentences, tokens, removed lines, the report, the metadata table.
- `schema`: column names and dtypes of every table; `schema.empty`, `schema.conform`.
- `FileCache`: content-keyed, atomic, self-repairing Parquet cache (never pickles).
"""

from .cache import CacheError, FileCache
from .corpus import Corpus

__all__ = ["CacheError", "Corpus", "FileCache"]
