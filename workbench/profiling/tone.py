"""Tone: VADER sentiment of every sentence, and the tone of sentences that mention an actor.

VADER (Hutto & Gilbert 2014) scores English text only, from the lexicon shipped in the
`vaderSentiment` wheel. Sentences of documents in other languages get NaN, never a number.
A sentence is positive when its compound score is >= 0.05 and negative when <= -0.05.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.metadata import version

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..corpus.corpus import Corpus
from ..corpus.derived import remembered
from ..index.groups import document_rows
from ..index.query import Query, parse_query
from ..index.terms import find, term_index
from ..parallel import map_bounded
from ..progress import progress_bar

THRESHOLD = 0.05
VERSION = "1"  # bump when a change to scoring changes the scores (kept results)
TONE_COLUMNS = ["group", "sentences", "mean_compound", "positive_share", "negative_share", "note"]


CHUNK = 20_000  # sentences per task: a large corpus is scored by every core (workbench.parallel)


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _compound(texts: list[str]) -> list[float]:
    vader = _analyzer()
    return [vader.polarity_scores(t)["compound"] for t in texts]


def sentence_tone(corpus: Corpus, *, progress: bool | None = None) -> pd.DataFrame:
    """VADER compound score of each sentence; NaN for sentences of non-English documents.

    Columns: doc_id, sent_id, start, end, text, compound, positive, negative (booleans; both
    False where the score is NaN). Scored once per corpus: a corpus opened from the cache keeps
    the scores there (`workbench.corpus.derived`). `progress`: a bar of the documents scored
    (`workbench.progress`).
    """
    sents = corpus.sentences
    every = corpus.texts_of(sents)
    kept = remembered(corpus, "tone", [VERSION, version("vaderSentiment")],
                      lambda: pd.DataFrame({"compound": _compound_scores(corpus, every, progress)}))
    out = sents[["doc_id", "sent_id", "start", "end"]].assign(
        doc_id=sents.doc_id.astype(str), text=every, compound=kept["compound"].to_numpy())
    out["positive"] = out.compound >= THRESHOLD
    out["negative"] = out.compound <= -THRESHOLD
    return out.reset_index(drop=True)


def _compound_scores(corpus: Corpus, texts: list[str], progress: bool | None) -> np.ndarray:
    """The compound score of each sentence of `corpus.sentences` (`texts`), NaN outside English
    documents; what the cache keeps (the sentence text is the corpus's already)."""
    sents, docs = corpus.sentences, corpus.documents
    english = np.append(docs.language.fillna("").eq("en").to_numpy(dtype=bool), False)
    rows = document_rows(sents.doc_id, docs)
    scored = english[rows]  # row -1 (no document) takes False
    todo = [t for t, english_one in zip(texts, scored) if english_one]
    chunks = (todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK))
    # a document is scored with its last sentence: what each chunk adds to the bar
    rows = rows[scored]
    last = np.append(rows[1:] != rows[:-1], True) if len(rows) else np.zeros(0, dtype=bool)
    found = []
    with progress_bar(int(last.sum()), desc="scoring tone", unit="document", show=progress) as bar:
        for i, part in enumerate(map_bounded(_compound, chunks)):
            found += part
            bar.update(int(last[i * CHUNK:(i + 1) * CHUNK].sum()))
    compound = np.full(len(sents), np.nan)
    compound[scored] = found
    return compound


def tone_by_group(scores: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Mean compound and shares of positive/negative sentences per group of documents.

    `groups` maps doc_id to a group label. Columns: group, sentences (scored ones),
    mean_compound, positive_share, negative_share, note (why a value is missing).
    """
    scored = scores.dropna(subset=["compound"]).assign(group=lambda d: d.doc_id.map(groups))
    agg = scored.groupby("group", observed=True).agg(
        sentences=("compound", "size"), mean_compound=("compound", "mean"),
        positive_share=("positive", "mean"), negative_share=("negative", "mean"))
    out = agg.reindex(pd.Index(groups.unique(), name="group")).reset_index()
    out["sentences"] = out.sentences.fillna(0).astype("int64")
    out["note"] = np.where(out.sentences == 0, "n/a: no English sentences to score", "")
    return out[TONE_COLUMNS]


def actor_mentions(corpus: Corpus, aliases: str | Iterable[str], scores: pd.DataFrame) -> pd.DataFrame:
    """Every mention of an actor (any alias, query syntax) with its sentence's tone.

    Columns: doc_id, start, end, sent_id, term, compound, positive, negative.
    """
    query = Query("actor", tuple(p for q in parse_query(aliases) for p in q.phrases))
    spans = find(term_index(corpus), query)
    tone = scores[["doc_id", "sent_id", "compound", "positive", "negative"]]
    return spans.merge(tone, on=["doc_id", "sent_id"], how="left")


def tone_toward(corpus: Corpus, aliases: str | Iterable[str], scores: pd.DataFrame,
                groups: pd.Series) -> pd.DataFrame:
    """Average tone of the sentences mentioning an actor, per group of documents.

    `groups` maps doc_id to a group label (see `workbench.profiling.groups`). A sentence that
    names the actor twice counts once. Columns as `tone_by_group`.
    """
    mentions = actor_mentions(corpus, aliases, scores)
    sentences = scores.merge(mentions[["doc_id", "sent_id"]].drop_duplicates(),
                             on=["doc_id", "sent_id"])
    out = tone_by_group(sentences, groups)
    out["note"] = out.note.where(out.sentences > 0, "n/a: no English sentence names the actor")
    return out


def extreme_sentences(scores: pd.DataFrame, doc_ids, *, n: int = 3) -> pd.DataFrame:
    """The `n` most negative and `n` most positive scored sentences of the documents `doc_ids`
    (rows of `sentence_tone`, most negative first): what a group's tone figures rest on."""
    s = scores[scores.doc_id.isin(list(doc_ids))].dropna(subset=["compound"])
    s = s.sort_values("compound")
    return pd.concat([s.head(n), s.tail(n)])
