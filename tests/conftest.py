"""Shared fixtures: the seed corpus, the notebooks executed once per run, a notebook runner for
other configurations, and no blocking plt.show()."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import matplotlib
import nbformat
import pytest
from nbclient import NotebookClient

matplotlib.use("Agg")

from seed_paths import DATA, ROOT, SEEDS, SHARED

#: under CI=true (`.ci/run`), a test that would skip fails instead: CI has ../shared and the
#: browser, so a skip there means a test silently stopped running
CI = os.environ.get("CI", "").lower() == "true"
#: no progress bars in the tests' output, nor in the notebooks and apps they run (their kernels
#: inherit it); the tests of the bars ask for them (tests/progress)
os.environ.setdefault("WORKBENCH_PROGRESS", "0")


def pytest_ignore_collect(collection_path, config):
    """conftest.py files hold fixtures, not doctests: two of them (here and tests/browser/) would
    clash as one module name under --doctest-modules."""
    return collection_path.name == "conftest.py" or None


def pytest_runtest_setup(item):
    """`@pytest.mark.shared("devset/score.py", ...)`: the test reads these paths under ../shared
    (benchmark corpora, dev sets), which a researcher's clone does not have: skip, naming the
    first one missing."""
    for mark in item.iter_markers("shared"):
        missing = [p for p in mark.args if not (SHARED / p).exists()]
        if missing:
            pytest.skip(f"needs {SHARED / missing[0]}, which this clone does not have beside it")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skip is a failure, with the reason it would have skipped for."""
    report = (yield).get_result()
    if CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome, report.longrepr = "failed", f"CI=true and this test skipped: {reason}"


@pytest.fixture(autouse=True)
def _no_blocking_show(monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setattr(plt, "show", lambda *a, **k: None)


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory):
    """The five seed articles with their curated metadata, loaded with a private cache."""
    from workbench import load_corpus

    cache = tmp_path_factory.mktemp("seed-cache")
    return load_corpus(SEEDS, metadata=DATA / "sources.csv", cache_dir=cache)


@pytest.fixture
def corpus_dir(tmp_path):
    """An empty corpus folder inside a project-like tmp folder (rules come from data/)."""
    folder = tmp_path / "data" / "corpus"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def counting(monkeypatch):
    """The names of the files `process_file` really processes (not those the cache gives),
    recorded as loads run."""
    import workbench.ingest.load as load_module

    seen: list[str] = []
    original = load_module.process_file

    def spy(path, name, *args, **kwargs):
        seen.append(name)
        return original(path, name, *args, **kwargs)

    monkeypatch.setattr(load_module, "process_file", spy)
    return seen


@pytest.fixture
def seed_copy(corpus_dir):
    """A writable copy of the seed corpus and its metadata."""
    for f in SEEDS.iterdir():
        shutil.copy(f, corpus_dir / f.name)
    shutil.copy(DATA / "sources.csv", corpus_dir.parent / "sources.csv")
    return corpus_dir


@pytest.fixture(scope="session")
def executed():
    """`executed(name)`: the notebook notebooks/<name>.ipynb run top to bottom on the project's
    corpus, as the report runs it (widget state kept), once per test run: the notebook tests and
    the report test share it (they are one xdist group, so one worker runs them)."""
    from workbench.app.report import run_notebook

    runs = {}

    def get(name: str):
        if name not in runs:
            # seed notebooks run in seconds: a cell still running after 150 s is a stalled
            # kernel, which run_notebook retries once in a fresh one
            runs[name] = run_notebook(ROOT / "notebooks" / f"{name}.ipynb", timeout=150,
                                      log=lambda *_: None)
        return runs[name]

    return get


@pytest.fixture
def run_notebook(tmp_path, monkeypatch):
    """Execute a notebook top to bottom (cwd notebooks/) under this test's environment (another
    corpus, say) and return the executed notebook; `executed` serves the project's own runs."""

    def run(path: str | Path, timeout: int = 300, deadline: int = 900):
        path = Path(path)
        if not path.is_absolute():
            path = ROOT / path
        nb = nbformat.read(path, as_version=4)
        monkeypatch.setenv("MPLBACKEND", "Agg")
        # the kernelspec runs `python` from PATH: make that this environment's interpreter
        monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", shutdown_kernel="immediate",
                                resources={"metadata": {"path": str(path.parent)}})
        # A whole-notebook deadline, so a hanging kernel fails the test instead of CI. Its own
        # thread: other tests (Playwright's sync API) may leave an event loop running here.
        with ThreadPoolExecutor(1) as pool:
            run = pool.submit(asyncio.run, asyncio.wait_for(client.async_execute(), deadline))
            try:
                run.result()
            except TimeoutError:
                pytest.fail(f"{path.name} did not finish within {deadline} s")
        return nb

    return run
