"""Sentence spans equal to NLTK's untrained Punkt, without Punkt's per-token objects.

`SentenceSplitter(abbreviations).spans(text, start, end)` returns exactly what
`PunktSentenceTokenizer(params).span_tokenize(text[start:end])` returns (as absolute offsets) when
`params` is a `PunktParameters` holding only `abbrev_types = abbreviations`: no collocations,
sentence starters or orthographic context. Without those, Punkt reduces to these rules, run with
Punkt's own regular expressions (compiled once, without NLTK's per-call timeout wrapper):

1. Candidates: a ``.``, ``?`` or ``!`` followed by punctuation or by whitespace and a next token
   (Punkt's period context). A candidate's context runs from the start of the word before it (after
   the last ASCII whitespace) to the end of that punctuation or next token. When no ASCII whitespace
   follows a candidate before the next one, only the next one is decided, on a context that starts
   at the earlier word (Punkt's `_match_potential_end_contexts`, quirks included).
2. A candidate ends a sentence when a token of its context (Punkt's word tokenizer, line by line,
   blank lines skipped), other than the last one, ends a sentence given the token after it:
   - ``.``, ``?`` and ``!`` alone do;
   - a token not ending in a period, or ending in ``..`` (ellipses), does not;
   - an abbreviation does not: the token minus its period, lower-cased, or its last
     hyphen-separated part, is in `abbreviations`;
   - an initial (a letter and a period) does unless the next token starts with a cased character
     or is one of ``;:,.!?``;
   - a number (``-?[.,]?\\d[\\d,.-]*\\.?``) does unless the next token starts with a lower-case
     character or is one of ``;:,.!?``;
   - any other token ending in a period does.
   Most contexts are one plain word and what follows it (`_PLAIN`): they are decided without the
   tokenizer.
3. A sentence ends after the candidate character; the next one starts at the next token (or right
   after the character when punctuation follows it). The last one ends at the last non-space.
4. Closing quotes and brackets that start a sentence, up to whitespace, ``--`` or the end of a
   line, move to the end of the sentence before (Punkt's `_realign_boundaries`); empty sentences
   are dropped.

Punkt's five regular expressions are copied here from NLTK 3.10.4 (Apache 2.0), so the sentences do
not change with the installed NLTK (3.10.3 added curly quotes to two of them) and an ingest worker does
not import NLTK, which pulls in scipy.stats: a second of every worker start.
tests/ingest/test_sentences.py checks the copies equal NLTK's patterns and compares the splits with
NLTK's on the seed articles, tricky cases and generated text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

_PUNCTUATION = frozenset(";:,.!?")  # a next token that is one of these is not a sentence start
# A character that Punkt's tokenizer keeps inside a word wherever it stands: no space, no . , - ? !,
# none of the punctuation that ends a word or cannot start one.
_INNER = r"[^\s.,\-?!)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb&\#`]"
# A context that the tokenizer splits into tokens of which only one may end a sentence: the word (if
# any) ending in the candidate character, or else that character alone (after nothing or a bracket or
# quote), followed by tokens starting with `next` that cannot end in . ? ! before the last one. The
# next token then matters by its first character only, as it is not one of ;:,.!? nor \x1c-\x1f
# (space to Python's strip(), not to \s).
_PLAIN = rf"""(?x)
    (?: (?P<word> {_INNER}+ (?: [.,-] {_INNER}+ )* ) | (?: [^\s.?!]* [)"\]}}*:;@(\[{{] )? )
    (?P<end> [.?!] ) \s*
    (?P<next> [^\s;:,.!?\x1c-\x1f] ) [^\s.?!]* (?: \. {_INNER} [^\s.?!]* )* [.?!]?
"""


# Punkt's patterns (nltk.tokenize.punkt 3.10.4), as NLTK formats them: the characters that cannot be in a
# word, then PunktLanguageVars' period context, word tokenizer and boundary realignment, and
# PunktToken's initial and number.
_NON_WORD = "(?:[)\\\";}\\]\\*:@\\'\\({\\[\\u2018\\u2019\\u201c\\u201d\\xab\\xbb\\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
PERIOD_CONTEXT = rf"""
        [\.\?!]             # a potential sentence ending
        (?=(?P<after_tok>
            {_NON_WORD}              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""
WORD_TOKENIZER = rf"""(
        {_MULTI_CHAR}
        |
        (?=[^\(\"\`{{\[:;&\#\*@\)}}\]\-,])\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            {_NON_WORD}|{_MULTI_CHAR}|          # Punctuation
            ,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}) # Comma if at end of word
        )
        |
        \S
    )"""
BOUNDARY_REALIGNMENT = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
INITIAL, NUMBER = r"[^\W\d]\.$", r"^-?[\.,]?\d[\d,\.-]*\.?$"


class SentenceSplitter:
    """Untrained Punkt sentence splitting with a fixed abbreviation set (see the module docstring)."""

    def __init__(self, abbreviations: Iterable[str]):
        """`abbreviations`: Punkt's `abbrev_types`, lower-case words without their final period."""
        self._abbreviations = frozenset(abbreviations)
        self._candidates = regex.compile(PERIOD_CONTEXT, regex.UNICODE | regex.VERBOSE)
        self._words = regex.compile(WORD_TOKENIZER, regex.UNICODE | regex.VERBOSE)
        self._closers = regex.compile(BOUNDARY_REALIGNMENT, regex.MULTILINE)
        self._last_space = regex.compile(r"(?r)[ \t\n\r\x0b\x0c]")  # Punkt's string.whitespace
        self._plain = regex.compile(_PLAIN)
        self._initial_or_number = regex.compile(f"(?P<initial>{INITIAL})|(?P<number>{NUMBER})")

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans inside text[start:end], as absolute offsets."""
        para = text[start:end]
        sentences, begin = [], 0  # Punkt's slices, before realignment
        for context_start, mark, context_end, next_start in self._contexts(para):
            if self._has_break(para[context_start:context_end]):
                sentences.append((begin, mark + 1))
                begin = max(next_start, mark + 1)  # the next token, else the punctuation right after
        sentences.append((begin, len(para.rstrip())))
        out, shift = [], 0
        for i, (s, e) in enumerate(sentences, 1):
            s += shift
            closers = i < len(sentences) and self._closers.match(para, *sentences[i])
            if closers:  # they end sentence i; the next one starts after them and their spaces
                out.append((start + s, start + sentences[i][0] + len(closers.group().rstrip())))
                shift = closers.end() - sentences[i][0]
            else:
                shift = 0
                if s < e:
                    out.append((start + s, start + e))
        return out

    def _contexts(self, para: str) -> Iterator[tuple[int, int, int, int]]:
        """(context start, candidate, context end, next token or -1) for the candidates Punkt decides:
        its `_match_potential_end_contexts`, quirks included."""
        previous, word_start, word_end = None, 0, 0
        for match in self._candidates.finditer(para):
            (mark, _), (_, after_end), (next_start, _) = match.regs  # the candidate, after_tok, next_tok
            space = self._last_space.search(para, word_end, mark)
            start = space.end() if space and space.start() > word_end else word_start  # not at word_end
            if previous and word_end <= start:
                yield word_start, *previous
            previous, word_start, word_end = (mark, after_end, next_start), start, mark
        if previous:
            yield word_start, *previous

    def _has_break(self, context: str) -> bool:
        """Whether a token of the context other than the last ends a sentence."""
        plain = self._plain.fullmatch(context)
        if plain:
            word, end, nxt = plain.groups()
            if word is None or end != ".":  # the . ? ! is a token of its own, before another one
                return True
            return self._ends_sentence(word + ".", nxt)
        lines = [line for line in context.split("\n") if line.strip()]  # as Punkt: skip blank lines
        tokens = [t for line in lines for t in self._words.findall(line)]
        return any(self._ends_sentence(t, nxt) for t, nxt in zip(tokens, tokens[1:]))

    def _ends_sentence(self, token: str, nxt: str) -> bool:
        """Punkt's two annotation passes for one token, given the token after it."""
        if token in (".", "?", "!"):
            return True
        if token[-1] != "." or token.endswith(".."):
            return False
        word = token[:-1].lower()
        if word in self._abbreviations or word.split("-")[-1] in self._abbreviations:
            return False
        if len(token) > 2 and token[0].isalpha():  # neither an initial nor a number
            return True
        kind = self._initial_or_number.match(token)
        if not kind:
            return True
        if kind["initial"]:
            return not (nxt in _PUNCTUATION or nxt[0].isupper() or nxt[0].islower())
        return not (nxt in _PUNCTUATION or nxt[0].islower())
