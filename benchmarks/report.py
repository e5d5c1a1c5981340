"""The results table in Markdown, with the issue's targets and whether each is met, and the
profile behind the speed and scaling rows."""

from __future__ import annotations

from benchmarks.steps import CHUNK_STEPS, STEPS

TARGETS = {"vs_nltk": 10.0, "scaling": 1.7, "open_s": 1.0, "trend": 50.0, "kwic": 50.0,
           "network": 500.0, "memory_x": 4.0}


def derive(r: dict) -> dict:
    """Ratios and throughputs from one corpus's raw cold/warm measurements."""
    c, w = r["cold"], r["warm"]
    mb = c["chars"] / 1e6
    d = {"mchars_per_s": mb / c["ingest_s"], "docs_per_s": c["input_records"] / c["ingest_s"],
         "nltk_mchars_per_s": mb / c["nltk_s"], "sklearn_mchars_per_s": mb / c["sklearn_s"]}
    d["vs_nltk"] = d["mchars_per_s"] / d["nltk_mchars_per_s"]
    d["vs_sklearn"] = d["mchars_per_s"] / d["sklearn_mchars_per_s"]
    d["scaling"] = r["one"]["ingest_s"] / c["ingest_s"] if "one" in r else None
    raw = c["text_bytes"] / 2**20
    d["raw_mb"] = raw
    d["ingest_peak_mb"] = c["peak_tree_ingest_mb"]
    d["session_peak_mb"] = w["peak_tree_session_mb"]
    d["absolute_x"] = max(d["ingest_peak_mb"], d["session_peak_mb"]) / raw
    # what the corpus costs: peaks above the interpreters with the libraries imported (main
    # process and idle workers, paid once whatever the corpus)
    d["ingest_data_mb"] = c["peak_tree_ingest_mb"] - c["libraries_mb"]
    d["session_data_mb"] = w["peak_tree_session_mb"] - w["libraries_mb"]
    d["data_mb"] = max(d["ingest_data_mb"], d["session_data_mb"])
    d["memory_x"] = d["data_mb"] / raw
    return d


def _q(w: dict, family: str) -> str:
    q = w["queries"].get(family, {})
    if q.get("status") != "ok":
        return q.get("status", "not run")
    return f"{q['p50_ms']:.0f} / {q['p95_ms']:.0f} (n={q['n']})"


def _met(value, target, *, below=True) -> str:
    if value is None:
        return "n/a"
    return "met" if (value <= target if below else value >= target) else "**not met**"


def markdown(results: dict[str, dict], meta: dict) -> str:
    names = list(results)
    rows = [("Input records (texts)", lambda r, d: f"{r['cold']['input_records']:,}"),
            ("Raw text (MiB UTF-8)", lambda r, d: f"{d['raw_mb']:.1f}"),
            ("Documents / tokens kept", lambda r, d:
             f"{r['cold']['documents']:,} / {r['cold']['tokens']:,}"),
            ("Cold ingest (s; workers)", lambda r, d:
             f"{r['cold']['ingest_s']:.1f} ({r['cold']['workers']}, of which starting them "
             f"{r['cold']['start_workers_s']:.1f})"),
            ("One worker (s); scaling (target ≥ 1.7×)", lambda r, d:
             f"{r['one']['ingest_s']:.1f}; {d['scaling']:.2f}× {_met(d['scaling'], 1.7, below=False)}"
             if d["scaling"] else "not run"),
            ("Tokens read whole vs sentence by sentence", lambda r, d: _paths(r["cold"])),
            ("Cold ingest: M chars/s, docs/s", lambda r, d:
             f"{d['mchars_per_s']:.3f}, {d['docs_per_s']:,.0f}"),
            ("NLTK pipeline: M chars/s", lambda r, d: f"{d['nltk_mchars_per_s']:.3f}"),
            ("CountVectorizer: M chars/s", lambda r, d: f"{d['sklearn_mchars_per_s']:.3f}"),
            ("Ingest / NLTK (target ≥ 10×)", lambda r, d:
             f"{d['vs_nltk']:.2f}× {_met(d['vs_nltk'], 10, below=False)}"),
            ("Ingest / CountVectorizer (stretch ≥ 1×)", lambda r, d: f"{d['vs_sklearn']:.3f}×"),
            ("Import workbench (s)", lambda r, d: f"{r['warm']['import_s']:.1f}"),
            ("Warm open (s; target ≤ 1)", lambda r, d:
             f"{r['warm']['open_s']:.2f} {_met(r['warm']['open_s'], 1)}"),
            ("Term index build, once per session (s)", lambda r, d:
             f"{r['warm']['queries'].get('setup_s', float('nan')):.2f}"),
            ("Trend by outlet p50 / p95 ms (≤ 50)", lambda r, d: _q(r["warm"], "trend")),
            ("KWIC p50 / p95 ms (≤ 50)", lambda r, d: _q(r["warm"], "kwic")),
            ("Outlet keyness p50 / p95 ms", lambda r, d: _q(r["warm"], "profile_keyness")),
            ("Network rebuild p50 / p95 ms (≤ 500)", lambda r, d: _q(r["warm"], "network")),
            ("Peak memory ingest, main + workers (MiB)", lambda r, d: f"{d['ingest_peak_mb']:,.0f}"),
            ("Peak memory warm session (MiB)", lambda r, d: f"{d['session_peak_mb']:,.0f}"),
            ("Corpus tables in memory (MiB)", lambda r, d: f"{r['warm']['tables_mb']:,.0f}"),
            ("Peak memory / raw text, with the libraries", lambda r, d: f"{d['absolute_x']:.1f}×"),
            ("Above the libraries: ingest / session (MiB)", lambda r, d:
             f"{d['ingest_data_mb']:,.0f} / {d['session_data_mb']:,.0f}"),
            ("… / raw text (target ≤ 4×)", lambda r, d:
             f"{d['memory_x']:.1f}× {_met(d['memory_x'], 4)}"),
            ("Actors vs `places`: recall / precision", lambda r, d: _actors(r["warm"]))]
    derived = {n: derive(results[n]) for n in names}
    lines = [f"Measured {meta['date']} on {meta['machine']}; {meta['note']}", "",
             "| | " + " | ".join(meta["labels"].get(n, n) for n in names) + " |",
             "|---|" + "---|" * len(names)]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(results[n], derived[n]) for n in names)
                     + " |")
    return "\n".join(lines) + "\n\n" + profile(results, meta)


