"""What reads as a paragraph of an article's prose, in any script: a line of fifteen words, or of
six ending a sentence (`page.is_prose`); in a script without spaces (Japanese, Chinese, Korean),
where words are not counted, a sentence of 15 characters or more, or 40 characters. Titles are
supported by the prose below them (`titles`), and near-duplicates compare it (`dedupe`), so that
menus, link lists and footers are never what makes two pages alike.
"""

from __future__ import annotations

import re

import polars as pl

from .page import BODY_WORDS, is_prose

#: kana, CJK ideographs and Hangul, in the syntax both Python's and Rust's regex engines read
NO_SPACES = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
SENTENCE_WORDS = 6  # a sentence of this many words is prose (`page.is_prose`)
#: in a script without spaces: a line of this many such characters is read by them, and is prose
#: as a sentence of the first many or as a line of the second
CHARS, SENTENCE_CHARS, LINE_CHARS = 10, 15, 40
_NO_SPACES = re.compile(NO_SPACES)
_CJK_END = "[。！？]"
_RUST_WORD = r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*"  # page.n_words' words, in Rust's syntax
_RUST_SENTENCE_END = r"[.!?…]['\"”»’)]*$"  # page.is_prose's, in Rust's syntax


def no_spaces(line: str) -> str:
    """The line's characters of scripts without spaces."""
    return "".join(_NO_SPACES.findall(line))


def is_paragraph(line: str) -> bool:
    """Whether a line reads as a paragraph of prose, in any script."""
    chars = len(_NO_SPACES.findall(line))
    if chars >= CHARS:
        return chars >= LINE_CHARS or chars >= SENTENCE_CHARS and bool(re.search(_CJK_END, line))
    return is_prose(line)


def paragraph_expr(column: str) -> pl.Expr:
    """`is_paragraph` of each line of a polars string column, by Rust's regex engine."""
    line = pl.col(column)
    chars, words = line.str.count_matches(NO_SPACES), line.str.count_matches(_RUST_WORD)
    return (pl.when(chars >= CHARS)
            .then((chars >= LINE_CHARS) | (chars >= SENTENCE_CHARS) & line.str.contains(_CJK_END))
            .otherwise((words >= BODY_WORDS) | (words >= SENTENCE_WORDS)
                       & line.str.contains(_RUST_SENTENCE_END)))
