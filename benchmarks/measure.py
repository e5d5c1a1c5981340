"""One measurement in a fresh process (so peak memory and warm open are honest).

`python -m benchmarks.measure cold|one|warm <corpus> <workdir>` prints one JSON object:
cold = ingest with an empty cache (every core), then the baselines on the same texts in this
process, then the whole corpus tokenized both ways (`benchmarks.equality`); one = ingest with an
empty cache and one worker (the scaling row); warm = start the workers, open from the cache the
cold run left, then the query latencies. Peak memory is the process tree's (`benchmarks.memory`).
Each worker imports this module, as multiprocessing imports the main module in its processes, so
what only the measuring process needs (the queries, the baselines) is imported where it is used.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks import corpora
from benchmarks.memory import PeakMemory, tree_mb
from benchmarks.steps import Steps


def _load(spec: corpora.Spec, workdir: Path, cache: str = "cache", workers: int | None = None):
    import workbench

    return workbench.load_corpus(workdir / "corpus", metadata=None, columns=spec.columns,
                                 cache_dir=workdir / cache, progress=False, workers=workers)


def start_workers(workers: int) -> dict:
    """Start the session's `workers` (none for one), then measure the process tree: the
    interpreters with the libraries imported. `start_workers_s` counts with the ingest time,
    `libraries_mb` is what the corpus's memory is measured above."""
    from workbench.ingest.pipeline import PRELOAD
    from workbench.parallel import pool

    start = time.perf_counter()
    if workers > 1:  # started once per session: timed with the ingest, not its memory
        list(pool(workers, PRELOAD).map(abs, range(4 * workers)))
    return {"start_workers_s": time.perf_counter() - start, "libraries_mb": tree_mb()}


def _import_and_load(spec: corpora.Spec, workdir: Path, *, analyses: bool = False, **load):
    """Time importing workbench, then loading the corpus: (measurements with the seconds of
    each step in this process, corpus, load seconds, peak memory of the process tree while
    loading)."""
    start = time.perf_counter()
    import workbench  # noqa: F401
    from workbench.parallel import worker_count

    out = {"import_s": time.perf_counter() - start, "workers": worker_count(load.get("workers"))}
    if analyses:  # the analyses' modules count with the libraries, not with the corpus
        from benchmarks import actors, queries  # noqa: F401
    out.update(start_workers(out["workers"]))
    with PeakMemory() as peak, Steps() as steps:
        start = time.perf_counter()
        corpus = _load(spec, workdir, **load)
        seconds = time.perf_counter() - start + out["start_workers_s"]
    out["steps"] = steps.profile()
    return out, corpus, seconds, peak


def one(spec: corpora.Spec, workdir: Path) -> dict:
    out, corpus, seconds, peak = _import_and_load(spec, workdir, cache="cache-one", workers=1)
    return {**out, "ingest_s": seconds, "peak_tree_ingest_mb": peak.mb}


def cold(spec: corpora.Spec, workdir: Path) -> dict:
    out, corpus, seconds, peak = _import_and_load(spec, workdir)
    out["ingest_s"] = seconds
    out["peak_tree_ingest_mb"] = peak.mb
    out.update(documents=len(corpus.documents), sentences=len(corpus.sentences),
               tokens=len(corpus.tokens), report=corpus.report.status.value_counts().to_dict())
    from benchmarks.equality import token_paths_agree

    out["token_paths"] = token_paths_agree(corpus)
    del corpus
    texts = corpora.texts(workdir / "corpus")
    out.update(input_records=len(texts), chars=sum(map(len, texts)),
               text_bytes=sum(len(t.encode("utf-8")) for t in texts))
    from benchmarks import baselines

    out["nltk_s"], out["nltk_tokens"] = baselines.nltk_pipeline(texts)
    out["sklearn_s"], out["sklearn_nnz"] = baselines.count_vectorizer(texts)
    return out


def warm(spec: corpora.Spec, workdir: Path) -> dict:
    with PeakMemory() as session:
        out = _warm(spec, workdir)
    out["peak_tree_session_mb"] = session.mb
    return out


def _warm(spec: corpora.Spec, workdir: Path) -> dict:
    # nothing to process, but the session's workers are started first, as in the cold run:
    # finding actors uses them, and their interpreters belong to the libraries, not the corpus
    out, corpus, seconds, _ = _import_and_load(spec, workdir, analyses=True)
    out["open_s"] = seconds - out["start_workers_s"]  # opening, without starting the workers
    out["tree_after_open_mb"] = tree_mb()
    out["tables_mb"] = round(sum(
        getattr(corpus, t).memory_usage(deep=True).sum()
        for t in ("documents", "paragraphs", "sentences", "tokens", "removed", "report",
                  "metadata")) / 2**20, 1)
    from benchmarks import actors, queries  # not at the top: every worker imports this module
    from workbench.index import term_index

    out["queries"] = queries.run(corpus, spec.terms, setup=lambda: term_index(corpus))
    out["actors"] = actors.evaluate(corpus, spec)
    return out


def main(argv: list[str]) -> None:
    mode, name, workdir = argv
    spec = corpora.SPECS[name]
    result = {"cold": cold, "one": one, "warm": warm}[mode](spec, Path(workdir))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
