"""A notebook kernel ingests a large export with two workers: they are started by a fork server
(a running kernel is never forked), kept for the next load, and they give the corpus one process
gives."""

from __future__ import annotations

import json

import nbformat
import pytest
from seed_paths import SEEDS

from workbench.ingest.load import PARALLEL_BYTES
from workbench.ingest.read import read_file

pytestmark = pytest.mark.slow


def test_a_kernel_ingests_with_two_workers_from_a_fork_server(tmp_path, run_notebook):
    texts = [next(iter(read_file(p, p.name).docs)).text for p in sorted(SEEDS.iterdir())]
    export = tmp_path / "corpus" / "export.jsonl"
    export.parent.mkdir()
    with open(export, "w", encoding="utf-8") as fh:
        n = 0
        while fh.tell() < 1.2 * PARALLEL_BYTES:  # enough to be processed in parallel
            fh.write(json.dumps({"id": n, "outlet": "Trend", "text": f"{texts[n % 5]}\n\nItem {n}."})
                     + "\n")
            n += 1
    load = (f"load_corpus({str(export.parent)!r}, metadata=None, dedupe='none', "
            f"cache_dir={str(tmp_path / 'cache')!r}, progress=False, workers={{}})")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code) for code in (
        "from workbench import load_corpus\nfrom workbench import parallel",
        f"two = {load.format(2)}",
        "method = parallel.pool(2)._mp_context.get_start_method()\n"
        "workers = set(parallel.pool(2)._processes)",
        f"import shutil\nshutil.rmtree({str(tmp_path / 'cache')!r})\none = {load.format(1)}",
        "import pandas as pd\nfor t in ('documents', 'tokens', 'sentences'):\n"
        "    pd.testing.assert_frame_equal(getattr(one, t), getattr(two, t))\n"
        "print(len(two.documents), method, set(parallel.pool(2)._processes) == workers)")]
    path = tmp_path / "workers.ipynb"
    nbformat.write(nb, path)
    done = run_notebook(path)
    outputs = [o for c in done.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"], outputs
    assert outputs[-1]["text"].split() == [str(n), "forkserver", "True"]
