"""Workers: as many as the cores this process may use unless told otherwise, started by a fork
server (never forked from a running kernel), kept for the session, the same results as one
process, and a clear message when a worker dies."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap

import pytest

from workbench import parallel
from workbench.ingest.pipeline import PRELOAD


def test_the_default_is_the_cores_this_process_may_use(monkeypatch):
    monkeypatch.delenv(parallel.ENVIRONMENT, raising=False)
    assert parallel.worker_count() == len(os.sched_getaffinity(0)) == parallel.available_cores()


def test_an_argument_beats_the_environment_which_beats_the_config(monkeypatch):
    monkeypatch.setenv(parallel.ENVIRONMENT, "3")
    assert parallel.worker_count(5, configured=7) == 5
    assert parallel.worker_count(None, configured=7) == 3
    monkeypatch.setenv(parallel.ENVIRONMENT, "")
    assert parallel.worker_count(None, configured=7) == 7


@pytest.mark.parametrize(("value", "source"), [("0", "WORKBENCH_WORKERS"), ("two", "WORKBENCH_WORKERS"),
                                               ("1.5", "WORKBENCH_WORKERS")])
def test_a_bad_worker_count_names_where_it_came_from(monkeypatch, value, source):
    monkeypatch.setenv(parallel.ENVIRONMENT, value)
    with pytest.raises(ValueError, match=f"{source} is '{value}'; use a whole number"):
        parallel.worker_count()
    with pytest.raises(ValueError, match="the workers argument is -1"):
        parallel.worker_count(-1)


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_two_workers_give_what_one_process_gives_from_a_fork_server_kept_for_the_session():
    got = list(parallel.map_bounded(_square, iter(range(40)), 2))
    assert [x for x, _ in got] == [x * x for x in range(40)]
    assert os.getpid() not in {pid for _, pid in got}
    executor = parallel.pool(2)
    assert executor._mp_context.get_start_method() == (
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    again = list(parallel.map_bounded(_square, iter(range(40)), 2))
    # the same server's workers (a pool starts its second worker only once the first is busy)
    assert parallel.pool(2) is executor
    assert {pid for _, pid in got} | {pid for _, pid in again} <= set(executor._processes)
    assert [x for x, _ in parallel.map_bounded(_square, iter(range(5)), 1)] == [0, 1, 4, 9, 16]


def test_a_lone_task_runs_in_a_worker_of_the_pool_and_here_with_one_worker():
    """`run_elsewhere`: a task the assembly runs alone (the documents' merge) goes to the pool,
    so the notebook never holds what it makes; with one worker it runs here."""
    parallel.renew()
    square, pid = parallel.run_elsewhere(_square, 7, 2)
    assert square == 49 and pid != os.getpid() and pid in parallel.pool(2)._processes
    parallel.renew()  # the worker that ran it is replaced
    assert pid not in parallel.pool(2)._processes
    assert parallel.run_elsewhere(_square, 7, 1) == (49, os.getpid())


def test_a_script_without_a_main_guard_is_told_what_to_do(tmp_path):
    """Workers import the script that starts them; without the guard each would start workers
    again. The researcher gets the fix, not a bare BrokenProcessPool."""
    script = tmp_path / "load.py"
    script.write_text(textwrap.dedent("""
        from workbench.parallel import map_bounded
        print(list(map_bounded(abs, iter(range(-8, 0)), 2)))
    """), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode != 0
    assert 'put its code under `if __name__ == "__main__":`' in run.stderr


def test_the_fork_server_preloads_what_the_caller_names_and_no_more(tmp_path):
    """Ingest's workers share the language model the fork server loaded; workers whose caller
    names no such module (actor discovery, tone) start without it."""
    script = tmp_path / "preload.py"
    script.write_text(textwrap.dedent("""
        import sys
        from workbench.parallel import map_bounded

        def models_loaded(_):
            from workbench.ingest.language import load_model
            return load_model.cache_info().currsize

        if __name__ == "__main__":
            print(sorted(set(map_bounded(models_loaded, iter(range(8)), 2, preload=sys.argv[1:]))))
    """), encoding="utf-8")
    for preload, loaded in (([], "[0]"), (list(PRELOAD), "[1]")):
        run = subprocess.run([sys.executable, str(script), *preload], capture_output=True, text=True,
                             timeout=300)
        assert run.stdout.split() == [loaded], run.stderr
