"""Voices: quotations, their speakers and offsets, on the seeds and on small crafted texts."""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import profiling
from workbench.actors import find_mentions
from workbench.profiling.voices import document_voices, quote_spans, speech_cues

TREND_DOC, JAMNEWS_DOC, RUSSTRAT_DOC = ("001_067d92aa473488f3", "002_3ecd11ab92daf9a0",
                                        "003_42b7a2a72f6b30d3")


@pytest.fixture(scope="module")
def said(seed_corpus):
    return profiling.voices(seed_corpus, cues=PROJECT.speech_cues)


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
    table = profiling.speakers(said, profiling.groups(seed_corpus)).set_index(["group", "speaker"])
    assert table.loc[("Trend", "Igor Korotchenko"), "quotes"] == 9
    assert table.loc[("JAMnews", "Atlas"), "quotes"] == 3  # "the publication" reads too
    assert (table.total == table.quotes + table.reported).all()


def _voices_of(text: str) -> pd.DataFrame:
    starts = np.array([0, *[i + 1 for i, ch in enumerate(text) if ch == "\n"]])
    return pd.DataFrame(document_voices(text, starts, [], min_words=1,
                                        cues=speech_cues(PROJECT.speech_cues())))


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
    spans = quote_spans(text, np.array([0, 19]))
    assert spans == [(1, text.index(',"') + 1, True, 0)]
    assert text[1:spans[0][1]] == 'First part of it.\n"Second part,'


def test_an_unclosed_quote_is_cut_at_its_paragraph_end():
    text = 'He said, "never closed here.\nNext paragraph. "A real quote," she said.'
    starts = np.array([0, text.index("Next")])
    spans = quote_spans(text, starts)
    assert spans[0] == (10, text.index("\n"), False, 0)
    assert text[spans[1][0]:spans[1][1]] == "A real quote,"


def tiny_corpus(*texts: str, language: str = "en", date: str = "2023-06-01"):
    """Documents whose paragraphs are lines and whose sentences end at '. ', enough for
    `voices` and `find_mentions`."""
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
                         "language": language, "date": pd.to_datetime([date] * len(texts))})
    paras, sents = [], []
    for i, text in enumerate(texts):
        for m in re.finditer(r"[^\n]+", text):
            paras.append((f"d{i}", m.start(), m.end()))
            for s in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", m.group()):
                sents.append((f"d{i}", len(sents), m.start() + s.start(), m.start() + s.end(),
                              s.group()))
    return SimpleNamespace(documents=docs,
                           paragraphs=pd.DataFrame(paras, columns=["doc_id", "start", "end"]),
                           sentences=pd.DataFrame(sents, columns=["doc_id", "sent_id", "start",
                                                                  "end", "text"]))


ACTORS = PROJECT.actors()


def voices_with_actors(*texts: str, **options) -> pd.DataFrame:
    corpus = tiny_corpus(*texts, **options)
    return profiling.voices(corpus, cues=PROJECT.speech_cues,
                         mentions=find_mentions(corpus, ACTORS))


def test_a_nested_quotation_is_its_own_row_with_its_own_speaker():
    text = 'Ivan Petrov said: "Putin told me “we will stay in the region”, and I believe it."'
    rows = voices_with_actors(text).set_index("depth")
    assert rows.loc[0, "text"].startswith("Putin told me") and rows.loc[0, "speaker"] == \
        "Ivan Petrov"
    inner = rows.loc[1]
    assert (inner.text, inner.speaker, inner.speaker_from) == (
        "we will stay in the region", "Vladimir Putin", "mention")
    assert inner.parent == rows.loc[0, "voice_id"] and pd.isna(rows.loc[0, "parent"])


def test_a_nested_quotation_without_a_cue_has_no_speaker_of_its_own():
    text = '"The slogan “Karabakh is Azerbaijan” was everywhere," the minister said.'
    inner = voices_with_actors(text).query("depth == 1").iloc[0]
    assert (inner.text, inner.speaker) == ("Karabakh is Azerbaijan", "")


@pytest.mark.parametrize("date, holder", [("2023-06-01", "Vladimir Putin"),
                                          ("2010-06-01", "Dmitry Medvedev")])
