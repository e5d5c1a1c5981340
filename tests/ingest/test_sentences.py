"""SentenceSplitter returns exactly what untrained Punkt (Tokenizer.sentence_spans) returns."""

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from tests.seed_paths import SEEDS
from workbench.ingest import sentences
from workbench.ingest.sentences import SentenceSplitter
from workbench.ingest.tokens import ABBREVIATIONS, Tokenizer

ABBREVIATION_SET = set(ABBREVIATIONS.split()) | set(string.ascii_lowercase)
SPLITTER = SentenceSplitter(ABBREVIATION_SET)
TOKENIZER = Tokenizer()
_params = PunktParameters()
_params.abbrev_types = set(ABBREVIATION_SET)
PUNKT = PunktSentenceTokenizer(_params)  # the reference itself, whatever Tokenizer comes to use


def assert_same(text: str, start: int = 0, end: int | None = None) -> None:
    end = len(text) if end is None else end
    got = SPLITTER.spans(text, start, end)
    assert got == TOKENIZER.sentence_spans(text, start, end), text[start:end]
    assert got == [(start + s, start + e) for s, e in PUNKT.span_tokenize(text[start:end])], text[start:end]


def test_the_copied_patterns_are_nltks():
    """The splitter's copies of Punkt's patterns equal those of the installed NLTK. NLTK writes
    "?!" in an order that depends on the string hash seed; either order is the same class."""
    lang = PunktLanguageVars()
    theirs = [lang.period_context_re(), lang._word_tokenizer_re(), lang.re_boundary_realignment,
              PunktToken._RE_INITIAL, PunktToken._RE_NUMERIC]
    ours = [sentences.PERIOD_CONTEXT, sentences.WORD_TOKENIZER, sentences.BOUNDARY_REALIGNMENT,
            sentences.INITIAL, sentences.NUMBER]
    for pattern, copy in zip(theirs, ours, strict=True):
        assert pattern.pattern.replace("!\\?]", "\\?!]") == copy


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every block between blank lines and of every line."""
    blocks = [m.span() for m in re.finditer(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*", text)]
    return blocks + [m.span() for m in re.finditer(r"[^\n]+", text)]


def test_seed_paragraphs_split_as_punkt_splits_them():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    checked = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        for start, end in paragraphs(text):
            assert_same(text, start, end)
            checked += 1
    assert checked > 100


TRICKY = [
    "The U.S. Army said so. Gen. Smith agreed. The U.K. did not.",
    "He met J. R. Smith. Then he met A. B. Jones and j. k. rowling.",
    "Items: 1. item one 2. Item two 3. (three) 4. - four",
    "No. 5 is here. Room no. 6. nos. 7 and 8. It cost 1,000.5. Then 2.5 mln. Next.",
    "Wait... what? Really?! Yes!! No!!! Ok... Fine. . . Done. .. Done.",
    'He said "go." She left. "Stop." He said. (Then he left.) [And she went.] {Ok.} End.',
    "It was ‘done.’ “Yes.” «Oui.» She said.' He said.) Next.\" Fine.",
    "Т.е. это так. Г-н Иванов ушёл. т.е. ничего. Проф. Петров. 5 млн. руб. в год. Им. Ленина.",
    "The ex-Gen. Smith and the vice-Pres. Jones. The Lt.-Col. Brown. A re-Sept. date. Nov.-Dec. Yes.",
    "it ended. and then it went on. but why? because. ok.",
    "Two  spaces.  Three   spaces.\tA tab.\nA newline.\n\nA paragraph.",
    "Trailing whitespace.   ",
    "   Leading whitespace. Then more.",
    "No period at all",
    "",
    "   ",
    ".",
    ". Leading period. Yes.",
    "A.B.C. D.E. F. G.",
    "e.g. this. i.e. that. etc. Then vs. them. Mr. Mrs. Dr. Prof. St. Ave. Jan. Feb. Sept. Oct.",
    "Numbers 3. 4. -5. .5. 5,000. 12-3. Then x. Y.",
    "Ellipsis... Next. And... next. And ... Next.",
    "Quote at start ”Hello. (Paren) Next. )Close. \"Open",
    "Dash-- end. Then--more. And --- ok.",
    "Is it?Yes. Is it? yes. Really?!No. (Why?) Because.",
    "Comma., semicolon.; colon.: ok. a.,b.",
    "U.S.-based firm. U.S.A. Inc. Ltd. Co. Corp. said. It was.",
    "Word.\xa0Next. Non-breaking.\u2009Thin space. Ideographic.\u3000Space.",
    "Control.\x1cChar. Sep. \x1c Next.\n\x1c\nEnd.",
    "Б. Пушкин. É. Zola. Σ. letter. 1. a",
    "A sentence.) Another.] Third.} Fourth.» Fifth.” Sixth.’ Seventh.",
    "X. --Y. Z.--W. Q.\"-- R.",
    "He left.\n\"Then she came.\"\nThe end.",
    "www.example.com. Next. file.txt. then. (U.S.)Gen. Smith. Gen. Bob.) Next.",
    "O'Brien said. He's here. 'Tis the end.' Fine.",
    "a. b. c. A. B. C. x.) y.] Z.\"",
    "##number##. 1.. 1... ##NUMBER## Next.",
    "End.\r\nWindows line. Next.\r\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_abbreviations_initials_numbers_and_quotes_split_as_punkt_splits_them(text):
    assert_same(text)


def test_spans_inside_a_longer_text_are_absolute_offsets():
    text = "Skip this. " + TRICKY[0] + " And this."
    assert_same(text, 11, 11 + len(TRICKY[0]))
    assert SPLITTER.spans(text, 11, 11) == []


PIECES = [
    ".", ".", ".", "?", "!", " ", " ", " ", "  ", "\n", "\t", "\xa0", "\x1c", "A", "B", "Z", "a", "z",
    "é", "É", "Б", "б", "1", "42", "2.5", "1,000", "-", "--", ",", ";", ":", '"', "'", "“", "”", "‘",
    "’", "«", "»", "(", ")", "[", "]", "{", "}", "*", "@", "#", "&", "_", "%", "/", "–", "<", ">", "`",
    "\x85", "\u2028", "...", ". . .",
    "U.S.", "Gen.", "gen.", "Mr.", "No.", "no.", "etc.", "ex-Gen.", "St.", "J.", "т.е.", "Г-н",
    "Word", "word", "The", "said", "Inc", "dlrs", "U.S", "e.g.", "Smith", "www.x.com",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_generated_text_splits_as_punkt_splits_it(text):
    assert_same(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".?!  \n\t\xa0\x1caAzZé1-,;:\"'“”()[]#%/<", max_size=30))
def test_matches_punkt_on_generated_characters(text):
    assert_same(text)
