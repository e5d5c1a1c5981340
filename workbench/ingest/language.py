"""py3langid's `classify` for many texts at once: its byte automaton runs in lock-step over blocks of
documents with numpy instead of a Python loop per byte, the costliest step of corpus ingest.

Scores are computed as py3langid computes them (same feature order, float32 products), so results are equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np
from py3langid.langid import LanguageIdentifier, _load_identifier, visit_counts

BLOCK_BYTES = 1 << 19  # padded bytes per block (documents x longest): some 30 MiB of working memory
BLOCK_DOCS = 4096  # and documents per block, bounding its score matrix however short they are
LOCKSTEP_DOCS = 8  # a block of fewer documents is walked byte by byte, as py3langid does: faster
_HALF = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)  # float16 bits -> float32


@dataclass(frozen=True)
class _Model:
    """Numpy views of a py3langid identifier's automaton and tables (no copies of the large arrays)."""

    ident: LanguageIdentifier
    nextmove: np.ndarray  # rows of 256 next states
    rowbase: np.ndarray  # state -> offset of its row in nextmove
    output: np.ndarray  # state -> feature id, -1 for none
    ptc_bits: np.ndarray  # nb_ptc (feature x class, float16) as uint16, decoded through _HALF


@cache
def load_model() -> _Model:
    """py3langid's model as numpy views, loaded once per process."""
    ident = _load_identifier(norm_probs=True)
    return _Model(
        ident=ident,
        nextmove=np.frombuffer(ident.tk_nextmove, dtype=ident.tk_nextmove.typecode),
        rowbase=np.frombuffer(ident.tk_row, dtype=ident.tk_row.typecode).astype(np.intp) << 8,
        output=np.array(ident.tk_output, dtype=np.int32),
        ptc_bits=ident.nb_ptc.view(np.uint16),
    )


def classify_many(texts: list[str]) -> list[tuple[str, float]]:
    """(language, probability) per text, as py3langid's normalised `classify` returns it."""
    model = load_model()
    docs = [model.ident._encode(text) for text in texts]
    result: list[tuple[str, float]] = [("", 0.0)] * len(docs)
    for block in _blocks([len(doc) for doc in docs]):
        probs = _probabilities(model, [docs[i] for i in block])
        best = probs.argmax(axis=1)
        conf = probs[np.arange(len(block)), best]
        for i, cls, p in zip(block, best.tolist(), conf.tolist()):
            result[i] = (model.ident.nb_classes[cls], p)
    return result


def _blocks(lengths: list[int]) -> Iterator[list[int]]:
    """Document indices in blocks of similar length, longest first, each within BLOCK_BYTES when padded."""
    block: list[int] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        if block and ((len(block) + 1) * lengths[i] > BLOCK_BYTES or len(block) == BLOCK_DOCS):
            yield block[::-1]
            block = []
        block.append(i)
    if block:
        yield block[::-1]


def _probabilities(model: _Model, docs: list[bytes]) -> np.ndarray:
    """Class probabilities per document as `_decide` gives them: softmax at temperature sqrt(bytes),
    script aliases folded into their first column."""
    scores = _raw_scores(model, docs)
    lengths = np.fromiter(map(len, docs), dtype=np.float64, count=len(docs))
    scores *= (1.0 / np.sqrt(np.maximum(lengths, 1))).astype(np.float32)[:, None]
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    for i, j in model.ident._alias_pairs:  # script aliases (srl -> sr): one label, and j can no longer win
        scores[:, i] += scores[:, j]
    return scores


def _raw_scores(model: _Model, docs: list[bytes]) -> np.ndarray:
    """Naive Bayes scores as `_raw_score` computes them; zeros for a document without features."""
    doc, feat, counts = _feature_counts(model, docs)
    used = np.zeros(len(model.ptc_bits), dtype=bool)
    used[feat] = True
    table = _HALF[model.ptc_bits[used]]  # each feature of the block decoded to float32 once
    local = (np.cumsum(used) - 1)[feat]
    weights = np.log1p(counts.astype(np.float32))
    bounds = np.searchsorted(doc, np.arange(len(docs) + 1)).tolist()
    scores = np.zeros((len(docs), len(model.ident.nb_pc)), dtype=np.float32)
    scored = np.flatnonzero(np.diff(bounds))
    for d in scored.tolist():
        # one product per document in py3langid's feature order: float32 sums depend on the order
        rows = slice(bounds[d], bounds[d + 1])
        np.matmul(weights[rows], table.take(local[rows], axis=0), out=scores[d])
    scores[scored] += model.ident.nb_pc
    return scores


def _feature_counts(model: _Model, docs: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document, feature, count) per distinct feature of each document, in order of first
    occurrence within the document, as py3langid's Counter keeps them."""
    if len(docs) < LOCKSTEP_DOCS:
        return _walked_counts(model, docs)
    feats, doc = _byte_features(model, docs)
    seen = feats >= 0
    n_feats = len(model.ptc_bits)
    keys = doc[seen] * n_feats + feats[seen]
    order = np.argsort(keys, kind="stable")
    starts = np.flatnonzero(np.diff(keys[order], prepend=-1))
    counts = np.zeros(len(keys), dtype=np.intp)
    counts[order[starts]] = np.diff(starts, append=len(keys))  # at each first occurrence
    firsts = np.flatnonzero(counts)  # byte order is document-major
    return keys[firsts] // n_feats, keys[firsts] % n_feats, counts[firsts]


def _walked_counts(model: _Model, docs: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_feature_counts` by py3langid's own walk, a Python loop per byte of each document."""
    ident = model.ident
    visits = [visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, doc) or {} for doc in docs]
    doc = np.repeat(np.arange(len(docs)), [len(counts) for counts in visits])
    feat = np.fromiter(chain.from_iterable(visits), dtype=np.intp, count=len(doc))
    counts = np.fromiter(chain.from_iterable(v.values() for v in visits), dtype=np.intp, count=len(doc))
    return doc, feat, counts


def _byte_features(model: _Model, docs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Feature id (-1 for none) after each byte of each document, and the byte's document, document-major.

    Documents must come longest first: the automaton steps all still-running documents one byte
    at a time, and those are a prefix of the block."""
    lengths = np.fromiter(map(len, docs), dtype=np.intp, count=len(docs))
    width = int(lengths[0])
    inside = np.arange(width) < lengths[:, None]
    columns = np.zeros((width, len(docs)), dtype=np.uint8)  # column j: byte j of each document
    columns.T[inside] = np.frombuffer(b"".join(docs), dtype=np.uint8)
    running = len(docs) - np.cumsum(np.bincount(lengths, minlength=width))[:width]
    states = np.zeros(columns.shape, dtype=model.nextmove.dtype)
    state = np.zeros(len(docs), dtype=model.nextmove.dtype)
    for col, n in enumerate(running.tolist()):
        state = model.nextmove[model.rowbase[state[:n]] + columns[col, :n]]
        states[col, :n] = state
    return model.output[states.T[inside]], np.repeat(np.arange(len(docs)), lengths)