def test_a_title_speaker_is_its_holder_in_the_documents_year(date, holder):
    row = voices_with_actors('"We are allies," the Russian president said.', date=date).iloc[0]
    assert (row.speaker, row.speaker_phrase, row.speaker_from) == (
        holder, "Russian president", "mention")


def test_a_surname_speaker_is_the_actors_full_name():
    row = voices_with_actors('"We are allies," Lavrov said.').iloc[0]
    assert (row.speaker, row.speaker_phrase) == ("Sergey Lavrov", "Lavrov")


def test_without_mentions_the_speaker_is_the_phrase():
    row = profiling.voices(tiny_corpus('"We are allies," the Russian president said.'),
                        cues=PROJECT.speech_cues).iloc[0]
    assert (row.speaker, row.speaker_from) == ("Russian president", "phrase")


@pytest.mark.parametrize("text, speaker", [
    ('"Baku will wait," Azerbaijani experts from the Atlas analytical center said.',
     "Atlas Research Center"),
    ('"Baku will wait," the organisation, Atlas, wrote.', "Atlas Research Center"),
    ('Baku will wait, experts at the Atlas center say. "Moscow must act first," Azerbaijani '
     'experts said.', "Atlas Research Center"),
    ('"Baku will wait," Atlas said. "Moscow must act first," the publication reads.',
     "Atlas Research Center"),
])
def test_a_named_source_wins_over_its_description(text, speaker):
    assert voices_with_actors(text).iloc[-1].speaker == speaker


def test_a_description_never_named_stays_a_phrase():
    row = voices_with_actors('"Baku will wait," foreign observers said.').iloc[0]
    assert (row.speaker, row.speaker_from) == ("foreign observers", "phrase")


@pytest.mark.parametrize("text, speaker", [
    ('"Talks will go on," Russian officials said. "We want peace," they added.', "Russia"),
    ('"Talks will go on," the analysts said. "We want peace," they added.', "the analysts"),
    ('"Talks will go on," Lavrov said. "We want peace," they added.', ""),
    ('"We want peace," they said.', ""),
    ('"Переговоры обязательно продолжатся", — заявили эксперты. «Мы хотим мира», — сказали они.', "эксперты"),
])
def test_a_plural_pronoun_is_the_last_plural_speaker_or_unknown(text, speaker):
    language = "ru" if "«" in text else "en"
    last = voices_with_actors(text, language=language).iloc[-1]
    assert last.speaker == speaker and last.speaker_phrase in ("they", "они")


@pytest.mark.parametrize("text, speaker, pattern", [
    ("«Мы союзники и партнёры», — заявил Лавров.", "Sergey Lavrov", "after"),
    ("Лавров подчеркнул: «Мы союзники и партнёры».", "Sergey Lavrov", "before"),
    ("По словам Лаврова, «мы союзники и партнёры».", "Sergey Lavrov", "according to"),
    ("Как отметил Лавров, «мы союзники и партнёры».", "Sergey Lavrov", "before"),
    ("Лавров исходит из того, что «мы союзники и партнёры».", "Sergey Lavrov", "before"),
])
def test_russian_cues_name_the_speaker_of_a_russian_quote(text, speaker, pattern):
    row = voices_with_actors(text, language="ru").iloc[0]
    assert (row.speaker, row.pattern) == (speaker, pattern)


def test_russian_reported_speech_names_its_speaker():
    row = voices_with_actors("Лавров заявил, что Москва и Баку союзники.", language="ru").iloc[0]
    assert (row.kind, row.speaker, row.pattern) == ("reported", "Sergey Lavrov", "reported")


def test_each_document_gets_its_own_languages_cues():
    text = "«Мы союзники и партнёры», — заявил Лавров."
    assert voices_with_actors(text, language="en").speaker.tolist() == [""]
    assert voices_with_actors(text, language="ru").speaker.tolist() == ["Sergey Lavrov"]


def test_proceeds_from_the_fact_that_is_a_speech_cue():
    text = ('At the same time, Lavrov proceeds from the fact that "the talks have gone well," '
            'and in the triangle "new elements have appeared."')
    rows = voices_with_actors(text)
    assert rows.speaker.tolist() == ["Sergey Lavrov", "Sergey Lavrov"]
    assert rows.pattern.tolist() == ["before", "continuation"]


