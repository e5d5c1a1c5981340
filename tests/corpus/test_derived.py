"""Results that take minutes on a large corpus (actor mentions, sentence tone) are kept beside
the corpus in its cache: a later call, or a later session, reads them; other inputs, or a
damaged file, compute them again."""

from __future__ import annotations

from dataclasses import replace
from importlib import import_module

import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import load_corpus, profiling
from workbench.actors import find_mentions, mentions


@pytest.fixture
def counted(monkeypatch):
    """How often mentions, scores and quotations were computed, rather than read."""
    calls = {"mentions": 0, "tone": 0, "voices": 0}
    tone, voices = (import_module(f"workbench.profiling.{m}") for m in ("tone", "voices"))
    for module, name, key in ((mentions, "_find_mentions", "mentions"),
                              (tone, "_compound_scores", "tone"), (voices, "_voices", "voices")):
        original = getattr(module, name)

        def wrapped(*args, _original=original, _key=key, **kwargs):
            calls[_key] += 1
            return _original(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapped)
    return calls


def _load(folder):
    return load_corpus(folder, metadata=folder.parent / "sources.csv",
                       cache_dir=folder.parent / ".c")


def test_a_later_session_reads_mentions_and_tone_instead_of_computing_them(seed_copy, counted):
    actors, words = PROJECT.actors(), PROJECT.discovery()
    first = _load(seed_copy)
    found, scores = find_mentions(first, actors, discovery=words), profiling.sentence_tone(first)
    again = _load(seed_copy)  # another session: the same cache entry
    assert again.store == first.store and again.store is not None
    kept, kept_scores = find_mentions(again, actors, discovery=words), profiling.sentence_tone(again)
    assert counted == {"mentions": 1, "tone": 1, "voices": 0}
    pd.testing.assert_frame_equal(kept, found)
    pd.testing.assert_frame_equal(kept_scores, scores)
    assert kept.attrs == found.attrs and kept.attrs["settings"]["discovered"] is True
    assert {p.suffix for p in (first.store / "derived").iterdir()} == {".arrow", ".json"}


def test_other_inputs_or_a_damaged_file_are_computed_again(seed_copy, counted):
    corpus, actors = _load(seed_copy), PROJECT.actors()
    whole = find_mentions(corpus, actors)
    fewer = find_mentions(corpus, actors[actors["actor"] != "Russia"])  # another dictionary
    no_metonyms = find_mentions(corpus, actors, metonyms=False)  # another switch
    assert counted["mentions"] == 3
    assert "Russia" in set(whole["actor"]) and "Russia" not in set(fewer["actor"])
    assert "metonym" in set(whole["kind"]) and "metonym" not in set(no_metonyms["kind"])
    for stored in (corpus.store / "derived").glob("mentions-*.arrow"):
        stored.write_bytes(b"not arrow")
    pd.testing.assert_frame_equal(find_mentions(corpus, actors), whole)
    assert counted["mentions"] == 4


def test_a_corpus_built_in_memory_computes_every_time(seed_corpus, counted):
    in_memory = replace(seed_corpus, store=None)
    profiling.sentence_tone(in_memory)
    profiling.sentence_tone(in_memory)
    assert counted["tone"] == 2


def test_only_the_results_used_last_are_kept(seed_copy, monkeypatch):
    from workbench.corpus import derived

    monkeypatch.setattr(derived, "KEEP", 2)
    corpus, actors = _load(seed_copy), PROJECT.actors()
    for actor in ("Russia", "Armenia", "Turkey"):  # three dictionaries, one result each
        find_mentions(corpus, actors[actors["actor"] != actor])
    kept = sorted((corpus.store / "derived").glob("mentions-*"))
    assert len(kept) == 4 and {p.suffix for p in kept} == {".arrow", ".json"}


def test_quotations_are_read_for_the_same_mentions_and_found_again_for_others(seed_copy,
                                                                            counted):
    corpus, actors = _load(seed_copy), PROJECT.actors()
    named = find_mentions(corpus, actors, discovery=PROJECT.discovery())
    said = profiling.voices(corpus, cues=PROJECT.speech_cues, mentions=named)
    again = profiling.voices(_load(seed_copy), cues=PROJECT.speech_cues, mentions=named)
    assert counted["voices"] == 1
    pd.testing.assert_frame_equal(again, said)
    fewer = named[named["actor"] != "Igor Korotchenko"]  # other mentions: other speakers
    other = profiling.voices(corpus, cues=PROJECT.speech_cues, mentions=fewer)
    assert counted["voices"] == 2
    by_mention = (said["speaker_from"] == "mention").sum()
    assert (other["speaker_from"] == "mention").sum() < by_mention  # found anew, not read
    profiling.voices(corpus, cues={"en": ("said",)}, mentions=named)  # other cues
    assert counted["voices"] == 3
