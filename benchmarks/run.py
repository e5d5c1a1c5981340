"""`python -m benchmarks.run`: measure each corpus (cold, then warm) and write the results.

Writes benchmarks/results/bench-<date>.json and .md (git-ignored) and prints the table.
Every measurement runs in a fresh process; inputs are prepared in a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import corpora, report

RESULTS = Path(__file__).resolve().parent / "results"
LABELS = {"reuters": "Reuters-21578", "wcep": "Current Events (WCEP)"}


def _child(mode: str, name: str, workdir: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.measure", mode, name, str(workdir)],
                          cwd=corpora.ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run on {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _machine() -> str:
    import psutil

    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} Python " \
           f"{platform.python_version()}"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", nargs="+", default=list(corpora.SPECS),
                        choices=list(corpora.SPECS))
    parser.add_argument("--limit", type=int, default=None,
                        help="first N records of each corpus only (quick runs)")
    args = parser.parse_args(argv)
    results = {}
    for name in args.corpus:
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            workdir = Path(tmp)
            print(f"[{name}] preparing input in {workdir}", flush=True)
            corpora.prepare(corpora.SPECS[name], workdir, limit=args.limit)
            print(f"[{name}] cold ingest + baselines", flush=True)
            cold = _child("cold", name, workdir)
            print(f"[{name}] cold ingest, one worker", flush=True)
            one = _child("one", name, workdir)
            print(f"[{name}] warm open + queries", flush=True)
            results[name] = {"cold": cold, "one": one, "warm": _child("warm", name, workdir)}
    now = dt.datetime.now()
    meta = {"date": now.strftime("%Y-%m-%d"), "machine": _machine(), "labels": LABELS,
            "note": f"limit={args.limit or 'none'} records per corpus"}
    table = report.markdown(results, meta)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"bench-{now:%Y%m%d-%H%M%S}"
    stem.with_suffix(".json").write_text(json.dumps({"meta": meta, "results": results}, indent=1,
                                                    default=str), encoding="utf-8")
    stem.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return results


if __name__ == "__main__":
    main()