def test_a_sentence_ending_experts_say_is_reported_speech():
    row = voices_with_actors("Baku and Moscow are not allies, Atlas experts say.").iloc[0]
    assert (row.kind, row.pattern, row.speaker) == ("reported", "inverted",
                                                   "Atlas Research Center")


@pytest.fixture(scope="module")
def said_as_actors(seed_corpus):
    return profiling.voices(seed_corpus, cues=PROJECT.speech_cues,
                         mentions=find_mentions(seed_corpus, ACTORS))


@pytest.mark.parametrize("doc, needle, speaker", [
    ("000", "The Nagorno-Karabakh conflict has been resolved", "Ilham Aliyev"),
    ("002", "If Russia is an", "Atlas Research Center"),
    ("002", "But still, the main issue", "Atlas Research Center"),
    ("002", "Azerbaijan guarantees Karabakh Armenians", "Jeyhun Bayramov"),
    ("003", "is a great privilege", "Ilham Aliyev"),
    ("003", "a great positive experience", "Toğrul Ismayil"),
    ("003", "I think that despite the problems", "Vladimir Putin"),
])
def test_seed_speakers_are_the_actors_the_networks_know(said_as_actors, doc, needle, speaker):
    row = said_as_actors[said_as_actors.doc_id.str.startswith(doc)
                         & said_as_actors.text.str.startswith(needle)].iloc[0]
    assert row.speaker == speaker


def test_no_seed_quotation_is_lost_and_nested_ones_point_to_their_outer_quote(said,
                                                                           said_as_actors):
    assert said_as_actors[["doc_id", "start", "end"]].equals(said[["doc_id", "start", "end"]])
    inner = said_as_actors[said_as_actors.depth > 0]
    assert len(inner) >= 4
    outer = said_as_actors.set_index(["doc_id", "voice_id"])
    for row in inner.itertuples():
        parent = outer.loc[(row.doc_id, row.parent)]
        assert parent.start <= row.start and row.end <= parent.end
    assert "they" not in set(said_as_actors.speaker)


@pytest.mark.parametrize("text, speaker", [
    ("Russia was asked again by the deputy Azay Guliyev, who stated that Baku expects answers.",
     "Azay Guliyev"),
    ('"We are allies," Lavrov said. He then recalled that Baku and Moscow signed a declaration.',
     "Sergey Lavrov"),
    ('"Мы союзники и партнёры", — заявил Лавров. Он также напомнил, что Баку подписал декларацию.',
     "Sergey Lavrov"),
])
def test_reported_speech_reads_through_relative_pronouns_and_adverbs(text, speaker):
    rows = voices_with_actors(text, language="ru" if "Он" in text else "en")
    assert rows[rows.kind == "reported"].speaker.tolist() == [speaker]


def test_extra_mention_columns_and_rows_without_a_type_are_harmless():
    corpus = tiny_corpus('"We are allies," Lavrov said.')
    mentions = find_mentions(corpus, ACTORS)
    extra = mentions.iloc[:1].assign(type=pd.NA, kind=pd.NA, actor="Somebody Else")
    mentions = pd.concat([extra, mentions]).assign(discovered=False)
    row = profiling.voices(corpus, cues=PROJECT.speech_cues, mentions=mentions).iloc[0]
    assert row.speaker == "Sergey Lavrov"


def test_a_speaker_the_dictionary_lacks_is_its_discovered_actor_and_flagged():
    corpus = tiny_corpus('"The talks went well," said Deputy Foreign Minister Andrey Rudenko. '
                         'Later Rudenko added: "We expect the commission to meet soon."'
                         '\n"We are allies," Lavrov said.')
    said = profiling.voices(corpus, cues=PROJECT.speech_cues,
                         mentions=find_mentions(corpus, ACTORS, discovery=PROJECT.discovery()))
    assert said["speaker"].tolist() == ["Andrey Rudenko", "Andrey Rudenko", "Sergey Lavrov"]
    assert said["speaker_discovered"].tolist() == [True, True, False]
