"""Voices: direct quotations and reported speech, and who is quoted.

Quotation marks are paired with a depth counter (“ « open, ” » close; a straight " opens after
a space or line start, else closes), so nested quotes stay inside the outer one. A quote may run
over several paragraphs, with or without a re-opening mark at each paragraph; a quote never
closed is cut at the end of its opening paragraph. The speaker comes from the first cue found:
`"…," X said` / `said X`, `X said: "…"`, `according to X, "…"`, `X: "…"`; a quote without a cue
continues the previous quote's speaker when no sentence ends between them. Reported speech is
`X told <outlet>`, `according to X` and `X noted that …`. Pronouns (he, she) are resolved to the
last named speaker, and a bare surname to the full name used earlier in the document. The speech
verbs are the project's (`data/speech_cues.csv`, `Project.speech_cues()`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ..index.groups import rows_by_document

UNATTRIBUTED = "(unattributed)"  # how a quotation without a known speaker is listed
PRONOUNS = {"he", "she", "him", "her"}
_PASSIVE = {"be", "been", "being", "is", "was", "are", "were"}
COLUMNS = ["doc_id", "voice_id", "kind", "start", "end", "text", "speaker", "cue", "pattern",
           "closed"]

_MARK = re.compile(r"[\"“”«»„]")
_ACCORDING = re.compile(
    r"(?P<cue>\b[Aa]ccording to (?P<who>him|her|[A-ZА-ЯЁ][\w’'-]*(?:\s+[\w’'-]+){0,5}?))(?=[,.;])")
_TOLD = re.compile(r"(?P<cue>(?P<who>[^,;:.!?\n“”\"]+?)\s+told\s+[A-ZА-ЯЁ][\w.]*)")
_RUN = re.compile(r"[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*)*")


@dataclass(frozen=True)
class Cues:
    """The speech-verb patterns of one list of cues (`speech_cues`)."""

    after_verb_first: re.Pattern  # `"…," said X`
    after_who_first: re.Pattern  # `"…," X said`
    before_verb: re.Pattern  # `X said: "…"`
    # reported-speech patterns with a word each requires: the cheap `in` test spares most
    # sentences the regex, whose open-ended speaker group is slow on long sentences
    reporting: tuple[tuple[str, str, re.Pattern], ...]


@lru_cache(maxsize=8)
def speech_cues(verbs: tuple[str, ...]) -> Cues:
    """The patterns that read a speaker next to one of `verbs` (longest verbs tried first)."""
    verb = "(?:" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) + ")"
    that = re.compile(rf"(?:^|[,;]\s*)(?P<cue>(?P<who>[^,;:.!?\n“”\"]{{1,80}}?)\s+(?:also\s+)?"
                      rf"{verb}\s+that)\b")
    return Cues(
        after_verb_first=re.compile(rf"^\s*[,.!?]?\s*(?P<cue>{verb}\s+(?P<who>[^,.;:!?\n]+))"),
        after_who_first=re.compile(
            rf"^\s*[,.!?]?\s*(?P<cue>(?P<who>[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){{0,5}}?)"
            rf"\s+(?:has\s+|had\s+|also\s+)?{verb})\b"),
        before_verb=re.compile(rf"\b{verb}\b"),
        reporting=(("told", "told", _TOLD), ("according to", "ccording to ", _ACCORDING),
                   ("reported", "that", that)))


def _marks(text: str) -> list[tuple[int, bool]]:
    """(position, is_opening) of every double quotation mark."""
    out = []
    for m in _MARK.finditer(text):
        ch, i = m.group(), m.start()
        if ch == '"':
            opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/"
        else:
            opening = ch in "“«„"
        out.append((i, opening))
    return out


def quote_spans(text: str, para_starts: np.ndarray) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each outermost quotation, offsets of its content without marks.

    >>> text = 'He said: "We are “allies”, truly."'
    >>> [(text[a:b], closed) for a, b, closed in quote_spans(text, np.array([0]))]
    [('We are “allies”, truly.', True)]
    """
    para = lambda p: int(np.searchsorted(para_starts, p, side="right")) - 1  # noqa: E731
    marks, spans, i = _marks(text), [], 0
    while i < len(marks):
        pos, opening = marks[i]
        if not opening:
            i += 1
            continue
        depth, j = 1, i + 1
        while j < len(marks) and depth:
            p, op = marks[j]
            at_para_start = not text[para_starts[para(p)]:p].strip()
            if op and depth == 1 and at_para_start and para(p) != para(marks[j - 1][0]):
                pass  # the re-opening mark of a quote that runs over paragraphs
            else:
                depth += 1 if op else -1
            j += 1
        if depth == 0:
            spans.append((pos + 1, marks[j - 1][0], True))
            i = j
            continue
        nxt = para(pos) + 1
        end = int(para_starts[nxt]) if nxt < len(para_starts) else len(text)
        spans.append((pos + 1, len(text[:end].rstrip()), False))
        i = next((k for k in range(i + 1, len(marks)) if marks[k][0] >= end), len(marks))
    return spans


