"""Notebook 01's defaults come from the corpus: the word an outlet over-uses most surely, the
variant used most, the concepts named most, the frame matched most; each is a valid choice even
when the corpus matches nothing (the first of the project's file)."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT

from workbench import profiling


@pytest.fixture(scope="module")
def variants():
    return PROJECT.naming_variants()


@pytest.fixture(scope="module")
def names(seed_corpus, variants):
    return profiling.variant_matches(seed_corpus, variants)


def test_an_outlets_most_distinctive_word_is_its_first_over_used_term(seed_corpus):
    key = profiling.keyness_by_group(seed_corpus, min_freq=3, content_only=True)
    # Trend interviews Igor Korotchenko; AzerNews writes the Azerbaijani "Garabagh"
    assert profiling.most_distinctive(key, "Trend") == "korotchenko"
    assert profiling.most_distinctive(key, "AzerNews") == "garabagh"
    trend = key[(key.group == "Trend") & (key.direction == "over")]
    assert trend.g2.max() == trend.set_index("term").g2["korotchenko"]
    assert profiling.most_distinctive(key, "no such outlet") is None


def test_the_variant_used_most_in_all_and_within_a_concept(names, variants):
    counts = names.variant.value_counts()
    assert profiling.most_used_variant(names, variants) == "Azerbaijan" == counts.index[0]
    assert profiling.most_used_variant(names, variants, concept="russia") == "Russia"
    assert profiling.most_used_variant(names, variants, concept="kyiv") == "Kiev"  # never Kyiv
    assert profiling.most_used_variant(names, variants, concept="odesa") == "Odessa"  # none: first


def test_the_concepts_named_most_then_the_files_first_when_nothing_matches(names, variants):
    assert profiling.most_named_concepts(names, variants, 4) == [
        "azerbaijan", "russia", "karabakh", "armenia"]
    assert profiling.most_named_concepts(names.iloc[:0], variants, 2) == ["karabakh",
                                                                           "karabakh_capital"]


def test_the_frame_matched_most(seed_corpus):
    lexicon = PROJECT.frames()
    spans = profiling.frame_matches(seed_corpus, lexicon)
    assert profiling.most_matched_frame(spans, lexicon) == "conflict" == spans.frame.mode()[0]
    assert profiling.most_matched_frame(spans.iloc[:0], lexicon) == "alliance"
