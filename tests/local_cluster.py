"""A Dask `LocalCluster` for the tests that run on one: 2 single-threaded worker processes,
dashboard off, and the marks such a module takes (`MARKS`: one xdist group, so clusters start
one after another; the scheduler's health page may take another port than 8787)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dask
import pytest
from distributed import Client, LocalCluster

MARKS = [pytest.mark.xdist_group("cluster"),
         pytest.mark.filterwarnings("ignore:Port 8787 is already in use")]


@contextmanager
def local_client(memory_limit: str = "auto", **config) -> Iterator[Client]:
    """A client of a new cluster of 2 worker processes of `memory_limit` each, its scheduler and
    workers started under Dask's `config` (say {"distributed.scheduler.allowed-failures": 0})."""
    with dask.config.set(config), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit=memory_limit,
                         dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client
