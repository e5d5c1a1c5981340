"""The notebooks run unchanged against a Dask cluster that workbench.toml names: the kernel's
`open_corpus()` hands the files to the cluster's workers, and the notebooks run without an
error on what they loaded. One `LocalCluster` of 2 worker processes for the module."""

from __future__ import annotations

import pytest
from distributed import get_task_stream
from local_cluster import MARKS, local_client
from notebook_outputs import errors, shown
from seed_paths import SEEDS

pytestmark = [pytest.mark.slow, *MARKS]


@pytest.fixture(scope="module")
def client():
    with local_client() as c:
        yield c


@pytest.mark.parametrize("name", ["00-corpus", "02-keyword-trends"])
def test_a_notebook_runs_unchanged_on_the_cluster_the_config_names(client, tmp_path, monkeypatch,
                                                                  run_notebook, name):
    config = tmp_path / "workbench.toml"
    config.write_text(f'[corpus]\npath = "{SEEDS}"\nmetadata = ""\ncache = "cache"\n'
                      f'[cluster]\naddress = "{client.scheduler.address}"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    monkeypatch.delenv("WORKBENCH_SCHEDULER", raising=False)
    with get_task_stream(client) as stream:
        nb = run_notebook(f"notebooks/{name}.ipynb")
    failed = errors(nb)
    assert not failed, failed[0].get("evalue")
    ran = [t for t in stream.data if str(t["key"]).startswith("_run-")]
    assert len(ran) == len(list(SEEDS.iterdir()))  # each seed file processed by a worker
    assert (tmp_path / "cache" / "corpus").is_dir()  # the corpus the workers' entries made
    if name == "00-corpus":
        assert f"{len(ran)} documents" in shown(nb)