def _speaker(phrase: str, text: str, *, whole_run: bool = False) -> str:
    """A speaker's name from the words before/after a speech verb (heuristic, see module doc)."""
    words = phrase.strip().split()
    if not words or words[-1].lower() in _PASSIVE:
        return ""  # "it should be noted that": no speaker
    if len(words) == 1 and words[0].lower() in PRONOUNS | {"they", "them"}:
        return words[0].lower()
    if len(words) > 1 and re.search(rf"\b{re.escape(words[0].lower())}\b", text):
        # a capitalised sentence-initial function word: drop "And" before a name, else lower "The"
        words = words[1:] if words[1][:1].isupper() else [words[0].lower(), *words[1:]]
    phrase = " ".join(words)
    if not phrase:
        return ""
    if whole_run:
        run = _RUN.search(phrase)
        return run.group() if run else phrase
    if not phrase.split()[-1][:1].isupper():
        return " ".join(phrase.split()[-6:])
    run = _RUN.findall(phrase)[-1].split()
    if len(run) == 1 and len(words) > 1 and words[-2].islower():
        return phrase  # "the President of Azerbaijan"
    return " ".join(run[-2:])


def _attribute(text: str, start: int, end: int, lo: int, cues: Cues) -> tuple[str, str, str]:
    """(speaker, cue, pattern) of the quote text[start:end]; `lo` bounds the look-back."""
    after = re.split(r"[\n\"“”«»]", text[end + 1:end + 160])[0]
    continues = after.lstrip().startswith(",") or not text[start:end].rstrip().endswith(".")
    for regex in (cues.after_verb_first, cues.after_who_first):
        if continues and (m := regex.match(after)):
            return _speaker(m["who"], text), m["cue"].strip(), "after"
    before = re.split(r"[.!?]\s|\n", text[lo:start - 1])[-1]
    if m := _ACCORDING.search(before):
        return _speaker(m["who"], text), m["cue"], "according to"
    if verbs := list(cues.before_verb.finditer(before)):
        at = verbs[-1].start()
        clause = re.split(r"[,;:]|\b(?:which|who|that)\b", before[:at])[-1]
        if clause.strip():
            return _speaker(clause, text), before[at - len(clause):].strip(), "before"
    if before.rstrip().endswith(":"):
        clause = re.split(r"[,;]", before.rstrip()[:-1])[-1]
        return _speaker(clause, text, whole_run=True), before.strip(), "colon"
    return "", "", ""


def _reported(text: str, sentences: list[tuple[int, int, str]], quoted: list[tuple[int, int]],
              cues: Cues) -> list[dict]:
    """Reported-speech rows: sentences `(start, end, text)` with a `told`, `according to` or
    `… that` cue."""
    rows = []
    for start, end, sentence in sentences:
        if any(start < b and end > a for a, b in quoted):
            continue
        for pattern, literal, regex in cues.reporting:
            if literal in sentence and (m := regex.search(sentence)) and (who := _speaker(m["who"], text)):
                rows.append(dict(kind="reported", start=start, end=end, text=sentence,
                                 speaker=who, cue=m["cue"].strip(), pattern=pattern, closed=True))
                break
    return rows


def _resolve(rows: list[dict]) -> None:
    """Resolve pronouns to the last named speaker and bare surnames to full names, in place."""
    last, full = "", {}
    for row in rows:
        name = row["speaker"]
        if name in PRONOUNS:
            row["speaker"] = last
            continue
        if name and name[:1].isupper():
            parts = name.split()
            name = full.get(name, name) if len(parts) == 1 else name
            full.setdefault(parts[-1], name)
            row["speaker"] = last = name


