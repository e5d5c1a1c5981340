"""`python -m benchmarks.scale`: how time and memory grow from 100,000 to 1,000,000 items.

The items come from the four shared corpora (Current Events, ABC headlines, HuffPost, Reuters),
taken in turn and repeated with new ids and dates shifted by 30 years a round until there are
enough: one JSON Lines export per size, written in a temporary folder. Repeated texts are
copies, so the corpus is loaded with `dedupe="none"`: every item is kept and costs its share.
For each size, in fresh processes: a cold ingest (time, peak memory of the process tree), then a
warm open, the term index, and the trend and KWIC queries of `benchmarks.queries`, twice: the first
session builds the term index and keeps its postings with the corpus, a later one maps them; for the
largest size, another warm session builds the three dashboards and times a change in each
(`benchmarks.dashboards`). Writes benchmarks/results/scale-<date>.json and .md and prints the
tables.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import corpora

SIZES = (100_000, 250_000, 1_000_000)
TERMS = corpora.SPECS["wcep"].terms
RESULTS = Path(__file__).resolve().parent / "results"


def _wcep() -> Iterator[dict]:
    with gzip.open(corpora.SPECS["wcep"].source, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            yield {"id": rec["id"], "date": rec.get("date"), "text": rec.get("text"),
                   "outlet": (rec.get("sources") or ["Current Events"])[0]}


def _abc() -> Iterator[dict]:
    path = next((corpora.SHARED / "abc_million_headlines_first74k").glob("*.csv"))
    with open(path, encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            day = rec["publish_date"]
            yield {"id": f"abc{i}", "date": f"{day[:4]}-{day[4:6]}-{day[6:]}",
                   "text": rec["headline_text"], "outlet": "ABC News"}


def _huffpost() -> Iterator[dict]:
    path = next((corpora.SHARED / "huffpost_news_category_v3_first10k").glob("*.json"))
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            yield {"id": f"huff{i}", "date": rec.get("date"), "title": rec.get("headline"),
                   "text": f"{rec.get('headline', '')}. {rec.get('short_description', '')}",
                   "outlet": "HuffPost"}


def _reuters() -> Iterator[dict]:
    with gzip.open(corpora.SPECS["reuters"].source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if row := corpora.CONVERT["reuters"](json.loads(line)):
                yield {**row, "id": f"reuters{row['id']}"}


def _shifted(rec: dict, rounds: int) -> dict:
    """The record of a later round: a new id, its date `rounds` x 30 years later."""
    if not rounds:
        return rec
    date = str(rec.get("date") or "")
    year = date[:4]
    later = f"{int(year) + 30 * rounds}{date[4:]}" if year.isdigit() else date
    return {**rec, "id": f"{rec['id']}~r{rounds}", "date": later}


def items() -> Iterator[dict]:
    """The shared corpora, interleaved, round after round without end."""
    for rounds in itertools.count():
        sources = [_wcep(), _abc(), _huffpost(), _reuters()]
        for group in itertools.zip_longest(*sources):
            yield from (_shifted(rec, rounds) for rec in group if rec is not None)


def prepare(workdir: Path, size: int, files: int = 1) -> Path:
    """`size` items as `<workdir>/corpus/items.jsonl`, or in `files` files
    (`corpora.write_jsonl`); the folder."""
    return corpora.write_jsonl(itertools.islice(items(), size), workdir / "corpus", "items", files)


def measure(mode: str, workdir: Path) -> dict:
    """One cold ingest or one warm session, in this (fresh) process."""
    from benchmarks.measure import start_workers
    from benchmarks.memory import PeakMemory

    start = time.perf_counter()
    import workbench
    from workbench.parallel import worker_count

    if mode == "dashboards":
        from benchmarks import dashboards

        corpus = workbench.load_corpus(workdir / "corpus", metadata=None, dedupe="none",
                                       cache_dir=workdir / "cache", progress=False)
        return dashboards.measure(corpus)
    out = {"import_s": time.perf_counter() - start, "workers": worker_count() if mode == "cold" else 1}
    if mode == "warm":  # the analyses' modules count with the libraries, not with the corpus
        from benchmarks import queries
        from workbench.index import term_index
    out.update(start_workers(out["workers"]))
    with PeakMemory() as peak:
        start = time.perf_counter()
        corpus = workbench.load_corpus(workdir / "corpus", metadata=None, dedupe="none",
                                       cache_dir=workdir / "cache", progress=False,
                                       workers=out["workers"])
        out["load_s"] = time.perf_counter() - start + out["start_workers_s"]
        out.update(documents=len(corpus.documents), tokens=len(corpus.tokens))
        if mode == "warm":
            out["queries"] = queries.run(corpus, TERMS, setup=lambda: term_index(corpus),
                                         families=("trend", "kwic"))
    out["peak_mb"] = peak.mb
    return out


def _child(mode: str, workdir: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--measure", mode, str(workdir)],
                          cwd=corpora.ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def markdown(results: dict[int, dict], date: str) -> str:
    first = min(results)
    lines = [f"Measured {date}; items from Current Events, ABC, HuffPost and Reuters, repeated "
             "with new ids and shifted dates; loaded with dedupe=\"none\"", "",
             "| items | raw text (MiB) | tokens | cold ingest (s) | per 100k items (s) | "
             "peak memory ingest (MiB) | warm open (s) | term index, first / later session (s) | "
             "trend p95 (ms) | KWIC p95 (ms) | peak memory session (MiB) | "
             "time / memory vs the first size |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, r in sorted(results.items()):
        c, w = r["cold"], r["warm"]
        q, later = w["queries"], r["later"]["queries"].get("setup_s", float("nan"))
        base = results[first]["cold"]
        memory = (c["peak_mb"] - c["libraries_mb"]) / (base["peak_mb"] - base["libraries_mb"])
        grow = f"{c['load_s'] / base['load_s']:.1f}× / {memory:.1f}× for {size / first:.1f}× the items"
        lines.append(f"| {size:,} | {r['raw_mb']:.1f} | {c['tokens']:,} | {c['load_s']:.1f} | "
                     f"{100_000 * c['load_s'] / size:.1f} | {c['peak_mb']:,.0f} | {w['load_s']:.2f} | "
                     f"{q.get('setup_s', float('nan')):.2f} / {later:.2f} | {q['trend'].get('p95_ms')} | "
                     f"{q['kwic'].get('p95_ms')} | {w['peak_mb']:,.0f} | {grow} |")
    return "\n".join(lines) + "\n"


def dashboards_markdown(size: int, measured: dict) -> str:
    """The dashboards table: what each needs first, its build, and each change (seconds)."""
    lines = [f"Dashboards on {size:,} items, warm session (seconds)", "",
             "| | seconds |", "|---|---|"]
    lines += [f"| needed first: {step} | {s} |" for step, s in measured["prepare"].items()]
    for board, r in measured.items():
        if board != "prepare":
            lines.append(f"| {board}: build | {r['build_s']} |")
            lines += [f"| {board}: change {label} | {s} |" for label, s in r["changes"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--no-dashboards", action="store_true",
                        help="skip the dashboards (measured on the largest size)")
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1])), default=str))
        return {}
    results = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"scale-{size}-") as tmp:
            workdir = Path(tmp)
            print(f"[{size:,}] preparing", flush=True)
            folder = prepare(workdir, size)
            raw = sum(len(json.loads(line)["text"].encode()) for line in open(folder / "items.jsonl",
                                                                             encoding="utf-8"))
            print(f"[{size:,}] cold ingest", flush=True)
            cold = _child("cold", workdir)
            print(f"[{size:,}] warm open + queries", flush=True)
            results[size] = {"raw_mb": raw / 2**20, "cold": cold, "warm": _child("warm", workdir),
                             "later": _child("warm", workdir)}
            if size == max(args.sizes) and not args.no_dashboards:
                print(f"[{size:,}] dashboards", flush=True)
                results[size]["dashboards"] = _child("dashboards", workdir)
    now = dt.datetime.now()
    table = markdown(results, now.strftime("%Y-%m-%d"))
    largest = results[max(results)]
    if "dashboards" in largest:
        table += "\n" + dashboards_markdown(max(results), largest["dashboards"])
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"scale-{now:%Y%m%d-%H%M%S}"
    stem.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    stem.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return results


if __name__ == "__main__":
    main()
