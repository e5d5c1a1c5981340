"""Invariants checked on generated input: spans slice back, arbitrary bytes never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.ingest.decode import decode_bytes
from workbench.ingest.pipeline import Context, process_file
from workbench.ingest.read import read_file
from workbench.ingest.tokens import Tokenizer, TokenizerSettings

TOKENIZER = Tokenizer(TokenizerSettings(mwe=("south caucasus", "strategic partnership")))
words = st.sampled_from(["Russia's", "Nagorno-Karabakh", "U.S.", "Gen.", "Türkiye", "Путин",
                         "“allies”", "2.5", "South", "Caucasus", "said.", "—", "he", "noted:",
                         "strategic", "partnership", "\n", "\n\n", "Dec.", "5", "’s", "?"])


@given(st.lists(words, max_size=60).map(" ".join) | st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_every_token_and_sentence_slices_back_to_its_text(text):
    spans = TOKENIZER.sentence_spans(text, 0, len(text))
    for s, e in spans:
        assert 0 <= s <= e <= len(text)
    cols = TOKENIZER.table([text], [spans], ["en"])
    for sent, ts, te, norm in zip(cols["sent_id"], cols["start"], cols["end"], cols["norm"]):
        s, e = spans[sent]
        assert s <= ts < te <= e
        assert text[ts:te].strip() == text[ts:te] and norm


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_decoding_arbitrary_bytes_never_raises(data):
    result = decode_bytes(data)
    assert (result.text is None) != (result.reason is None)


@given(st.binary(max_size=1500), st.sampled_from(["a.txt", "a.html", "a.csv", "a.jsonl", "a.md"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_processing_arbitrary_bytes_reports_instead_of_raising(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    read_file(path, name)
    tables = process_file(path, name, Context())
    assert len(tables["documents"]) + len(tables["problems"]) >= 1
