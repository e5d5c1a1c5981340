"""The dashboards benchmark builds the three dashboards on a real corpus and times each change,
made from Python as a researcher would make it, without an error in place of a time."""

from __future__ import annotations

import pytest

dashboards = pytest.importorskip("benchmarks.dashboards", reason="run from the repository root")


def test_every_dashboard_builds_and_answers_every_change_on_the_seeds(seed_corpus):
    measured = dashboards.measure(seed_corpus)
    assert set(measured) == {"prepare", "keyword trends", "actor networks", "source profiling"}
    assert set(measured["prepare"]) == {"sentence tone", "actor mentions", "quotations"}
    times = list(measured["prepare"].values())
    for board in ("keyword trends", "actor networks", "source profiling"):
        assert len(measured[board]["changes"]) >= 3, measured[board]
        times += [measured[board]["build_s"], *measured[board]["changes"].values()]
    assert all(isinstance(t, float) and t >= 0 for t in times), measured
