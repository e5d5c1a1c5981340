"""Who a speaker phrase names: the actor it mentions, a description's named source, a pronoun's
antecedent.

`voices` finds the words that name each quotation's speaker; this module turns them into one
speaker per row, walking a document's rows in text order, so that the voices table and the
networks (`actors.find_mentions`) agree on who someone is:

1. a continuation takes the speaker of the quote it continues;
2. he/she (он, она, o) is the last singular speaker, they (они, onlar) the last plural one (a
   plural phrase such as "Russian officials", or a group actor); "" when there is none;
3. a phrase that mentions a person, organisation, group or state takes that mention's actor
   (person > organisation > group > state, a name or title before a metonym), so a title is
   its holder in the document's year and a surname the full name; a name the dictionary lacks
   stays itself ("the deputy of the Milli Majlis Azay Guliyev"); a description beside the name
   ("experts at the center Atlas") is remembered as that actor's;
4. a description without a name ("Azerbaijani experts", "the publication") is the actor it was
   last named with, else a singular one ("the publication") the last singular speaker;
5. a plural description whose only mention is an adjective ("Russian officials") is that
   state; anything else keeps its phrase (a surname the full name used earlier).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

SINGULAR = frozenset({"he", "she", "him", "her", "он", "она", "его", "её", "ее", "o"})
PLURAL = frozenset({"they", "them", "они", "их", "onlar"})
#: the actor types that speak, most specific first
SPEAKING = ("person", "organisation", "group", "state")
_PLURAL_END = re.compile(r"(?:[^s]s|ы|и|ие|ые|lar|lər)$")  # experts, эксперты, ekspertlər
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stem(word: str) -> str:
    """A description word without its number or case ending (experts -> expert)."""
    return re.sub(r"(?:es|s|ы|и|а|я|ов|ей|lar|lər)$", "", word.lower())


def _head(phrase: str) -> str:
    """The phrase's last word when it is lower case (a description's head noun), else ""."""
    words = phrase.split()
    return words[-1] if words and words[-1].islower() else ""


def _plural(phrase: str) -> bool:
    return bool(_PLURAL_END.search(head := _head(phrase))) and head not in SINGULAR


@dataclass(frozen=True)
class Speaking:
    """A document's mentions of speaking actors, the preferred first: non-adjective before
    adjective, then person > organisation > group > state, a name or title before a metonym,
    then text order."""

    start: np.ndarray
    end: np.ndarray
    actor: list[str]
    type: list[str]
    kind: list[str]


def speaking_mentions(mentions: pd.DataFrame) -> dict[str, Speaking]:
    """`actors.find_mentions` rows of speaking actors, by doc_id, in order of preference (see
    `Speaking`); other columns of `mentions` are ignored."""
    m = mentions[mentions["type"].isin(SPEAKING).fillna(False).astype(bool)]
    kind = m["kind"].astype(object)
    m = m.assign(doc_id=m["doc_id"].astype(str), adj=(kind == "adjective"),
                 rank=m["type"].astype(object).map({t: i for i, t in enumerate(SPEAKING)}),
                 meto=(kind == "metonym")).sort_values(["doc_id", "adj", "rank", "meto", "start"])
    docs = m["doc_id"].to_numpy(dtype=object)
    if not len(docs):
        return {}
    cut = np.flatnonzero(docs[1:] != docs[:-1]) + 1  # sorted by doc_id: where the next begins
    bounds = zip(np.r_[0, cut].tolist(), np.r_[cut, len(m)].tolist())
    start, end = m["start"].to_numpy(), m["end"].to_numpy()
    actor, kind_, type_ = (m[c].astype(str).tolist() for c in ("actor", "kind", "type"))
    return {docs[a]: Speaking(start[a:b], end[a:b], actor[a:b], type_[a:b], kind_[a:b])
            for a, b in bounds}


def _mentioned(mentions: Speaking | None, start: int, end: int) -> tuple[str, str, str]:
    """(actor, type, kind) of the preferred speaking actor mentioned in text[start:end]; ("",
    "", "") when there is none."""
    if mentions is None or end <= start:
        return "", "", ""
    hit = np.flatnonzero((mentions.start < end) & (mentions.end > start))
    if not len(hit):
        return "", "", ""
    i = hit[0]
    return mentions.actor[i], mentions.type[i], mentions.kind[i]


def _span(phrase: str, text: str, row: dict) -> tuple[int, int]:
    """Where to look for the speaker's mention: the phrase when it is a name found in the words
    that name the speaker ("the deputy of the Milli Majlis Azay Guliyev": the deputy, not the
    parliament), else all those words."""
    a, b = row["who_start"], row["who_end"]
    at = text.rfind(phrase, a, b)
    return (at, at + len(phrase)) if at >= 0 and not _head(phrase) else (a, b)


def resolve(rows: list[dict], text: str, mentions: Speaking | None) -> list[tuple[str, str]]:
    """(speaker, speaker_from) of each row of one document (`voices.document_voices` rows in text
    order, with speaker_phrase, who_start/who_end and the row it `follows`), see module doc;
    `mentions` are the document's `speaking_mentions`, or None."""
    out: dict[int, tuple[str, str]] = {}
    single = plural = ""
    known: dict[str, str] = {}  # description word -> the actor it was named with
    full: dict[str, str] = {}  # surname -> full name used earlier
    for row in rows:
        phrase, typ = row["speaker_phrase"], ""
        if row.get("follows") is not None:
            speaker = out[id(row["follows"])][0]
            how = "continuation"
        elif phrase in SINGULAR:
            speaker, how = single, "pronoun"
        elif phrase in PLURAL:
            speaker, how = plural, "pronoun"
        elif not phrase:
            speaker, how = "", ""
        else:
            speaker, typ, kind = _mentioned(mentions, *_span(phrase, text, row))
            head = _head(phrase)
            how = "mention"
            if kind == "adjective" and not _plural(phrase):
                speaker = ""
            if speaker and kind != "adjective":
                words = _WORD.findall(text[row["who_start"]:row["who_end"]]) + speaker.split()[-1:]
                known.update({_stem(w): speaker for w in words if w.islower() or w == speaker.split()[-1]})
            elif head and _stem(head) in known:
                speaker, how = known[_stem(head)], "description"
            elif head and not _plural(phrase) and not re.search(r"[A-ZА-ЯЁ]", phrase) and single:
                speaker, how = single, "description"
            elif not speaker:
                parts = phrase.split()
                speaker = full.get(phrase, phrase) if len(parts) == 1 else phrase
                if parts[-1][:1].isupper():
                    full.setdefault(parts[-1], speaker)
                how = "phrase"
        if how in ("mention", "description", "phrase") and speaker:
            if _plural(phrase) or typ == "group":
                plural = speaker
            else:
                single = speaker
        out[id(row)] = (speaker, how if speaker else "")
    return [out[id(row)] for row in rows]
