"""`python -m benchmarks.cluster --workers 1,2,4`: ingest on a Dask cluster of n workers against
this machine's pool of n processes (issue 26).

The corpus (all of Reuters-21578, or `--items` items of `benchmarks.scale`, loaded with
dedupe="none" as there) is written in `--files` JSON Lines files, dealt in turn, so that its
per-file tasks spread over the workers. Each load is cold (its own empty cache) and runs in a fresh
process: first inline (`workers=1`, the reference), then for each n on the pool (`workers=n`, where
n is at most the cores this process may use) and on the cluster (`client=`): a `LocalCluster` of n
single-thread worker processes, or n workers of the cluster that `--scheduler-file` names;
`--repeat` loads of each, the fastest kept. The pool, or the cluster's workers, are started and
have imported the pipeline and the language model (what the pool's fork server imports) before the
clock starts.

Measured: wall time, items/s, efficiency (items/s at n over n times items/s at the smallest n of
the same path), peak memory (PSS, MiB) of the measuring process (on a `LocalCluster` it holds the
scheduler and the nannies too), of its whole process tree (`benchmarks.memory`), and of the
largest cluster worker (sampled in each worker); whether the tables equal the inline load's
(`benchmarks.equality.assert_same_tables`); and, to tell overhead from a machine shared with
others, the CPU seconds of the measuring process and of its tree, and the load average before.
Writes cluster.csv, cluster.md (with the CPU and load columns) and cluster.png under `--out` and
prints the table.

With `--scheduler-file`, the workers must read the corpus at the same path (`--workdir` on a
shared file system) and import `benchmarks` (started from the repository root). The cluster is
scaled to each n where `client.cluster` can `scale`; otherwise a count other than the number of
workers present is skipped, with the reason printed.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpora, scale

RESULTS = Path(__file__).resolve().parent / "results"
COLUMNS = ("workers", "path", "seconds", "items_per_s", "efficiency", "client_mib", "tree_peak_mib",
           "worker_peak_mib", "equal")
GiB = 2**30
SCALE_TIMEOUT_S = 120


def memory_limit(workers: int) -> int:
    """Each `LocalCluster` worker's memory limit (bytes): 4 GiB, or the machine's memory shared by
    `workers` where that is less, never below 0.5 GiB (the libraries and the language model)."""
    import psutil

    return max(min(4 * GiB, psutil.virtual_memory().total // workers), GiB // 2)


def _cpu_seconds() -> dict[int, float]:
    """CPU seconds (user and system) so far of this process and each of its descendants, by pid,
    each with its ended children's (the pool's workers a load renews end there)."""
    import psutil

    me = psutil.Process()
    out = {}
    for proc in (me, *me.children(recursive=True)):
        with contextlib.suppress(psutil.Error):
            out[proc.pid] = sum(proc.cpu_times()[:4])  # user, system, and the ended children's
    return out


def _import(module: str) -> None:
    """Import `module` in a cluster's worker (`client.run`), as the pool's fork server does."""
    importlib.import_module(module)


def _cluster(stack: contextlib.ExitStack, workers: int, scheduler_file: str | None):
    """(client, None) of a cluster of `workers` workers, closed with `stack`; (None, the reason)
    where the cluster `scheduler_file` names cannot be brought to that many."""
    from distributed import Client, LocalCluster

    if scheduler_file is None:
        cluster = stack.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            memory_limit=memory_limit(workers)))
        return stack.enter_context(Client(cluster, set_as_default=False)), None
    client = stack.enter_context(Client(scheduler_file=scheduler_file, set_as_default=False))
    if hasattr(client.cluster, "scale"):
        client.cluster.scale(workers)
        deadline = time.monotonic() + SCALE_TIMEOUT_S
        while len(client.scheduler_info()["workers"]) != workers and time.monotonic() < deadline:
            time.sleep(0.5)
    present = len(client.scheduler_info()["workers"])
    if present != workers:
        how = "could not be scaled" if hasattr(client.cluster, "scale") else "cannot be scaled from here"
        return None, f"the cluster at {scheduler_file} has {present} worker(s) and {how} to {workers}"
    return client, None


def measure(path: str, workers: int, workdir: Path, scheduler_file: str | None = None) -> dict:
    """One cold load of `workdir/corpus` inline, on the pool or on the cluster (`path`) with
    `workers`, in this fresh process: the COLUMNS that one load gives, or {"skipped": reason}."""
    import workbench
    from benchmarks import memory
    from benchmarks.equality import assert_same_tables
    from benchmarks.measure import start_workers
    from workbench.ingest.pipeline import PRELOAD

    options = {**json.loads((workdir / "load.json").read_text()), "metadata": None, "progress": False}
    client = None
    with contextlib.ExitStack() as stack:
        if path == "cluster":
            client, reason = _cluster(stack, workers, scheduler_file)
            if client is None:
                return {"skipped": reason}
            for module in PRELOAD:
                client.run(_import, module)
            client.run(memory.start_own_peak)
        else:
            start_workers(workers)
        cache = workdir / f"cache-{path}-{workers}"
        shutil.rmtree(cache, ignore_errors=True)  # cold, also when measured again
        load, cpu = os.getloadavg()[0], _cpu_seconds()
        with memory.PeakMemory() as tree, memory.PeakMemory(memory.own) as mine:
            start = time.perf_counter()
            corpus = workbench.load_corpus(workdir / "corpus", cache_dir=cache,
                                           workers=workers, client=client, **options)
            seconds = time.perf_counter() - start
        used = {pid: s - cpu.get(pid, 0.0) for pid, s in _cpu_seconds().items()}
        worker_peak = max(client.run(memory.stop_own_peak).values()) if client else None
    out = {"workers": workers, "path": path, "seconds": seconds, "client_mib": mine.mb,
           "tree_peak_mib": tree.mb, "worker_peak_mib": worker_peak, "equal": "reference",
           "client_cpu_s": used[os.getpid()], "tree_cpu_s": sum(used.values()), "load_before": load}
    if path != "inline":
        inline = workbench.load_corpus(workdir / "corpus", cache_dir=workdir / "cache-inline-1",
                                       workers=1, **options)  # warm: the reference's cache
        try:
            assert_same_tables(corpus, inline)
            out["equal"] = True
        except AssertionError as err:
            out["equal"], out["difference"] = False, " ".join(str(err).split())[:300]
    return out


def rows(measured: list[dict], items: int) -> list[dict]:
    """The measured loads with items_per_s and efficiency: items/s at n over n times items/s at
    the smallest n of the same path (inline counts as the pool's one worker); and cluster_vs_pool,
    a cluster load's seconds over the pool's (or inline's) at the same n."""
    family = {"inline": "pool", "pool": "pool", "cluster": "cluster"}
    local = {r["workers"]: r["seconds"] for r in measured if family[r["path"]] == "pool"}
    out = []
    for r in measured:
        first = min((s for s in measured if family[s["path"]] == family[r["path"]]),
                    key=lambda s: s["workers"])
        rate, base = items / r["seconds"], items / first["seconds"]
        ratio = (r["seconds"] / local[r["workers"]]
                 if r["path"] == "cluster" and r["workers"] in local else None)
        out.append({**r, "items_per_s": rate, "efficiency": rate / (r["workers"] / first["workers"] * base),
                    "cluster_vs_pool": ratio})
    return out


def markdown(table: list[dict], heading: str) -> str:
    lines = [heading, "", "| workers | path | seconds | items/s | efficiency | cluster / pool "
             "| client (MiB) | tree peak (MiB) | worker peak (MiB) | equal to inline "
             "| CPU s: client / tree | load average before |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]

    def num(value, fmt):
        return "" if value is None else format(value, fmt)

    for r in sorted(table, key=lambda r: (r["workers"], r["path"])):
        lines.append(f"| {r['workers']} | {r['path']} | {r['seconds']:.1f} | {r['items_per_s']:,.0f} | "
                     f"{r['efficiency']:.2f} | {num(r['cluster_vs_pool'], '.2f')} | {r['client_mib']:,.0f} | "
                     f"{r['tree_peak_mib']:,.0f} | {num(r['worker_peak_mib'], ',.0f')} | {r['equal']} | "
                     f"{r['client_cpu_s']:.1f} / {r['tree_cpu_s']:.1f} | {r['load_before']:.1f} |")
    return "\n".join(lines) + "\n"


def figure(table: list[dict], path: Path) -> None:
    """Items/s and efficiency against workers, a line per path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (speed, efficiency) = plt.subplots(1, 2, figsize=(10, 4))
    for name in ("pool", "cluster"):
        points = sorted((r["workers"], r["items_per_s"], r["efficiency"]) for r in table
                        if r["path"] == name or (name == "pool" and r["path"] == "inline"))
        if points:
            n, rate, eff = zip(*points)
            speed.plot(n, rate, marker="o", label=name)
            efficiency.plot(n, eff, marker="o", label=name)
    efficiency.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
    counts = sorted({r["workers"] for r in table})
    for ax, label in ((speed, "items/s"), (efficiency, "efficiency")):
        ax.set_xscale("log", base=2)
        ax.set_xticks(counts, [str(n) for n in counts])
        ax.set_xlabel("workers")
        ax.set_ylabel(label)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def prepare(corpus: str, workdir: Path, items: int | None, files: int) -> int:
    """Write the corpus in `files` files under `workdir/corpus` and its load options in
    `workdir/load.json`; the items written."""
    if corpus == "reuters":
        spec = corpora.SPECS["reuters"]
        folder = corpora.prepare(spec, workdir, limit=items, files=files)
        options = {"columns": spec.columns}
    else:  # repeated texts are copies: every item kept, as benchmarks.scale loads them
        folder = scale.prepare(workdir, items, files)
        options = {"dedupe": "none"}
    (workdir / "load.json").write_text(json.dumps(options))
    return sum(1 for p in folder.iterdir() for _ in open(p, encoding="utf-8"))


def _child(path: str, workers: int, workdir: Path, scheduler_file: str | None) -> dict:
    command = [sys.executable, "-m", "benchmarks.cluster", "--measure", path, str(workers), str(workdir)]
    proc = subprocess.run(command + (["--scheduler-file", scheduler_file] if scheduler_file else []),
                          cwd=corpora.ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{path} load with {workers} workers failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> list[dict]:
    from workbench.parallel import available_cores

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2,4,8,16", help="worker counts, comma-separated")
    parser.add_argument("--scheduler-file",
                        help="a running cluster's scheduler file (default: a LocalCluster)")
    parser.add_argument("--corpus", choices=("reuters", "synthetic"), default="reuters")
    parser.add_argument("--items", type=int, help="items: the first N of Reuters (default all), "
                                                  "or N synthetic (default 100,000)")
    parser.add_argument("--files", type=int,
                        help="files the corpus is written in (default 4 × the most workers)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="loads of each path and count, the fastest kept (the machine is shared)")
    parser.add_argument("--out", type=Path, help="default benchmarks/results/cluster-<date>/")
    parser.add_argument("--workdir", type=Path,
                        help="where the corpus and caches are written (default a temporary folder; "
                             "on a file system a remote cluster's workers share)")
    parser.add_argument("--measure", nargs=3, metavar=("PATH", "WORKERS", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        path, workers, workdir = args.measure
        print(json.dumps(measure(path, int(workers), Path(workdir), args.scheduler_file)))
        return []
    if not corpora.SHARED.exists():
        print(f"benchmarks.cluster skipped: the corpora are read from {corpora.SHARED}, which is absent")
        return []
    counts = sorted({int(n) for n in args.workers.split(",")})
    cores, files = available_cores(), args.files or 4 * max(counts)
    items = args.items or (None if args.corpus == "reuters" else 100_000)
    now = dt.datetime.now()
    out = args.out or RESULTS / f"cluster-{now:%Y-%m-%d}"
    measured = []
    with tempfile.TemporaryDirectory(prefix="bench-cluster-", dir=args.workdir) as tmp:
        workdir = Path(tmp)
        print(f"[{args.corpus}] writing the corpus in {files} files under {workdir}", flush=True)
        items = prepare(args.corpus, workdir, items, files)
        runs = [("inline", 1)] + [(path, n) for n in counts for path in ("pool", "cluster")
                                  if path == "cluster" or n > 1]
        for path, n in runs:
            if path == "pool" and n > cores:
                print(f"[{path} {n}] skipped: {cores} cores available", flush=True)
                continue
            print(f"[{path} {n}] cold load", flush=True)
            result = min((_child(path, n, workdir, args.scheduler_file) for _ in range(args.repeat)),
                         key=lambda r: r.get("seconds", 0.0))
            if "skipped" in result:
                print(f"[{path} {n}] skipped: {result['skipped']}", flush=True)
            else:
                measured.append(result)
                print(f"[{path} {n}] {result['seconds']:.1f} s, equal: {result['equal']} "
                      f"{result.get('difference', '')}", flush=True)
    table = rows(measured, items)
    where = args.scheduler_file or "LocalCluster, 1 thread per worker"
    heading = (f"Measured {now:%Y-%m-%d}: cold load of {args.corpus} ({items:,} items in {files} files), "
               f"the fastest of {args.repeat}; {cores} cores available here; cluster: {where}")
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "cluster.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}
                         for r in sorted(table, key=lambda r: (r["workers"], r["path"])))
    text = markdown(table, heading)
    (out / "cluster.md").write_text(text, encoding="utf-8")
    figure(table, out / "cluster.png")
    print(text)
    return table


if __name__ == "__main__":
    main()
