"""The batched ingest shortcuts give exactly what the straightforward per-document code gives."""

from __future__ import annotations

import random
import re
import zlib

import numpy as np
import pytest
from nltk.tokenize import MWETokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from seed_paths import PROJECT, SEEDS

from workbench.corpus.norms import normalise_token
from workbench.ingest.dedupe import _A, _B, SHINGLE, article_keys, signatures
from workbench.ingest.page import is_prose
from workbench.ingest.read import read_file
from workbench.ingest.tokens import ABBREVIATIONS, Tokenizer, TokenizerSettings

WORDS = ("the U.S. president said on Monday that 2.5 million people fled Baku . ? ! "
         "Это короткий текст на русском языке Türkiye'nin başkenti Ankara'dır "
         "Azərbaycan dilində mətn \"quoted.\" (BBC) Gen. Dec. 5 e.g. ... what?! "
         "UPPER CASE HEADLINE").split()


def _synthetic(n: int = 300) -> list[str]:
    rng = random.Random(7)
    return ["" if i % 50 == 0 else " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 80)))
            for i in range(n)]


def _texts() -> list[str]:
    seeds = [doc.text for path in sorted(SEEDS.iterdir()) for doc in
             read_file(path, path.name).docs]
    return seeds + _synthetic()


def _one_signature(key: str):
    words = np.fromiter((zlib.crc32(w.encode()) for w in re.findall(r"\w+", key)), dtype=np.uint64)
    if len(words) < SHINGLE + 1:
        return None
    shingles = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
    for k in range(SHINGLE):
        shingles = shingles * np.uint64(1_000_003) + words[k:len(words) - SHINGLE + 1 + k]
    shingles = np.unique(shingles)
    return ((shingles[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)).min(axis=0).astype(np.uint32)


@pytest.mark.parametrize("block", [1, 50, 1 << 14])
def test_minhash_of_a_chunk_equals_minhash_per_document(block):
    keys = [" ".join(t.casefold().split()) for t in _texts()]
    for got, want in zip(signatures(keys, block=block), map(_one_signature, keys)):
        assert (got is None and want is None) or (got == want).all()


def _article_key(text: str) -> str:
    prose = "\n".join(p for p in text.lower().split("\n\n") if is_prose(p))
    return prose or text.lower()


def test_article_keys_of_a_chunk_equal_the_prose_of_each_text():
    """Paragraphs of prose found by polars, in any script, are those `page.is_prose` finds."""
    rng = random.Random(11)
    japanese = ["港町三市は火曜日、", "フェリーの冬季時刻表で運航することで合意した。", "通勤客は", "長年"]
    texts = ["\n\n".join(t.split("\n")) for t in _texts()] + [
        "\n\n".join(" ".join(rng.choice(WORDS + japanese) for _ in range(rng.randint(1, 30)))
                   for _ in range(rng.randint(1, 12))) for _ in range(300)]
    assert article_keys(texts) == [_article_key(t) for t in texts]


def test_sentences_of_the_tokenizer_are_untrained_punkt_with_the_news_abbreviations():
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS.split()) | set("abcdefghijklmnopqrstuvwxyz")
    punkt, tok = PunktSentenceTokenizer(params), Tokenizer()
    paragraphs = [line.strip() for t in _texts() for line in t.split("\n") if line.strip()]
    for para in paragraphs + ["One sentence.", "No end", 'Quoted end."', "Two. Sentences"]:
        assert tok.sentence_spans(para, 0, len(para)) == list(punkt.span_tokenize(para))


def _tokens_one_sentence_at_a_time(tok: Tokenizer, text: str, s: int, e: int, language: str):
    """The straightforward reading: regex words in the sentence, NLTK's MWETokenizer over their
    norms, then the stopword and letter tests per token."""
    spans = [(s + m.start(), s + m.end()) for m in tok._words.finditer(text[s:e])]
    norms = [normalise_token(text[a:b]) for a, b in spans]
    phrases = [tuple(p.split()) for p in tok.settings.mwe if len(p.split()) > 1]
    out, i = [], 0
    for joined in MWETokenizer(phrases, separator="_").tokenize(norms):
        width = 1 if joined == norms[i] else joined.count("_") + 1
        a, b = spans[i][0], spans[i + width - 1][1]
        out.append((a, b, text[a:b], joined, joined in tok.stopwords(language),
                    bool(re.search(r"[^\W\d_]", joined)) and not re.search(r"\d", joined)))
        i += width
    return out


@pytest.mark.parametrize("mwe", [(), ("south caucasus", "strategic partnership", "u.s. president",
                                      "the u.s.", "the u.s. president said", "million people")])
@pytest.mark.parametrize("unsure", [False, True])
def test_tokens_of_a_batch_equal_tokens_one_sentence_at_a_time(mwe, unsure):
    """A chunk is read whole by polars, or sentence by sentence when one of its texts has a word
    that polars' pattern could split otherwise ("it's_x"): both give the straightforward tokens."""
    tok = Tokenizer(TokenizerSettings(mwe=mwe, stopwords=tuple(PROJECT.stopwords().items())))
    texts = _texts() + ["Then the U.S. president said: the U.S. president said so in the South Caucasus.",
                        "Türkiye’s stance, O'Brien's view, the 44-day war, Nagorno-Karabakh's fate."]
    texts += ["The file it's_x, and x-s_y, was found."] if unsure else []
    sentences = [tok.sentence_spans(t, 0, len(t)) for t in texts]
    languages = [("ru", "en", None, "tr")[i % 4] for i in range(len(texts))]
    assert (tok._words_of_chunk(texts, sentences) is None) == unsure
    cols = tok.table(texts, sentences, languages)
    surfaces = [texts[d][a:b] for d, a, b in zip(cols["doc"], cols["start"], cols["end"])]
    got = list(zip(cols["doc"], cols["sent_id"], cols["tok_id"], cols["start"], cols["end"],
                   surfaces, cols["norm"], cols["is_stop"], cols["is_alpha"]))
    want = []
    for d, (text, spans, language) in enumerate(zip(texts, sentences, languages)):
        rows = [(j, *row) for j, (s, e) in enumerate(spans)
                for row in _tokens_one_sentence_at_a_time(tok, text, s, e, language)]
        want += [(d, j, k, *row) for k, (j, *row) in enumerate(rows)]
    assert got == want
