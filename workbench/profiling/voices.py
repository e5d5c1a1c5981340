"""Voices: direct quotations and reported speech, and who is quoted.

Quotation marks are paired with a stack (“ « open, ” » close; a straight " opens after a space
or line start, else closes); a quotation inside another is a row of its own (`depth` 1, its
`parent` the outer row) and keeps the outer one whole. A quote may run over several paragraphs,
with or without a re-opening mark at each paragraph; a quote never closed is cut at the end of
its opening paragraph. The speaker phrase comes from the first cue found: `"…," X said` /
`said X` (`«…», — заявил X`), `X said: "…"`, `X proceeds from the fact that "…"`, `according
to X, "…"` (`по словам X`), `X: "…"`; a quote without a cue continues the previous quote's
speaker (at the same depth, inside the same outer quote) when no sentence ends between them.
Reported speech is `X told <outlet>`, `according to X`, `X noted that …` (`X заявил, что …`)
and `…, X said.` Each document gets its own language's cues (`data/speech_cues.csv`,
`Project.speech_cues(language)`): a cue with a standalone `X` ("according to X", "по X
словам") names the speaker where the X is, any other cue is a speech verb.

The cue patterns are built by `cues`. Who the phrase names is resolved by `speaker_resolution`:
an actor the phrase mentions (with `mentions` from `actors.find_mentions`, so a title is its
holder in the document's year), the source a description was named with, a pronoun's antecedent.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.derived import remembered
from ..index.groups import rows_by_document
from ..progress import counted
from .cues import RELATIVE, THAT, Cues, speech_cues
from .speaker_resolution import PLURAL, SINGULAR, Speaking, resolve, speaking_mentions

UNATTRIBUTED = "(unattributed)"  # how a quotation without a known speaker is listed
_PASSIVE = {"be", "been", "being", "is", "was", "are", "were", "быть", "было", "был"}
VERSION = "1"  # bump when a change to finding quotations changes what it finds (kept results)
COLUMNS = ["doc_id", "voice_id", "kind", "start", "end", "text", "speaker", "speaker_phrase",
           "speaker_from", "cue", "pattern", "closed", "depth", "parent"]
_MARK = re.compile(r"[\"“”«»„]")
_UPPER = "A-ZА-ЯЁÇŞÖÜİƏĞ"
_RUN = re.compile(rf"[{_UPPER}][\w-]*(?:\s+[{_UPPER}][\w-]*)*")
def _named(who: str) -> bool:
    """Whether the words after "according to" can name a speaker: a capitalised word or a
    pronoun ("according to Lavrov", "according to him"), not "according to this document"."""
    return any(ch.isupper() for ch in who) or who.strip().lower() in SINGULAR | PLURAL


def _function_word(word: str, text: str) -> bool:
    """Whether a capitalised sentence-initial word is no name: it is written in lower case
    elsewhere in the text ("And", "The")."""
    return bool(re.search(rf"\b{re.escape(word.lower())}\b", text))


def _who(m: re.Match) -> tuple[str, int, int]:
    """The speaker group of a cue match, whichever of its alternatives matched: (text, start,
    end)."""
    name = next(k for k, v in m.groupdict().items() if k.startswith("who") and v is not None)
    return m[name], m.start(name), m.end(name)


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


def quote_spans(text: str, para_starts: np.ndarray) -> list[tuple[int, int, bool, int]]:
    """(start, end, closed, depth) of each quotation, offsets of its content without marks, in
    text order; depth 0 is an outermost quotation, 1 a quotation inside it, and so on.

    >>> text = 'He said: "We are “allies”, truly."'
    >>> [(text[a:b], closed, depth) for a, b, closed, depth in quote_spans(text, np.array([0]))]
    [('We are “allies”, truly.', True, 0), ('allies', True, 1)]
    """
    para = lambda p: int(np.searchsorted(para_starts, p, side="right")) - 1  # noqa: E731
    marks, spans, i = _marks(text), [], 0
    while i < len(marks):
        pos, opening = marks[i]
        if not opening:
            i += 1
            continue
        opened, inner, j = [pos], [], i + 1
        while j < len(marks) and opened:
            p, op = marks[j]
            at_para_start = not text[para_starts[para(p)]:p].strip()
            if op and len(opened) == 1 and at_para_start and para(p) != para(marks[j - 1][0]):
                pass  # the re-opening mark of a quote that runs over paragraphs
            elif op:
                opened.append(p)
            elif (q := opened.pop()) != pos:
                inner.append((q + 1, p, True, len(opened)))
            j += 1
        if not opened:
            spans += [(pos + 1, marks[j - 1][0], True, 0), *inner]
            i = j
            continue
        nxt = para(pos) + 1
        end = int(para_starts[nxt]) if nxt < len(para_starts) else len(text)
        spans += [(pos + 1, len(text[:end].rstrip()), False, 0), *(s for s in inner if s[1] < end)]
        i = next((k for k in range(i + 1, len(marks)) if marks[k][0] >= end), len(marks))
    return sorted(spans)


def _speaker(phrase: str, text: str, *, whole_run: bool = False) -> str:
    """A speaker phrase from the words before/after a speech verb (heuristic, see module doc)."""
    words = phrase.strip().strip(",").split()
    if not words or words[-1].lower() in _PASSIVE:
        return ""  # "it should be noted that": no speaker
    if words[0].lower() in SINGULAR | PLURAL and all(w.islower() for w in words[1:]):
        return words[0].lower()  # "he", "he then", "Он также"
    if len(words) > 1 and _function_word(words[0], text):
        # a capitalised sentence-initial function word: drop "And" before a name, else lower "The"
        words = words[1:] if words[1][:1].isupper() else [words[0].lower(), *words[1:]]
    phrase = " ".join(words)
    if not phrase:
        return ""
    if whole_run or "," in phrase:  # `X: "…"`, or an apposition: the name
        run = _RUN.search(phrase.split(",")[-2] if "," in phrase else phrase)
        return run.group() if run else phrase
    if not phrase.split()[-1].strip("“”«»\"")[:1].isupper():
        return " ".join(phrase.split()[-6:])
    run = _RUN.findall(phrase)[-1].split()
    if len(run) == 1 and len(words) > 1 and words[-2].islower():
        return phrase  # "the President of Azerbaijan"
    return " ".join(run[-2:])


def _attribute(text: str, start: int, end: int, lo: int, hi: int,
               cues: Cues) -> tuple[str, str, str, int, int]:
    """(speaker phrase, cue, pattern, start, end of the words that name the speaker) of the
    quote text[start:end]; the cue is looked for in text[lo:hi]."""
    after = re.split(r"[\n\"“”«»]", text[end + 1:min(end + 160, hi)])[0]
    continues = after.lstrip().startswith(",") or not text[start:end].rstrip().endswith(".")
    for regex in (cues.after_verb_first, cues.after_who_first):
        if continues and (m := regex.match(after)):
            return (_speaker(m["who"], text), m["cue"].strip(), "after",
                    end + 1 + m.start("who"), end + 1 + m.end("who"))
    head = text[lo:max(lo, start - 1)]
    before = re.split(r"[.!?]\s|\n", head)[-1]
    at0 = len(head) - len(before) + lo
    if (m := cues.according.search(before)) and _named(_who(m)[0]):
        who, a, b = _who(m)
        return _speaker(who, text), m["cue"], "according to", at0 + a, at0 + b
    if verbs := list(cues.before_verb.finditer(before)):
        at, past = verbs[-1].start(), verbs[-1].end()
        clause = re.split(rf"[,;:]|\b(?:{'|'.join(('which', *RELATIVE, *THAT))})\b", before[:at])[-1]
        a = at - len(clause)
        inverted = re.match(r"\s+([^,;:]+?)\s*[,:]", before[past:])  # "Как заявил X, «…»"
        word = clause.strip()
        if inverted and inverted[1].split()[0].lower() not in THAT and (not word or (
                " " not in word and (len(word) <= 3 or _function_word(word, text)))):
            clause, a = inverted[1], past + inverted.start(1)
        if clause.strip():
            return (_speaker(clause, text), before[min(a, at):].strip(), "before", at0 + a,
                    at0 + a + len(clause))
    if before.rstrip().endswith(":"):
        clause = re.split(r"[,;]", before.rstrip()[:-1])[-1]
        a = len(before.rstrip()) - 1 - len(clause)
        return (_speaker(clause, text, whole_run=True), before.strip(), "colon", at0 + a,
                at0 + a + len(clause))
    return "", "", "", start, start


def _reported(text: str, sentences: list[tuple[int, int, str]], quoted: list[tuple[int, int]],
              cues: Cues) -> list[dict]:
    """Reported-speech rows: sentences `(start, end, text)` with a `told`, `according to`,
    `… that` cue, or ending `…, X said.`"""
    rows = []
    for start, end, sentence in sentences:
        if any(start <= b and end > a for a, b in quoted):  # `”, - X said.` is the quote's
            continue
        lower = sentence.lower()
        found = [(pattern, m) for pattern, literals, regex in cues.reporting
                 if any(w in lower for w in literals) and (m := regex.search(sentence))]
        if "," in sentence and (m := cues.inverted.fullmatch(sentence, sentence.rindex(",") + 1)):
            found.append(("inverted", m))
        for pattern, m in found:
            who, a, b = _who(m)
            if who.strip().lower() in RELATIVE and (m2 := re.search(r"([^,;]+),\s*$", sentence[:a])):
                who, a, b = m2[1], m2.start(1), m2.end(1)  # "…, X, who said that": X
            if pattern == "according to" and not _named(who):
                continue
            if who := _speaker(who, text):
                rows.append(dict(kind="reported", start=start, end=end, text=sentence,
                                 speaker_phrase=who, cue=m["cue"].strip(), pattern=pattern,
                                 closed=True, depth=0, within=None, who_start=start + a,
                                 who_end=start + b))
                break
    return rows


def document_voices(text: str, para_starts: np.ndarray, sentences: list[tuple[int, int, str]], *,
                    cues: Cues, min_words: int = 3, mentions: Speaking | None = None
                    ) -> list[dict]:
    """Quote and reported-speech rows of one document, in text order, with voice_id, parent and
    speakers resolved; `sentences` are the document's `(start, end, text)`, `cues` its
    `speech_cues`, `mentions` its `speaker_resolution.speaking_mentions` (or None)."""
    rows, prev, outer = [], {}, {}  # prev: the last quote at each (depth, outer quote)
    spans = [s for s in quote_spans(text, para_starts) if len(text[s[0]:s[1]].split()) >= min_words]
    for start, end, closed, depth in spans:
        within = outer.get(depth - 1) if depth else None
        last = prev.get(key := (depth, id(within)))
        lo = max(last["end"] + 1 if last else 0, within["start"] if within else 0)
        phrase, cue, pattern, a, b = _attribute(text, start, end, lo,
                                                within["end"] if within else len(text), cues)
        if (not phrase and last and (last["speaker_phrase"] or last["pattern"] == "continuation")
                and not re.search(r"[.!?]\s", text[last["end"] + 1:start])):
            cue, pattern = "", "continuation"
        row = dict(kind="quote", start=start, end=end, text=text[start:end], speaker_phrase=phrase,
                   cue=cue, pattern=pattern or "none", closed=closed, depth=depth,
                   within=within, who_start=a, who_end=b,
                   follows=last if pattern == "continuation" else None)
        rows.append(row)
        prev[key] = outer[depth] = row
    rows += _reported(text, sentences, [(a, b) for a, b, _, d in spans if d == 0], cues)
    rows.sort(key=lambda r: (r["start"], r["depth"]))
    for i, row in enumerate(rows):
        row["voice_id"] = i
    for row in rows:
        row["parent"] = row["within"]["voice_id"] if row["within"] is not None else None
    named = resolve(rows, text, mentions)
    drop = ("who_start", "who_end", "follows", "within")
    return [{**{k: v for k, v in row.items() if k not in drop}, "speaker": speaker,
             "speaker_from": how} for row, (speaker, how) in zip(rows, named)]


CueSource = Mapping[str, Sequence[str]] | Callable[[str], Sequence[str]] | Sequence[str]


def _cue_words(cues: CueSource, language: str) -> tuple[str, ...]:
    """The cues for documents in `language` (a dict or callable by language, or one list for
    every language)."""
    if callable(cues):
        return tuple(cues(language))
    if isinstance(cues, Mapping):
        return tuple(cues.get(language, ()))
    return tuple(cues)


def _fingerprint(mentions: pd.DataFrame | None) -> str | None:
    """A hash of every value of `mentions`: the quotations depend on all of them."""
    if mentions is None:
        return None
    values = pd.util.hash_pandas_object(mentions, index=False).to_numpy()
    return hashlib.sha1(values.tobytes() + repr(list(mentions.columns)).encode()).hexdigest()


def voices(corpus: Corpus, *, cues: CueSource, mentions: pd.DataFrame | None = None,
           min_words: int = 3, progress: bool | None = None) -> pd.DataFrame:
    """Every direct quotation and reported statement in the corpus, with its speaker.

    `cues` are the speech cues of each document's language: a callable language -> cues
    (`project.speech_cues`), a dict, or one list for all documents. With `mentions`
    (`actors.find_mentions(corpus, actors)`) a speaker is the actor its phrase names, so the
    voices and the networks agree on who someone is. Quotes shorter than `min_words` words
    (scare quotes, titles) are left out.
    Columns: doc_id, voice_id (0, 1, … in text order per document), kind (quote | reported),
    start, end (offsets of the quote's content, or of the reporting sentence), text, speaker
    (the actor's canonical name, else the phrase; "" when unknown), speaker_phrase (the words
    that name the speaker, as written), speaker_from (how the speaker was found: mention |
    description | pronoun | continuation | phrase, "" when unknown), cue (the words around the
    speaker), pattern (after | before | according to | colon | continuation | told | reported |
    inverted | none), closed (False for a quote cut at its paragraph's end), depth (0, or 1 for
    a quotation inside another, …), parent (the voice_id of the quotation it is inside, <NA>
    for an outermost one), speaker_discovered (the speaker is an actor the dictionary lacks,
    found by `actors.find_mentions(discovery=...)`).
    Found once per corpus, cues, `min_words` and mentions: a corpus opened from the cache keeps
    them there (`workbench.corpus.derived`). `progress`: a bar of the documents read
    (`workbench.progress`).
    """
    docs = corpus.documents
    languages = docs["language"] if "language" in docs else pd.Series(pd.NA, index=docs.index)
    languages = ["" if pd.isna(lang) else str(lang) for lang in languages.tolist()]
    words = {language: _cue_words(cues, language) for language in sorted(set(languages))}
    inputs = [VERSION, words, min_words, _fingerprint(mentions)]
    return remembered(corpus, "voices", inputs,
                      lambda: _voices(corpus, languages, words, mentions, min_words, progress))


def _voices(corpus: Corpus, languages: list[str], words: dict[str, tuple[str, ...]],
            mentions: pd.DataFrame | None, min_words: int, progress: bool | None) -> pd.DataFrame:
    docs = corpus.documents
    p_order, paras = rows_by_document(corpus.paragraphs, docs)
    s_order, sents = rows_by_document(corpus.sentences, docs)
    starts = corpus.paragraphs["start"].to_numpy()[p_order]
    table = corpus.sentences.iloc[s_order]
    sentences = list(zip(table["start"].tolist(), table["end"].tolist()))
    by_doc = speaking_mentions(mentions) if mentions is not None else {}
    cues_of = {language: speech_cues(cue_words) for language, cue_words in words.items()}
    rows = []
    each = enumerate(zip(docs["doc_id"].astype(str).tolist(), docs["text"].tolist(), languages))
    for i, (doc_id, text, language) in counted(each, total=len(docs), desc="finding quotations",
                                               unit="document", show=progress):
        p0, p1, s0, s1 = paras[i], paras[i + 1], sents[i], sents[i + 1]
        found = document_voices(text, np.sort(starts[p0:p1]) if p1 > p0 else np.array([0]),
                                [(s, e, text[s:e]) for s, e in sentences[s0:s1]],
                                cues=cues_of[language],
                                min_words=min_words,
                                mentions=by_doc.get(doc_id))
        rows += [{**row, "doc_id": doc_id} for row in found]
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["speaker_discovered"] = out["speaker"].isin(_discovered(mentions))
    return out.astype({"doc_id": "string", "voice_id": "int64", "depth": "int64",
                       "parent": "Int64", "closed": "bool"})


def _discovered(mentions: pd.DataFrame | None) -> set[str]:
    """The actors of `mentions` found only by discovery (none without a `discovered` column)."""
    if mentions is None or "discovered" not in mentions:
        return set()
    flag = mentions["discovered"].astype(bool)
    return set(mentions.loc[flag, "actor"]) - set(mentions.loc[~flag, "actor"])


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
