"""Exact and near-duplicate detection: the copy is reported, not counted twice.

The same archive document: the same `source_id` (an article exported twice), whatever the text.
Exact: same clean text after case-folding and whitespace collapsing (a SHA-1 hash).
Near: MinHash over word 5-shingles (64 hashes) of the article's prose (`article_keys`), candidate
pairs from LSH banding (16 bands of 4), kept when the estimated Jaccard similarity is at least
`NEAR`, and, where prose is less than half of either text (list-like pages, whose prose may be
the site's promos), their whole texts' is at least `WHOLE`: two articles of one site that share
its menus, footers and link lists are not copies.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from ..corpus.cache import FileCache
from .prose import paragraph_expr

SHINGLE = 5
N_HASHES = 64
BANDS = 16
NEAR = 0.8
WHOLE = 0.5  # whole-text similarity near copies need too where prose is not most of their text
MIN_PARAGRAPH = 12  # characters of the shortest paragraph of prose: six one-letter words and a stop
_rng = np.random.default_rng(20240423)
#: the hash functions: multiply-add-shift of the 64-bit shingle, (A x + B mod 2**64) >> 32, A odd
_A = _rng.integers(0, 1 << 63, N_HASHES, dtype=np.uint64) << np.uint64(1) | np.uint64(1)
_B = _rng.integers(0, 1 << 63, N_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_RUST_WORD = r"[\p{L}\p{N}_]+"  # Python's \w+ in Rust's regex syntax, where the two agree


def article_keys(texts: list[str]) -> list[str]:
    """What each clean text is compared by for near-duplicates: its paragraphs of prose
    (`page.is_prose`), lower-cased, one a line. The menus, link lists and footers a page's
    cleaning left are no prose, so they do not make two articles copies, and a republication
    keeps its article's prose whatever its furniture. A text without prose (a list of products,
    a table of results) is compared whole. Found for all texts at once by polars (a text it
    cannot hold, with a lone surrogate, is compared whole).
    """
    try:
        series = pl.Series("line", texts, dtype=pl.String).str.to_lowercase()
    except (UnicodeError, pl.exceptions.PolarsError):  # a lone surrogate is no UTF-8
        return [text.lower() for text in texts]
    keys = series.to_list()
    several = series.str.contains("\n\n", literal=True).to_numpy()  # one paragraph: compared whole
    lines = pl.DataFrame({"doc": np.flatnonzero(several), "line": series.filter(several).str.split("\n\n")})
    lines = lines.explode("line").filter(pl.col("line").str.len_chars() >= MIN_PARAGRAPH)
    prose = lines.filter(paragraph_expr("line")).group_by("doc").agg(pl.col("line").str.join("\n"))
    for doc, key in zip(prose["doc"].to_list(), prose["line"].to_list()):
        keys[doc] = key
    return keys


def signature(key: str) -> np.ndarray | None:
    """MinHash signature (uint32[64]) of a normalised text, or None under 2 shingles."""
    return signatures([key])[0]


def signatures(keys: list[str], *, block: int = 1 << 14) -> list[np.ndarray | None]:
    """`signature` of every key, hashing about `block` words' shingles at a time.

    A repeated shingle cannot change a minimum, so shingles are not made unique first.
    """
    out: list[np.ndarray | None] = [None] * len(keys)
    words = _word_hashes(keys)
    for batch in _batches([i for i, w in enumerate(words) if len(w) > SHINGLE], words, block):
        for i, row in zip(batch, _minhash([words[i] for i in batch])):
            out[i] = row
    return out


def _word_hashes(keys: list[str]) -> list[np.ndarray]:
    """CRC-32 (as uint64) of each `\\w+` word of each key, every distinct word hashed once.

    The words of all keys are found at once by polars (Rust's regex engine; with the hashing,
    1.6x faster than a `findall` per key), with `_RUST_WORD` standing for Python's `\\w`. The two
    agree on ASCII, and each other character of the keys is checked first; if they differ on one
    (a letter newer than Python's Unicode tables: 5,200 of them for Python 3.11), all the keys
    are read by `re`.
    """
    if not keys:
        return []
    try:
        series = pl.Series(keys, dtype=pl.String)
    except (UnicodeError, pl.exceptions.PolarsError):  # a lone surrogate is no UTF-8
        return _python_word_hashes(keys)
    others = series.str.extract_all(r"[^\x00-\x7f]").explode().drop_nulls().unique()
    rust = others.str.contains(rf"^{_RUST_WORD}$").to_list()
    if rust != [bool(_WORD.fullmatch(c)) for c in others.to_list()]:
        return _python_word_hashes(keys)
    found = series.str.extract_all(_RUST_WORD)
    counts = found.list.len().to_numpy()
    words = found.explode().drop_nulls()
    distinct = words.unique()
    crc = np.array([zlib.crc32(w.encode()) for w in distinct.to_list()], dtype=np.uint64)
    codes = words.cast(pl.Enum(distinct)).to_physical().to_numpy()  # each word's place in distinct
    return np.split(crc[codes], np.cumsum(counts)[:-1])


def _python_word_hashes(keys: list[str]) -> list[np.ndarray]:
    """`_word_hashes` by Python's `re`, a `findall` per key."""
    crc: dict[str, int] = {}
    return [np.array([crc.get(w) or crc.setdefault(w, zlib.crc32(w.encode())) for w in _WORD.findall(k)],
                     dtype=np.uint64) for k in keys]


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
    # a row per hash function (the minima are 4x faster so), wrapping at 2**64, its high half: a
    # linear hash modulo a prime larger than A x, as before, keeps the shingles' order for small
    # A (the estimates' root-mean-square error was 0.27, 0.05 now)
    hashed = _A[:, None] * shingles[None, :]
    hashed += _B[:, None]
    hashed >>= np.uint64(32)
    return np.minimum.reduceat(hashed, first, axis=1).T.astype(np.uint32)


def same_source(docs: pd.DataFrame) -> pd.DataFrame:
    """Rows `doc_id, original, kind` ("archive id"), `similarity` (1.0) for every later document
    whose `source_id` an earlier one has: the same archive document, exported twice.

    `docs` (the articles of archive exports) must be in corpus order (first occurrence is the
    original), with `source_id`.
    """
    ids = docs["source_id"].astype("string")
    known = ids.notna() & (ids != "")
    repeat = known & ids.duplicated()
    first = dict(zip(ids[known & ~repeat].tolist(), docs["doc_id"][known & ~repeat].tolist()))
    return pd.DataFrame({"doc_id": docs["doc_id"][repeat].tolist(),
                         "original": [first[i] for i in ids[repeat].tolist()],
                         "kind": "archive id", "similarity": 1.0},
                        columns=["doc_id", "original", "kind", "similarity"])


@dataclass(frozen=True)
class Source:
    """What one task of an exchange over copies reads: a cache entry's documents (a file's, or
    one of its partitions'), but those at the positions `skip` (set aside before copies are
    sought, or dropped for an id another file uses); `first` is the corpus ordinal of its first
    document kept. The documents of the ordinals `copies` (exact copies) are no candidates for
    near copies. Rows go into `buckets` buckets."""

    cache_root: Path
    entry: str
    skip: tuple[int, ...]
    first: int
    buckets: int
    copies: tuple[int, ...] = ()


def _ordinals(source: Source, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Which of the entry's `rows` documents are kept, and each one's corpus ordinal."""
    kept = np.ones(rows, dtype=bool)
    kept[list(source.skip)] = False
    return kept, source.first + np.cumsum(kept, dtype=np.int64) - 1


def split_hashes(source: Source) -> list[tuple[np.ndarray, np.ndarray]]:
    """(content hashes, corpus ordinals) of the source's documents, one pair per bucket; a hash's
    bucket depends on the hash alone, so all documents of one text meet in one bucket."""
    # hex digests as fixed-width bytes: an exchange's pieces hold no Python objects
    hashes = FileCache(source.cache_root).column(source.entry, "documents", "content_hash"
                                                 ).to_numpy(zero_copy_only=False).astype("S")
    kept, ordinals = _ordinals(source, len(hashes))
    hashes, ordinals = hashes[kept], ordinals[kept]
    bucket = pd.util.hash_array(hashes) % np.uint64(source.buckets)
    return list(zip(_by_bucket(hashes, bucket, source.buckets), _by_bucket(ordinals, bucket, source.buckets)))


def exact_pairs(pieces: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """(copy, original) corpus ordinals (int64[n, 2]) of every later document with an earlier
    one's content hash, from (hashes, ordinals) pieces in corpus order: a bucket of the exchange,
    or all documents as one piece."""
    if not pieces or not sum(len(o) for _, o in pieces):
        return np.zeros((0, 2), dtype=np.int64)
    hashes = np.concatenate([h for h, _ in pieces])
    ordinals = np.concatenate([o for _, o in pieces])
    codes, _ = pd.factorize(hashes)
    first = ordinals[np.unique(codes, return_index=True)[1]][codes]  # corpus order: first is earliest
    copy = first != ordinals
    return np.column_stack([ordinals[copy], first[copy]])


def band_rows(mat: np.ndarray, ordinals: np.ndarray) -> np.ndarray:
    """(band, key, key, ordinal) rows (uint64[n * BANDS, 4]) of signatures `mat` (uint32[n, 64])
    of the documents of these `ordinals`: a band's key is its 4 hashes read as two uint64."""
    keys = np.ascontiguousarray(mat).view(np.uint64).reshape(len(mat), BANDS, N_HASHES // BANDS // 2)
    return np.column_stack([np.repeat(np.arange(BANDS, dtype=np.uint64)[None, :], len(mat), 0).ravel(),
                            keys[:, :, 0].ravel(), keys[:, :, 1].ravel(),
                            np.repeat(ordinals.astype(np.uint64), BANDS)])


def split_bands(source: Source) -> list[np.ndarray]:
    """`band_rows` of the source's documents with a signature, but its exact copies, one array
    per bucket; a row's bucket depends on its band and key alone."""
    cache = FileCache(source.cache_root)
    ids = cache.column(source.entry, "documents", "doc_id").to_pandas()
    at = pd.Index(ids, dtype=object).get_indexer(
        cache.column(source.entry, "signatures", "doc_id").to_pandas())
    kept, ordinals = _ordinals(source, len(ids))
    kept &= ~np.isin(ordinals, source.copies)
    rows = np.flatnonzero(kept[at])
    rows = rows[np.argsort(at[rows], kind="stable")]
    signed = cache.column(source.entry, "signatures", "signature").to_numpy(zero_copy_only=False)
    mat = np.frombuffer(b"".join(signed[rows]), dtype=np.uint32).reshape(-1, N_HASHES)
    found = band_rows(mat, ordinals[at[rows]])
    bucket = (found[:, 1] * np.uint64(0x9E3779B97F4A7C15) + found[:, 2] + found[:, 0]) % np.uint64(
        source.buckets)
    return _by_bucket(found, bucket, source.buckets)


def _by_bucket(values: np.ndarray, bucket: np.ndarray, buckets: int) -> list[np.ndarray]:
    """The rows of `values` in each of the `buckets` buckets, in bucket order."""
    return [values[bucket == b] for b in range(buckets)]


def band_pairs(pieces: list[np.ndarray]) -> np.ndarray:
    """(first, band, later) ordinals (int64[n, 3]) of every later member of a band's bucket (the
    documents of one band key) with its first member, from `band_rows` pieces in corpus order: a
    bucket of the exchange, or all documents as one piece."""
    rows = np.concatenate(pieces) if pieces else np.zeros((0, 4), dtype=np.uint64)
    rows = rows[np.lexsort((rows[:, 3], rows[:, 2], rows[:, 1], rows[:, 0]))]
    starts = np.ones(len(rows), dtype=bool)
    starts[1:] = (rows[1:, :3] != rows[:-1, :3]).any(axis=1)
    first = rows[np.maximum.accumulate(np.where(starts, np.arange(len(rows)), 0)), 3]
    later = ~starts
    return np.column_stack([first[later], rows[later, 0], rows[later, 3]]).astype(np.int64)


def find_duplicates(docs: pd.DataFrame, signatures: pd.DataFrame, exact: np.ndarray | None = None,
                    near: np.ndarray | None = None) -> pd.DataFrame:
    """Rows `doc_id, original, kind, similarity` for every later copy of an earlier document.

    `docs` must be in corpus order (first occurrence is the original) with `content_hash`, `text`
    and unique doc ids; `signatures` are those of their `article_keys`. `exact` and `near`: the
    `exact_pairs` and `band_pairs` of `docs` by their positions, as exchanges found them (None:
    found here).
    Exact copies come first, in corpus order; then near copies in the order of their LSH buckets
    (by first member, then band) and their place in the bucket: a document is the copy of the
    first member of the first bucket whose first member it resembles and shares its article with
    (`_share_articles`).
    """
    ids = docs["doc_id"].to_numpy(dtype=object)
    if exact is None:
        exact = exact_pairs([(docs["content_hash"].to_numpy(dtype=object), np.arange(len(docs)))])
    exact = exact[np.argsort(exact[:, 0], kind="stable")]
    copy = np.zeros(len(docs), dtype=bool)
    copy[exact[:, 0]] = True
    rows = list(zip(ids[exact[:, 0]], ids[exact[:, 1]], ["exact"] * len(exact), [1.0] * len(exact)))
    at = pd.Index(ids, dtype=object).get_indexer(signatures["doc_id"])
    keep = np.flatnonzero(at >= 0)
    keep = keep[~copy[at[keep]]]
    keep = keep[np.argsort(at[keep], kind="stable")]
    mat = np.frombuffer(b"".join(signatures["signature"].to_numpy()[keep]), dtype=np.uint32
                        ).reshape(-1, N_HASHES)
    positions = at[keep]  # each signature row's document
    if near is None:
        near = band_pairs([band_rows(mat, positions)])
    pair = np.searchsorted(positions, near[:, [0, 2]])  # positions -> rows of `mat`
    ids, texts = ids[positions], docs["text"].take(positions).to_numpy(dtype=object)  # theirs alone
    lead, member, sim = _near_pairs(mat, np.column_stack([pair[:, 0], near[:, 1], pair[:, 1]]))
    real = _share_articles(texts, lead, member)
    lead, member, sim = lead[real], member[real], sim[real]
    first = ~pd.Series(member).duplicated().to_numpy()  # a copy keeps its first match
    lead, member, sim = lead[first], member[first], sim[first]
    rows += zip(ids[member], ids[lead], ["near"] * len(member), [round(s, 2) for s in sim.tolist()])
    return pd.DataFrame(rows, columns=["doc_id", "original", "kind", "similarity"])


def _share_articles(texts: np.ndarray, lead: np.ndarray, member: np.ndarray) -> np.ndarray:
    """Whether each pair of `texts` (rows `lead`, `member`) alike by their prose shares its
    article: where prose is less than half of either text, their whole texts must be alike too
    (`WHOLE`); a text compared whole (too little prose) counts as all prose."""
    rows = np.unique(np.concatenate([lead, member]))
    if not len(rows):
        return np.zeros(0, dtype=bool)
    chosen = [str(t) for t in texts[rows]]
    mostly = np.array([2 * len(key) >= len(text) for key, text in zip(article_keys(chosen), chosen)])
    at = np.searchsorted(rows, lead), np.searchsorted(rows, member)
    check = np.flatnonzero(~(mostly[at[0]] & mostly[at[1]]))
    need = np.unique(np.concatenate([at[0][check], at[1][check]]))
    whole = dict(zip(need.tolist(), signatures([" ".join(chosen[i].casefold().split()) for i in need])))
    alike = [whole[a] is not None and whole[b] is not None and (whole[a] == whole[b]).mean() >= WHOLE
             for a, b in zip(at[0][check].tolist(), at[1][check].tolist())]
    real = np.ones(len(lead), dtype=bool)
    real[check] = alike
    return real


def _near_pairs(mat: np.ndarray, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(original, copy, similarity) of every pair of signature rows at least `NEAR` alike, in
    report order: (first member, band, member), the order of a dict of buckets filled row by row.

    `candidates` are the (first, band, later) rows of `band_pairs`: every later member of a
    band's bucket with the first. A pair met again in a later band has the same similarity, so
    it is compared once.
    """
    lead, band, member = candidates.T
    order = np.lexsort((member, band, lead))
    order = order[~pd.Series(lead[order] * len(mat) + member[order]).duplicated().to_numpy()]
    lead, member = lead[order], member[order]
    step = 1 << 16  # pairs compared at a time: bounded memory however many pairs there are
    same = np.concatenate([np.count_nonzero(mat[lead[i:i + step]] == mat[member[i:i + step]], axis=1)
                           for i in range(0, max(len(lead), 1), step)])
    sim = same / N_HASHES
    hit = np.flatnonzero(sim >= NEAR)
    return lead[hit], member[hit], sim[hit]