def profile(results: dict[str, dict], meta: dict) -> str:
    """Where the cold ingest's seconds go: each step with one worker (all chunks in the measuring
    process), then the cold run's own process with every worker: the start, the wait for the
    workers' chunks, and the serial assembly and writes, which bound the scaling."""
    names = [n for n in results if "steps" in results[n].get("one", {})
             and "steps" in results[n]["cold"]]
    if not names:
        return ""
    head = ["| seconds | " + " | ".join(meta["labels"].get(n, n) for n in names) + " |",
            "|---|" + "---|" * len(names)]

    def row(label: str, values) -> str:
        return f"| {label} | " + " | ".join(f"{v:.1f}" for v in values) + " |"

    one = [row(label, [results[n]["one"]["steps"][label] for n in names])
           for label in [label for label, *_ in CHUNK_STEPS] + [
               "MinHash signatures", "the rest of the chunk loop (rows, ids, JSON)",
               "all chunks (process_file)", "assembly (ids, metadata merge, dedupe)",
               "cache writes"]]
    one.append(row("**one worker, in all**", [results[n]["one"]["ingest_s"] for n in names]))
    cold = [row("starting the workers", [results[n]["cold"]["start_workers_s"] for n in names]),
            row("chunks, by the workers (this process waits, reads, joins)",
                [results[n]["cold"]["steps"][STEPS[8][0]] for n in names]),
            row("assembly (ids, metadata merge, dedupe)",
                [results[n]["cold"]["steps"][STEPS[9][0]] for n in names]),
            row("cache writes (a thread, beside the assembly)",
                [results[n]["cold"]["steps"][STEPS[10][0]] for n in names]),
            row("**every worker, in all**", [results[n]["cold"]["ingest_s"] for n in names])]
    return "\n".join(["Where the cold ingest's time goes (seconds of wall-clock time per step, summed "
                      "over chunks; MinHash is part of the chunk tables). With one worker every "
                      "chunk is processed in the measuring process:", "", *head, *one, "",
                      "With every worker, the measuring process itself:", "", *head, *cold, "",
                      "What these say and what would meet the targets: docs/performance.md, "
                      "\"Step profile\"."]) + "\n"


def _paths(c: dict) -> str:
    p = c.get("token_paths")
    if not p:
        return "not run"
    verdict = "identical" if p["identical"] else "**different**"
    return f"{verdict}: {p['tokens']:,} tokens, {p['read_whole']}/{p['chunks']} chunks read whole"


def _actors(w: dict) -> str:
    a = w.get("actors", {})
    if a.get("status") != "ok":
        return a.get("status", "not run")
    return f"{a['recall']} / {a['precision']} ({a['documents']:,} docs)"
