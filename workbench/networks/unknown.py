"""Names that look like actors but are not in the dictionary, ranked, with an example each."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..index.groups import rows_by_document
from ..index.passages import passages

_NAME = r"[A-ZА-ЯЁÀ-ÞĞİŞÇÖÜƏ][\w'’-]+"


@lru_cache(maxsize=8)
def _candidates(title_words: tuple[str, ...]) -> re.Pattern:
    """A name after one of the title words, or a run of capitalised words."""
    titled = rf"\b(?:{'|'.join(map(re.escape, title_words))})\.?\s" if title_words else r"(?!)"
    return re.compile(
        rf"{titled}(?P<titled>{_NAME}(?:\s{_NAME}){{0,2}})"
        rf"|(?P<caps>(?<!\w){_NAME}(?:\s(?:of|the|de|von|der|al|ibn|bin)?\s?{_NAME})+)")


def unknown_actors(corpus, mentions: pd.DataFrame, *, title_words: tuple[str, ...],
                   min_count: int = 2) -> pd.DataFrame:
    """Names that look like actors but are not in the dictionary, most frequent first.

    Candidates are runs of two or more capitalised words and names right after one of the
    `title_words` ("President", "expert", ...: `Project.title_words()`), minus any run that
    overlaps a known mention; a leading stopword ("The", "In") is dropped. Add the good ones to
    data/actors.csv and re-run.
    Columns: candidate, how (titled | capitalised), count, n_docs, doc_id, sentence (an example).
    """
    pattern = _candidates(tuple(title_words))
    title_set = {w for t in title_words for w in t.split()}
    stop = {str(x) for x in corpus.tokens.loc[corpus.tokens["is_stop"], "norm"].unique()}
    order, bounds = rows_by_document(mentions, corpus.documents)
    starts = mentions["start"].to_numpy()[order].tolist()
    ends = mentions["end"].to_numpy()[order].tolist()
    rows = []
    docs = corpus.documents
    for i, (doc_id, text) in enumerate(zip(docs["doc_id"], docs["text"], strict=True)):
        spans = list(zip(starts[bounds[i]:bounds[i + 1]], ends[bounds[i]:bounds[i + 1]]))
        for m in pattern.finditer(str(text)):
            start, words = m.start(m.lastgroup), m.group(m.lastgroup).split()
            while words and words[0].lower() in stop:
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) < (1 if m.lastgroup == "titled" else 2) or set(words) <= title_set:
                continue
            end = start + len(" ".join(words))
            if any(s < end and start < e for s, e in spans):
                continue
            rows.append((doc_id, start, end, " ".join(words), m.lastgroup.replace("caps",
                                                                                "capitalised")))
    found = pd.DataFrame(rows, columns=["doc_id", "start", "end", "candidate", "how"])
    ranked = (found.groupby(["candidate", "how"], as_index=False)
              .agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique"))
              .query("count >= @min_count")
              .sort_values(["count", "n_docs", "candidate"], ascending=[False, False, True]))
    examples = found[found.candidate.isin(ranked.candidate)].drop_duplicates("candidate")
    examples = passages(corpus, examples)[["candidate", "doc_id", "sentence"]]
    return ranked.merge(examples, on="candidate", how="left").reset_index(drop=True)