def document_voices(text: str, para_starts: np.ndarray, sentences: list[tuple[int, int, str]], *,
                    cues: Cues, min_words: int = 3) -> list[dict]:
    """Quote and reported-speech rows of one document, in text order, speakers resolved;
    `sentences` are the document's `(start, end, text)`, `cues` its `speech_cues`."""
    rows, prev, lo = [], None, 0
    spans = [s for s in quote_spans(text, para_starts) if len(text[s[0]:s[1]].split()) >= min_words]
    for start, end, closed in spans:
        speaker, cue, pattern = _attribute(text, start, end, lo, cues)
        if not speaker and prev and prev["speaker"] and not re.search(r"[.!?]\s",
                                                                      text[prev["end"] + 1:start]):
            speaker, cue, pattern = prev["speaker"], "", "continuation"
        prev = dict(kind="quote", start=start, end=end, text=text[start:end], speaker=speaker,
                    cue=cue, pattern=pattern or "none", closed=closed)
        rows.append(prev)
        lo = end + 1
    rows += _reported(text, sentences, [(a, b) for a, b, _ in spans], cues)
    rows.sort(key=lambda r: r["start"])
    _resolve(rows)
    return rows


def voices(corpus, *, cues: tuple[str, ...], min_words: int = 3) -> pd.DataFrame:
    """Every direct quotation and reported statement in the corpus, with its speaker.

    `cues` are the speech verbs (`Project.speech_cues()`). Quotes shorter than `min_words`
    words (scare quotes, titles) are left out.
    Columns: doc_id, voice_id, kind (quote | reported), start, end (offsets of the quote's
    content, or of the reporting sentence), text, speaker ("" when unknown), cue (the words
    that name the speaker), pattern (after | before | according to | colon | continuation |
    told | reported | none), closed (False for a quote cut at its paragraph's end).
    """
    docs = corpus.documents
    p_order, paras = rows_by_document(corpus.paragraphs, docs)
    s_order, sents = rows_by_document(corpus.sentences, docs)
    starts = corpus.paragraphs["start"].to_numpy()[p_order]
    table = corpus.sentences.iloc[s_order]
    sentences = list(zip(table["start"].tolist(), table["end"].tolist(), table["text"].tolist()))
    rows, patterns = [], speech_cues(tuple(cues))
    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].tolist(), docs["text"].tolist())):
        p0, p1, s0, s1 = paras[i], paras[i + 1], sents[i], sents[i + 1]
        found = document_voices(text, np.sort(starts[p0:p1]) if p1 > p0 else np.array([0]),
                                sentences[s0:s1], cues=patterns, min_words=min_words)
        rows += [{**row, "doc_id": doc_id} for row in found]
    out = pd.DataFrame(rows, columns=[*COLUMNS[2:], "doc_id"]).astype({"doc_id": "string"})
    out["voice_id"] = out.groupby("doc_id").cumcount()
    return out[COLUMNS]


def speakers(table: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Who each group quotes: counts of quotes and reported statements per speaker.

    `groups` maps doc_id to a group label. Columns: group, speaker, quotes, reported, total,
    documents; unknown speakers appear as UNATTRIBUTED.
    """
    t = table.assign(group=table.doc_id.map(groups), speaker=table.speaker.replace("", UNATTRIBUTED))
    out = t.groupby(["group", "speaker"]).agg(
        quotes=("kind", lambda k: int((k == "quote").sum())),
        reported=("kind", lambda k: int((k == "reported").sum())),
        documents=("doc_id", "nunique")).reset_index()
    out["total"] = out.quotes + out.reported
    cols = ["group", "speaker", "quotes", "reported", "total", "documents"]
    return out.sort_values(["group", "total"], ascending=[True, False], ignore_index=True)[cols]


def speaker_voices(table: pd.DataFrame, doc_ids, speaker: str) -> pd.DataFrame:
    """The rows of `table` (`voices`) behind one row of `speakers`: the quotes and reported
    statements of `speaker` (UNATTRIBUTED for those without one) in the documents `doc_ids`."""
    who = table.speaker.replace("", UNATTRIBUTED)
    return table[table.doc_id.isin(list(doc_ids)) & (who == speaker)]
