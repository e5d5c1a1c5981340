"""Files to a corpus: read, decode, clean, infer metadata, split sentences and tokens, assemble.

The way a file takes, one module each: `read` (text, HTML, CSV/JSONL exports) → `decode`
(bytes to text) → `clean` (article lines kept, page furniture removed with its rule) →
`infer` (title, outlet, date, author, language from the page; `dates` parses dates) →
`sentences` and `tokens` → `pipeline` (one file's tables) → `assemble` (`dedupe`, `curated`
metadata `merge`d over inferred) → `load` (`load_corpus`, `open_corpus`, with the cache).
"""

from .load import load_corpus, open_corpus

__all__ = ["load_corpus", "open_corpus"]
