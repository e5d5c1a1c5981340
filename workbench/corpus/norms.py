"""A token's norm: the form the term index stores and queries are matched in (`tokens.norm`).

Ingest normalises every token with it and the index every query word, so the two always agree.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})


@lru_cache(maxsize=1 << 16)
def normalise_token(surface: str) -> str:
    """Lower-case, NFC, quotes and apostrophes unified to ', Turkish dotted capital I folded.

    >>> normalise_token("İstanbul’s")
    "istanbul's"
    """
    text = unicodedata.normalize("NFC", surface.translate(_QUOTES)).lower()
    return text.replace("i\u0307", "i")
