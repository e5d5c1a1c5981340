"""Files to a corpus: read, decode, clean, infer metadata, split sentences and tokens, assemble.

The way a file takes, one module each: `read` (text, HTML, CSV/JSONL exports; a news-archive
export is read one document per article by the layout readers of `archives`) → `decode`
(bytes to text) → `clean` (article lines kept, page furniture removed with its rule, a page's
site `template` among it, learned by `sites` from the site's pages before they are cleaned) →
`infer` (title, outlet, date, author, language from the page; `dates` parses dates) →
`sentences` and `tokens` → `pipeline` (one file's tables; `partitions`: a large JSON Lines
export's runs of lines, each processed and committed by a worker) → `assemble` (`dedupe`,
`curated` metadata `merge`d over inferred) → `load` (`build_corpus`, with the cache, as the
`LoadOptions` say; a task that fails stops it with `LoadStopped`, naming the file); `bounds`
dates undated documents at their lower bound when the researcher opts in. The project
(`workbench.project`) hands ingest what it needs: rules, cues, tokenizer settings, cache home.
"""

from .bounds import use_lower_bounds
from .clean import Rules
from .copies import Copies
from .load import Dedupe, LoadOptions, LoadStopped, build_corpus
from .outlets import Outlets, outlet_table
from .pipeline import Context
from .tokens import TokenizerSettings

__all__ = ["Context", "Copies", "Dedupe", "LoadOptions", "LoadStopped", "Outlets", "Rules",
           "TokenizerSettings", "build_corpus", "outlet_table", "use_lower_bounds"]
