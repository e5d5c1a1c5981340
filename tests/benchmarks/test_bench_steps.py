"""The bench's step profile times the pipeline's steps on a real load and leaves the pipeline as
it found it."""

from __future__ import annotations

import pytest

steps = pytest.importorskip("benchmarks.steps", reason="run from the repository root")


def test_steps_time_a_load_of_the_seeds_and_put_the_functions_back(tmp_path):
    from tests.seed_paths import DATA, SEEDS
    from workbench import load_corpus
    from workbench.ingest import pipeline

    before = pipeline.infer_languages, pipeline.Tokenizer.__dict__["table"]
    with steps.Steps() as timer:
        corpus = load_corpus(SEEDS, metadata=DATA / "sources.csv", cache_dir=tmp_path, workers=1)
    assert (pipeline.infer_languages, pipeline.Tokenizer.__dict__["table"]) == before
    assert len(corpus.documents) == 5
    seconds = timer.profile()
    for label, *_ in steps.CHUNK_STEPS:  # each step of the chunks ran
        assert seconds[label] > 0, label
    assert seconds[steps.TOTAL] >= sum(seconds[label] for label, *_ in steps.CHUNK_STEPS)
    assert seconds["assembly (ids, metadata merge, dedupe)"] > 0
    assert seconds["cache writes"] > 0
