"""classify_many agrees with py3langid's own classify, text by text, on every code path."""

from __future__ import annotations

import random
import re
from functools import cache
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import _load_identifier

from tests.seed_paths import SEEDS
from workbench.ingest import language as langid
from workbench.ingest.language import classify_many

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
PARAGRAPHS = [line.strip() for text in SEED_TEXTS for line in text.splitlines() if line.strip()]
NON_LATIN = re.compile(r"[\u0400-\u04ff]+|\S*[çğışöüəÇĞİŞÖÜƏ]\S*")
SHORT = ["", " ", "\n", "a", "ab", "я", "ş", "Ə", "İ", "12", "!!", "RU", "ok", "\u00e9", "e\u0301", "\ud800"]
# (LOCKSTEP_DOCS, BLOCK_BYTES): every block in lock-step; tiny blocks, so texts span several and
# long ones sit alone; every block walked byte by byte as py3langid does
PATHS = [(1, langid.BLOCK_BYTES), (1, 256), (10**9, langid.BLOCK_BYTES)]


@cache
def _reference():
    return _load_identifier(norm_probs=True)


def assert_agrees(texts: list[str]) -> None:
    expected = [_reference().classify(text) for text in texts]
    for lockstep, block_bytes in PATHS:
        with mock.patch.multiple(langid, LOCKSTEP_DOCS=lockstep, BLOCK_BYTES=block_bytes):
            got = classify_many(texts)
        assert [lang for lang, _ in got] == [lang for lang, _ in expected], (lockstep, block_bytes)
        worst = max((abs(g - e) for (_, g), (_, e) in zip(got, expected)), default=0.0)
        assert worst <= 1e-9, (lockstep, block_bytes, worst)


def test_seed_articles_get_py3langids_language_whole_and_as_ingest_samples_them():
    assert len(SEED_TEXTS) == 5
    assert_agrees(SEED_TEXTS + [text[:3000] for text in SEED_TEXTS])


def test_seed_paragraphs_get_py3langids_language_one_by_one():
    assert len(PARAGRAPHS) > 50
    assert_agrees(PARAGRAPHS)


def test_cyrillic_turkish_and_azerbaijani_passages_get_py3langids_language():
    words = [m.group(0) for text in SEED_TEXTS for m in NON_LATIN.finditer(text)]
    lines = [line for line in PARAGRAPHS if NON_LATIN.search(line)]
    assert len(words) >= 5 and len(lines) >= 3
    assert_agrees(words + lines + [" ".join(words), " ".join(words).upper(), "\n".join(lines).upper()])


def test_very_short_and_empty_strings_get_py3langids_answer():
    assert_agrees(SHORT)
    assert_agrees([""])
    assert classify_many([]) == []


def test_a_long_text_gets_the_same_language_alone_and_among_short_ones():
    long = "\n".join(SEED_TEXTS)
    assert len(long) > 3000
    assert_agrees([long])
    assert_agrees([long, *SHORT, long[:3000], long.upper()])


def test_mixed_batch_keeps_input_order():
    texts = SEED_TEXTS + PARAGRAPHS + SHORT + [text[i:] for text in SEED_TEXTS for i in (1, 2, 3, 500)]
    texts = texts + texts[:20]
    random.Random(0).shuffle(texts)
    assert_agrees(texts)


def test_blocks_cover_every_text_once_longest_first_within_the_byte_cap():
    lengths = [len(text.encode(errors="surrogatepass")) for text in SEED_TEXTS + PARAGRAPHS + SHORT]
    with mock.patch.object(langid, "BLOCK_BYTES", 4096):
        blocks = list(langid._blocks(lengths))
    assert sorted(i for block in blocks for i in block) == list(range(len(lengths)))
    for block in blocks:
        sizes = [lengths[i] for i in block]
        assert sizes == sorted(sizes, reverse=True)
        assert len(block) == 1 or len(block) * sizes[0] <= 4096
    with mock.patch.object(langid, "BLOCK_BYTES", 1000):
        assert [len(block) for block in langid._blocks([100] * 25 + [5000])] == [10, 10, 5, 1]


seed_slices = st.builds(
    lambda text, start, size: text[start : start + size],
    st.sampled_from(PARAGRAPHS + SEED_TEXTS),
    st.integers(0, 400),
    st.integers(0, 600),
)
any_text = st.text(st.characters(exclude_categories=()), max_size=200)  # surrogates too


@given(st.lists(seed_slices | any_text, max_size=20))
@settings(max_examples=100, deadline=None)
def test_random_texts_agree_with_classify(texts):
    assert_agrees(texts)
