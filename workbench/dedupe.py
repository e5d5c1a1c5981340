"""Exact and near-duplicate detection: the copy is reported, not counted twice.

Exact: same clean text after case-folding and whitespace collapsing (a SHA-1 hash).
Near: MinHash over word 5-shingles (64 hashes), candidate pairs from LSH banding
(16 bands of 4), kept when the estimated Jaccard similarity is at least `NEAR`.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np
import pandas as pd

SHINGLE = 5
N_HASHES = 64
BANDS = 16
NEAR = 0.8
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240423)
_A = _rng.integers(1, 1 << 31, N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, N_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def signature(key: str) -> np.ndarray | None:
    """MinHash signature (uint32[64]) of a normalised text, or None under 2 shingles."""
    return signatures([key])[0]


def signatures(keys: list[str], *, block: int = 1 << 14) -> list[np.ndarray | None]:
    """`signature` of every key, hashing about `block` words' shingles at a time.

    A repeated shingle cannot change a minimum, so shingles are not made unique first.
    """
    out: list[np.ndarray | None] = [None] * len(keys)
    words = [np.array([zlib.crc32(w.encode()) for w in _WORD.findall(k)], dtype=np.uint64)
             for k in keys]
    for batch in _batches([i for i, w in enumerate(words) if len(w) > SHINGLE], words, block):
        for i, row in zip(batch, _minhash([words[i] for i in batch])):
            out[i] = row
    return out


def _batches(todo: list[int], words: list[np.ndarray], block: int):
    """Consecutive runs of `todo` holding about `block` words each."""
    batch, size = [], 0
    for i in todo:
        if batch and size + len(words[i]) > block:
            yield batch
            batch, size = [], 0
        batch.append(i)
        size += len(words[i])
    if batch:
        yield batch


def _minhash(words: list[np.ndarray]) -> np.ndarray:
    """Signatures (uint32[n, 64]) of documents given as word hashes, each > SHINGLE words."""
    counts = np.array([len(w) - SHINGLE + 1 for w in words])
    first = np.cumsum(counts) - counts
    at = np.arange(counts.sum()) + np.repeat(np.arange(len(words)) * (SHINGLE - 1), counts)
    flat = np.concatenate(words)
    shingles = np.zeros(len(at), dtype=np.uint64)
    for k in range(SHINGLE):
        shingles = shingles * np.uint64(1_000_003) + flat[at + k]
    hashed = ((shingles & np.uint64(0xFFFFFFFF))[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return np.minimum.reduceat(hashed, first, axis=0).astype(np.uint32)


def find_duplicates(docs: pd.DataFrame, signatures: pd.DataFrame) -> pd.DataFrame:
    """Rows `doc_id, original, kind, similarity` for every later copy of an earlier document.

    `docs` must be in corpus order (first occurrence is the original) with `content_hash`.
    """
    rows = []
    first: dict[str, str] = {}
    for doc_id, key in zip(docs["doc_id"], docs["content_hash"]):
        if key in first:
            rows.append((doc_id, first[key], "exact", 1.0))
        else:
            first[key] = doc_id
    exact = {r[0] for r in rows}
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    sigs = signatures[signatures["doc_id"].isin(set(order) - exact)]
    sigs = sigs.assign(_o=sigs["doc_id"].map(order)).sort_values("_o")
    mat = (np.stack([np.frombuffer(b, dtype=np.uint32) for b in sigs["signature"]])
           if len(sigs) else np.zeros((0, N_HASHES), dtype=np.uint32))
    ids = list(sigs["doc_id"])
    seen_near: set[int] = set()
    width = N_HASHES // BANDS
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i in range(len(ids)):
        for b in range(BANDS):
            buckets[(b, mat[i, b * width:(b + 1) * width].tobytes())].append(i)
    for members in buckets.values():
        for j in members[1:]:
            if j in seen_near:
                continue
            sim = float((mat[members[0]] == mat[j]).mean())
            if sim >= NEAR:
                seen_near.add(j)
                rows.append((ids[j], ids[members[0]], "near", round(sim, 2)))
    return pd.DataFrame(rows, columns=["doc_id", "original", "kind", "similarity"])
