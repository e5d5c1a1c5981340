"""Source profiling on the seed articles: profile table, keyness, naming, frames, tone."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import load_corpus, parallel, profiling
from workbench.index import keyness, passages

TREND, AZERNEWS, JAMNEWS, RUSSTRAT = "Trend", "AzerNews", "JAMnews", "RUSSTRAT"
PEKCETIN = "004_3e57617027b9e7e9"  # no outlet: the document is its own group
CUES = PROJECT.speech_cues  # each document its own language's cues


@pytest.fixture(scope="module")
def tables(seed_corpus):
    scores = profiling.sentence_tone(seed_corpus)
    said = profiling.voices(seed_corpus, cues=CUES)
    return {"scores": scores, "voices": said, "groups": profiling.groups(seed_corpus),
            "profile": profiling.profile(seed_corpus, said, scores).set_index("group")}


@pytest.fixture(scope="module")
def variants():
    return PROJECT.naming_variants()


@pytest.fixture(scope="module")
def lexicon():
    return PROJECT.frames()


def test_g2_and_log_ratio_equal_hand_computed_values():
    # term: 10 of 100 target tokens, 5 of 200 reference tokens. Expected cells: 5, 10, 95, 190.
    # G2 = 2 (10 ln 2 + 5 ln 0.5 + 90 ln(90/95) + 195 ln(195/190)) = 7.3298
    # Log Ratio = log2((10/100) / (5/200)) = log2(4) = 2
    row = keyness(pd.Series({"x": 10, "other": 90}), pd.Series({"x": 5, "other": 195}),
                  min_freq=1).set_index("term").loc["x"]
    assert row.g2 == pytest.approx(7.3298, abs=1e-4)
    assert row.log_ratio == pytest.approx(2.0)
    assert row.p_value == pytest.approx(math.erfc(math.sqrt(7.3298 / 2)), rel=1e-3)
    assert (row.count_target, row.count_reference, row.direction) == (10, 5, "over")


def test_log_ratio_replaces_a_zero_count_by_one_half():
    row = keyness(pd.Series({"x": 0, "other": 100}), pd.Series({"x": 5, "other": 195}),
                  min_freq=1).set_index("term").loc["x"]
    assert row.log_ratio == pytest.approx(math.log2((0.5 / 100) / (5 / 200)))
    assert row.direction == "under"


def test_keyness_by_outlet_is_one_tidy_table_each_outlet_against_the_rest(seed_corpus):
    table = profiling.keyness_by_group(seed_corpus, content_only=True)
    assert set(table.group) == {AZERNEWS, TREND, JAMNEWS, RUSSTRAT, PEKCETIN}
    assert (table.reference == "rest").all()
    totals = table.groupby("group")[["total_target", "total_reference"]].first().sum(axis=1)
    assert totals.nunique() == 1  # every outlet against the same whole
    garabagh = table[(table.group == AZERNEWS) & (table.term == "garabagh")].iloc[0]
    assert garabagh.count_reference == 0 and garabagh.direction == "over"
    assert {"over", "under"} <= set(table[table.group == AZERNEWS].direction)
    assert ((table.count_target + table.count_reference) >= 3).all()


def test_keyness_of_chosen_groups_against_a_chosen_reference(seed_corpus):
    table = profiling.keyness_by_group(seed_corpus, target=[RUSSTRAT], reference=[TREND],
                                       min_freq=2)
    assert set(table.group) == {RUSSTRAT} and set(table.reference) == {TREND}
    moscow = table.set_index("term").loc["moscow"]
    assert moscow.count_target > moscow.count_reference


@pytest.mark.parametrize("outlet, concept, variant", [
    (AZERNEWS, "karabakh", "Garabagh"),
    (TREND, "karabakh", "Karabakh"),
    (RUSSTRAT, "kyiv", "Kiev"),
    (RUSSTRAT, "luhansk", "Lugansk"),
    (RUSSTRAT, "region", "Transcaucasia"),
    (RUSSTRAT, "turkey", "Turkey"),
    (TREND, "turkey", "Türkiye"),
])
def test_naming_lens_finds_the_variant_each_outlet_uses(seed_corpus, tables, variants, outlet,
                                                         concept, variant):
    table = profiling.naming_table(profiling.variant_matches(seed_corpus, variants), variants,
                                tables["groups"])
    rows = table[(table.group == outlet) & (table.concept == concept)].set_index("variant")
    assert rows["count"].idxmax() == variant
    assert rows.loc[variant, "share"] > 0.5


def test_russtrat_never_writes_kyiv_or_luhansk(seed_corpus, tables, variants):
    table = profiling.naming_table(profiling.variant_matches(seed_corpus, variants), variants,
                                tables["groups"]).set_index(["group", "variant"])
    assert table.loc[(RUSSTRAT, "Kyiv"), "count"] == 0
    assert table.loc[(RUSSTRAT, "Luhansk"), "count"] == 0
    assert table.loc[(RUSSTRAT, "Kiev"), "count"] == 2


def test_overlapping_variants_count_the_longest_once(seed_corpus, variants):
    matches = profiling.variant_matches(seed_corpus, variants)
    azernews = matches[(matches.doc_id == "000_438739c02a2fa118") & (matches.concept == "karabakh")]
    assert azernews.variant.value_counts().to_dict() == {"Garabagh": 9, "Nagorno-Karabakh": 1}
    war = matches[(matches.doc_id == "000_438739c02a2fa118") & (matches.concept == "war_2020")]
    assert "44-day war" in set(war.variant)  # "44-day Patriotic War" is not also "Patriotic War"
    assert "Patriotic War" not in set(war.variant)


def test_naming_matches_open_to_their_passages(seed_corpus, variants):
    matches = profiling.variant_matches(seed_corpus, variants)
    kiev = passages(seed_corpus, matches[matches.variant == "Kiev"])
    assert list(kiev.match) == ["Kiev", "Kiev"]
    assert kiev.outlet.eq(RUSSTRAT).all() and kiev.sentence.str.contains("Kiev").all()


def test_frame_rates_are_per_thousand_tokens_with_passages(seed_corpus, tables, lexicon):
    spans = profiling.frame_matches(seed_corpus, lexicon)
    rates = profiling.frame_rates(spans, seed_corpus.documents, tables["groups"], list(lexicon))
    assert len(rates) == 5 * len(lexicon)  # zeros included
    expected = 1000 * rates["count"] / rates.tokens
    assert np.allclose(rates.per_1k, expected)
    alliance = spans[(spans.frame == "alliance") & (spans.doc_id == "002_3ecd11ab92daf9a0")]
    evidence = passages(seed_corpus, alliance)
    assert evidence.sentence.str.contains("not allies").any()  # JAMnews contests the alliance


def test_frames_count_a_phrase_once_not_also_its_words(seed_corpus, lexicon):
    spans = profiling.frame_matches(seed_corpus, lexicon)
    text = seed_corpus.documents.set_index("doc_id").text
    found = [text[d][s:e].lower() for d, s, e in zip(spans.doc_id, spans.start, spans.end,
                                                      strict=True)]
    assert "strategic partnership" in found
    starts = spans[spans.frame == "alliance"].groupby("doc_id").start
    assert not starts.apply(lambda s: s.duplicated().any()).any()


def test_profile_has_one_row_per_outlet_and_says_what_is_undefined(tables):
    prof = tables["profile"]
    assert set(prof.index) == {AZERNEWS, TREND, JAMNEWS, RUSSTRAT, PEKCETIN}
    assert (prof.documents == 1).all()
    assert prof.tone_doc_sd.isna().all()
    assert prof.notes.str.contains("tone_doc_sd n/a").all()
    assert np.allclose(prof.ttr, prof.types / prof.tokens)
    assert prof.mattr.between(prof.ttr, 1).all()  # window TTRs exceed whole-text TTR
    assert prof.flesch.notna().all()  # the seeds are English
    assert prof.loc[TREND, "quote_share"] > 0.5 and prof.loc[PEKCETIN, "quote_share"] == 0
    assert prof.loc[TREND, "tone_mean"] > prof.loc[AZERNEWS, "tone_mean"]


def test_profile_per_document_carries_outlet_and_title(seed_corpus, tables):
    prof = profiling.profile(seed_corpus, tables["voices"], tables["scores"], by="document")
    assert list(prof.group) == list(seed_corpus.documents.doc_id.astype(str))
    assert prof.set_index("group").loc["001_067d92aa473488f3", "outlet"] == TREND


def test_mattr_is_the_mean_ttr_of_moving_windows():
    total, windows = profiling.mattr("a b a c c".split(), window=3)
    assert windows == 3 and total / windows == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    assert profiling.mattr(["a"], window=3) == (0.0, 0)


def test_tone_toward_russia_is_warmest_in_trend_and_coolest_in_jamnews(seed_corpus, tables,
                                                                       variants):
    aliases = profiling.actor_aliases(variants)["russia"]
    table = profiling.tone_toward(seed_corpus, aliases, tables["scores"], tables["groups"])
    table = table.set_index("group")
    assert table.mean_compound.idxmax() == TREND
    assert table.mean_compound.idxmin() == JAMNEWS
    assert (table.sentences > 0).all()
    mentions = profiling.actor_mentions(seed_corpus, aliases, tables["scores"])
    assert {"Kremlin", "Moscow", "Russia"} <= set(
        passages(seed_corpus, mentions).match)


@pytest.fixture
def russian_corpus(corpus_dir, tmp_path):
    (corpus_dir / "ru.txt").write_text(
        "Россия и Азербайджан\n\nНагорный Карабах обсуждали в Москве. Президент говорил о "
        "Карабахе. Ситуация на Украине обсуждалась отдельно, сказал он журналистам.\n",
        encoding="utf-8")
    return load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")


def test_cyrillic_variants_are_found_and_non_english_measures_say_na(russian_corpus, variants):
    doc = russian_corpus.documents.iloc[0]
    assert doc.language == "ru"
    matches = profiling.variant_matches(russian_corpus, variants)
    counts = matches.groupby(["concept", "variant"]).size().to_dict()
    assert counts[("karabakh", "Nagorno-Karabakh")] == 1
    assert counts[("karabakh", "Karabakh")] == 1  # "Карабахе", not the word in "Нагорный Карабах"
    assert counts[("ukraine_preposition", "на Украине")] == 1
    assert counts[("russia", "Moscow")] == 1
    scores = profiling.sentence_tone(russian_corpus)
    assert scores.compound.isna().all()
    prof = profiling.profile(russian_corpus, profiling.voices(russian_corpus, cues=CUES), scores).iloc[0]
    assert np.isnan(prof.flesch) and np.isnan(prof.tone_mean)
    assert "flesch n/a" in prof.notes and "tone n/a" in prof.notes


def test_a_new_source_file_appears_in_every_table(seed_copy, tmp_path, variants, lexicon):
    (seed_copy / "new.txt").write_text(
        "Kyiv and Moscow\n\nThe Kremlin said Kyiv was wrong. Russia is a strategic partner of "
        "Azerbaijan, the minister said.\n", encoding="utf-8")
    corpus = load_corpus(seed_copy, metadata=seed_copy.parent / "sources.csv",
                         cache_dir=tmp_path / "cache")
    groups = profiling.groups(corpus)
    new = groups["new"]  # no outlet known: the document is its own group
    scores = profiling.sentence_tone(corpus)
    assert new in set(profiling.profile(corpus, profiling.voices(corpus, cues=CUES), scores).group)
    assert new in set(profiling.keyness_by_group(corpus, min_freq=1).group)
    names = profiling.naming_table(profiling.variant_matches(corpus, variants), variants, groups)
    assert names.set_index(["group", "variant"]).loc[(new, "Kyiv"), "count"] == 2
    rates = profiling.frame_rates(profiling.frame_matches(corpus, lexicon), corpus.documents, groups,
                               list(lexicon))
    assert rates.set_index(["group", "frame"]).loc[(new, "alliance"), "count"] == 1


def test_keyness_for_every_group_is_capped_with_a_warning(seed_corpus, tables):
    with pytest.warns(UserWarning, match="keyness for the 2 of 5 groups with most tokens"):
        table = profiling.keyness_by_group(seed_corpus, max_groups=2)
    sizes = tables["profile"].tokens.sort_values(ascending=False)
    assert set(table.group) == set(sizes.index[:2])


def test_tone_scored_in_chunks_by_two_processes_equals_one_pass(seed_corpus, tables,
                                                                 monkeypatch):
    monkeypatch.setattr("workbench.profiling.tone.CHUNK", 25)  # the seeds' 500-odd sentences, many tasks
    monkeypatch.setattr("workbench.profiling.tone.map_bounded",
                        lambda fn, tasks: parallel.map_bounded(fn, tasks, 2))
    in_memory = replace(seed_corpus, store=None)  # scored again, not read from the cache
    pd.testing.assert_frame_equal(profiling.sentence_tone(in_memory), tables["scores"])
