"""What reads as a paragraph of an article's prose, in any script (`page.is_prose`: fifteen words,
or six ending a sentence; in a script without spaces, Chinese or Japanese, two characters count
as a word and 。！？ end a sentence), for a whole chunk of lines at once by polars
(`paragraph_expr`). Titles are supported by the prose below them (`titles`), and near-duplicates
compare it (`dedupe`), so that menus, link lists and footers are never what makes two pages alike.
"""

from __future__ import annotations

import re

import polars as pl

from .page import BODY_WORDS, UNSPACED

#: kana, CJK ideographs and Hangul: characters compared one by one, not as words (`titles`)
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_WORDS = 6  # a sentence of this many words is prose (`page.is_prose`)
_RUST_WORD = r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*"  # page.n_words' words, in Rust's syntax
_RUST_SENTENCE_END = r"[.!?…。！？]['\"”»’)」』）】]*$"  # page.is_prose's, in Rust's syntax


def no_spaces(line: str) -> str:
    """The line's characters of scripts without spaces (and Hangul)."""
    return "".join(_NO_SPACES.findall(line))


def paragraph_expr(column: str) -> pl.Expr:
    """`page.is_prose` of each line of a polars string column, by Rust's regex engine."""
    line = pl.col(column)
    unspaced = line.str.count_matches(UNSPACED.pattern)
    words = (line.str.replace_all(UNSPACED.pattern, " ").str.count_matches(_RUST_WORD)
             + (unspaced + 1) // 2)
    return (words >= BODY_WORDS) | (words >= SENTENCE_WORDS) & line.str.contains(_RUST_SENTENCE_END)
