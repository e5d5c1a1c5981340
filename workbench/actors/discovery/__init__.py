"""Actors the dictionary lacks, discovered from how texts introduce people and bodies
(docs/methods/networks.md, "Discovered actors").

- `discover` (`corpus`): over a corpus, in the session's workers, one name per actor across
  it; `fold`: names as discovery compares them. In one document: `document`.
- `Discovery` (`lexicon`): the words discovery relies on (`Project.discovery()`); with the
  dictionary and the corpus's common words they make the one `Lexicon` every pattern reads.
- The patterns: persons (`persons`), organisations and groups (`bodies`), shared expressions and
  the `Token` and `Hit` types (`patterns`), Russian word forms (`morphology`).
"""

from .corpus import discover, fold
from .lexicon import Discovery

__all__ = ["Discovery", "discover", "fold"]
