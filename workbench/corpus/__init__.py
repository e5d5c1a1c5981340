"""The corpus: its tables (`Corpus`), their one shape (`schema`) and the columnar cache that keeps them.

- `Corpus`: documents, paragraphs, sentences, tokens, removed lines, the report, the metadata table.
- `schema`: column names and dtypes of every table; `schema.empty`, `schema.conform`.
- `Indexes`: the term index and document axis, built once per corpus and kept with it.
- `normalise_token`: a token's norm, the one form ingest stores and queries are matched in.
- `date_label`, `date_labels`, `first_and_last`: dates written only as precisely as they are known
  ("2024", "2024-04", "2024-04-05"), for one date, a column, and a group's date range.
- `check_option`: one message for an invalid choice (`unit='para'` is invalid; expected ...).
- `FileCache`: content-keyed, atomic, self-repairing cache of Arrow files, memory-mapped on open
  (never pickles).
"""

from .cache import CacheError, FileCache
from .corpus import TABLES, Corpus, Indexes
from .dates import date_label, date_labels, first_and_last
from .norms import normalise_token
from .options import check_option

__all__ = ["TABLES", "CacheError", "Corpus", "FileCache", "Indexes", "check_option", "date_label",
           "date_labels", "first_and_last", "normalise_token"]
