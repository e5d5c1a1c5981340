"""The top-level API that scripts outside the package call (the dev-set scorer among them):
`workbench.load_corpus(path, metadata=None, cache_dir=...)` and `workbench.find_mentions(corpus)`,
which takes the project's actor dictionary when none is given (the dev-set scorer's
calls: tests/ingest/test_devset.py runs it)."""

from __future__ import annotations

from seed_paths import PROJECT, ROOT, SEEDS

import workbench
from workbench.actors import find_mentions


def test_find_mentions_at_the_top_takes_the_projects_dictionary_and_discovers(seed_corpus,
                                                                              monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    found = workbench.find_mentions(seed_corpus)
    assert found.equals(find_mentions(seed_corpus, PROJECT.actors(),
                                      discovery=PROJECT.discovery()))
    assert found["discovered"].any()
    listed = workbench.find_mentions(seed_corpus, discovered=False)
    assert listed.equals(find_mentions(seed_corpus, PROJECT.actors()))
    assert not listed["discovered"].any()
    names_only = workbench.find_mentions(seed_corpus, adjectives=False, metonyms=False)
    assert set(names_only.kind) <= {"name", "title"}


def test_load_corpus_reads_a_folder_without_curated_metadata(tmp_path):
    corpus = workbench.load_corpus(SEEDS, metadata=None, cache_dir=tmp_path)
    assert len(corpus.documents) == 5 and (corpus.report.status == "ok").all()


def test_load_corpus_shows_every_load_option_as_a_keyword():
    """Scripts (the dev-set scorers among them) and notebooks' signature hints read the options
    from `inspect.signature`; they are spelled once, in `LoadOptions`."""
    import dataclasses
    import inspect

    from workbench.ingest import LoadOptions

    options = [f.name for f in dataclasses.fields(LoadOptions)]
    for fn in (workbench.load_corpus, workbench.Project.load_corpus):
        params = inspect.signature(fn).parameters
        assert [p for p in params if p in options] == options
        assert all(params[p].kind is inspect.Parameter.KEYWORD_ONLY for p in options)
    assert inspect.signature(workbench.load_corpus).parameters["metadata"].default == "data/sources.csv"
