"""Speech-cue patterns: the regular expressions that read a speaker next to a list of cues.

A cue is a speech verb ("said", "заявил", "proceeds from the fact") whose speaker stands before or
after it, or a phrase with a standalone X where the speaker stands ("according to X", "по X
словам"); the lists are the project's, per language (`data/speech_cues.csv`). `voices` uses the
patterns; this module only builds them, once per list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

#: the words that open a reported clause after a speech verb ("said that", "заявил, что")
THAT = ("that", "что", "ki")
#: relative pronouns: ", X, who said that" names X
RELATIVE = ("who", "который", "которая", "которые")

_TOLD = re.compile(r"(?P<cue>(?P<who>[^,;:.!?\n“”\"]+?)\s+told\s+[A-ZА-ЯЁ][\w.]*)")
_WORDS = r"[^\s,;:!?]+(?:\s+[^\s,;:!?]+){0,7}?"  # a speaker of one to eight words
_DASH = r"\s*[,.!?]?\s*(?:[—–-]\s*)?"  # between a quote and its cue: `,"` or `», —`


@dataclass(frozen=True)
class Cues:
    """The speech-cue patterns of one list of cues (`speech_cues`)."""

    after_verb_first: re.Pattern  # `"…," said X`
    after_who_first: re.Pattern  # `"…," X said`
    before_verb: re.Pattern  # `X said: "…"`
    according: re.Pattern  # `according to X, "…"`
    # reported-speech patterns with the words one of which each requires (lower case): the
    # cheap `in` test spares most sentences the regex, whose open-ended speaker group is slow
    reporting: tuple[tuple[str, tuple[str, ...], re.Pattern], ...]
    inverted: re.Pattern  # the tail of a reported sentence `…, X said.`


def _according(cues: Sequence[str]) -> str:
    """One alternation of the cues with a standalone X, the X a speaker group: a name (up to
    the next comma) where X ends the cue, one word where it stands inside."""
    forms = []
    for cue in sorted(cues, key=len, reverse=True):
        before, _, after = (" " + cue + " ").partition(" X ")
        who = r"(?P<who{i}>\w+)" if after.strip() else \
            r"(?P<who{i}>[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){{0,6}}?)(?=\s*[,.;])"
        forms.append(re.escape(before.strip()) + r"\s+" + who.format(i=len(forms))
                     + (r"\s+" + re.escape(after.strip()) if after.strip() else ""))
    return "|".join(forms) or "(?!)"


@lru_cache(maxsize=16)
def speech_cues(cues: tuple[str, ...]) -> Cues:
    """The patterns that read a speaker next to one of `cues` (longest cues tried first)."""
    verbs = [c for c in cues if " X " not in f" {c} "]
    verb = "(?:" + ("|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) or "(?!)") + ")"
    that = "(?:" + "|".join(THAT) + ")"
    reported = re.compile(rf"(?:^|[,;]\s*)(?P<cue>(?P<who>[^,;:.!?\n“”\"]{{1,80}}?)\s+"
                          rf"(?:also\s+)?{verb}\s*,?\s+{that})\b")
    according = re.compile(rf"(?i:(?P<cue>\b(?:{_according([c for c in cues if c not in verbs])})))")
    return Cues(
        after_verb_first=re.compile(rf"^{_DASH}(?P<cue>{verb}\s+(?P<who>[^,.;:!?\n]+))"),
        after_who_first=re.compile(
            rf"^{_DASH}(?P<cue>(?P<who>[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){{0,7}}?"
            rf"(?:,\s+[^,.;:!?\n]{{1,60}},)?)\s+(?:has\s+|had\s+|also\s+)?{verb})\b"),
        before_verb=re.compile(rf"\b{verb}\b"),
        according=according,
        reporting=(("told", ("told",), _TOLD),
                   ("according to", _literals([c for c in cues if c not in verbs]), according),
                   ("reported", THAT, reported)),
        inverted=re.compile(rf"\s*(?P<cue>(?P<who>{_WORDS})\s+{verb}|{verb}\s+(?P<who2>{_WORDS}))"
                            r"\s*[.!]?\s*"))


def _literals(cues: Sequence[str]) -> tuple[str, ...]:
    """The longest word of each cue, lower case: a sentence without any skips the cue's regex."""
    return tuple(max(c.lower().replace(" x ", " ").split(), key=len) for c in cues)
