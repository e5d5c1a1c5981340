"""Voices: quotations, their speakers and offsets, on the seeds and on small crafted texts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import profiling
from workbench.profiling import voices

TREND_DOC, JAMNEWS_DOC, RUSSTRAT_DOC = ("001_067d92aa473488f3", "002_3ecd11ab92daf9a0",
                                        "003_42b7a2a72f6b30d3")


@pytest.fixture(scope="module")
def said(seed_corpus):
    return voices.voices(seed_corpus, cues=PROJECT.speech_cues())


def test_igor_korotchenko_is_the_speaker_of_every_trend_quotation(said):
    quotes = said[(said.doc_id == TREND_DOC) & (said.kind == "quote")]
    assert len(quotes) == 9
    assert set(quotes.speaker) == {"Igor Korotchenko"}
    assert {"he noted", "Korotchenko stressed", "said Korotchenko", "he pointed out"} <= set(
        quotes.cue)


def test_told_trend_names_the_speaker_that_pronouns_resolve_to(said):
    trend = said[said.doc_id == TREND_DOC].sort_values("start")
    first = trend.iloc[0]
    assert (first.kind, first.pattern, first.speaker) == ("reported", "told", "Igor Korotchenko")
    according = trend[trend.pattern == "according to"]
    assert "According to him" in set(according.cue) and set(according.speaker) == {
        "Igor Korotchenko"}


def test_offsets_slice_back_to_the_quoted_text(seed_corpus, said):
    text = seed_corpus.documents.set_index("doc_id").text
    for row in said.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text


def test_a_quote_over_two_paragraphs_is_one_quotation(said):
    first = said[(said.doc_id == TREND_DOC) & (said.kind == "quote")].iloc[0]
    assert "\n" in first.text and first.text.startswith("Relations between Russia")
    assert first.text.endswith("partnership-based,")


def test_nested_quotes_stay_inside_the_outer_quotation(said):
    jam = said[(said.doc_id == JAMNEWS_DOC) & (said.kind == "quote")]
    outer = jam[jam.text.str.startswith("If Russia is an")].iloc[0]
    assert "“ally”" in outer.text and outer.speaker == "Azerbaijani experts"
    assert not (jam.text == "ally").any()


@pytest.mark.parametrize("needle, speaker, pattern", [
    ("is a great privilege", "Aliyev", "according to"),
    ("Aliyev began to play", "Emil Mustafayev", "according to"),
    ("act in tandem", "Toğrul Ismayil", "before"),
    ("solving problems between Russia and NATO", "Toğrul Ismayil", "continuation"),
])
def test_russtrat_speakers_named_before_the_quote_are_found(said, needle, speaker, pattern):
    row = said[(said.doc_id == RUSSTRAT_DOC) & said.text.str.contains(needle)].iloc[0]
    assert (row.speaker, row.pattern) == (speaker, pattern)


def test_speakers_table_counts_quotes_per_outlet(seed_corpus, said):
    table = voices.speakers(said, profiling.groups(seed_corpus)).set_index(["group", "speaker"])
    assert table.loc[("Trend", "Igor Korotchenko"), "quotes"] == 9
    assert table.loc[("JAMnews", "Atlas"), "quotes"] == 2
    assert (table.total == table.quotes + table.reported).all()


def _voices_of(text: str) -> pd.DataFrame:
    starts = np.array([0, *[i + 1 for i, ch in enumerate(text) if ch == "\n"]])
    return pd.DataFrame(voices.document_voices(text, starts, [], min_words=1,
                                                 cues=voices.speech_cues(PROJECT.speech_cues())))


@pytest.mark.parametrize("text, speaker", [
    ('"We are allies," said Lavrov.', "Lavrov"),
    ('Sergei Lavrov: "We are allies."', "Sergei Lavrov"),
    ("“Мы союзники», — the analyst Ivan Petrov said.", "Ivan Petrov"),
    ('Ivan Petrov spoke first. "We are allies," he added.', ""),  # a mention is not a speaker
    ('"We are allies," Ivan Petrov said. "And partners," he added.', "Ivan Petrov"),
])
def test_each_attribution_pattern_names_its_speaker(text, speaker):
    rows = _voices_of(text)
    assert rows.iloc[-1].speaker == speaker


def test_classic_multi_paragraph_quote_reopens_each_paragraph():
    text = '"First part of it.\n"Second part," she said.\n'
    spans = voices.quote_spans(text, np.array([0, 19]))
    assert spans == [(1, text.index(',"') + 1, True)]
    assert text[1:spans[0][1]] == 'First part of it.\n"Second part,'


def test_an_unclosed_quote_is_cut_at_its_paragraph_end():
    text = 'He said, "never closed here.\nNext paragraph. "A real quote," she said.'
    starts = np.array([0, text.index("Next")])
    spans = voices.quote_spans(text, starts)
    assert spans[0] == (10, text.index("\n"), False)
    assert text[spans[1][0]:spans[1][1]] == "A real quote,"
