"""One measurement in a fresh process (so peak memory and warm open are honest).

`python -m benchmarks.measure cold|warm <corpus> <workdir>` prints one JSON object:
cold = ingest with an empty cache, then the baselines on the same texts in this process;
warm = open from the cache the cold run left, then the query latencies.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from benchmarks import corpora, queries


def _rss_mb(who=resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux reports KiB


def _load(spec: corpora.Spec, workdir: Path):
    import workbench

    return workbench.load_corpus(workdir / "corpus", metadata=None, columns=spec.columns,
                                 cache_dir=workdir / "cache", progress=False)


def _import_and_load(spec: corpora.Spec, workdir: Path):
    """Time importing workbench, then loading the corpus: (measurements, corpus, load seconds)."""
    start = time.perf_counter()
    import workbench  # noqa: F401

    out = {"import_s": time.perf_counter() - start, "rss_after_import_mb": _rss_mb()}
    start = time.perf_counter()
    corpus = _load(spec, workdir)
    return out, corpus, time.perf_counter() - start


def cold(spec: corpora.Spec, workdir: Path) -> dict:
    out, corpus, seconds = _import_and_load(spec, workdir)
    out["ingest_s"] = seconds
    out["peak_rss_ingest_mb"] = _rss_mb()
    out["peak_rss_ingest_workers_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    out.update(documents=len(corpus.documents), sentences=len(corpus.sentences),
               tokens=len(corpus.tokens), report=corpus.report.status.value_counts().to_dict())
    del corpus
    texts = corpora.texts(workdir / "corpus")
    out.update(input_records=len(texts), chars=sum(map(len, texts)),
               text_bytes=sum(len(t.encode("utf-8")) for t in texts))
    from benchmarks import baselines

    out["nltk_s"], out["nltk_tokens"] = baselines.nltk_pipeline(texts)
    out["sklearn_s"], out["sklearn_nnz"] = baselines.count_vectorizer(texts)
    return out


def warm(spec: corpora.Spec, workdir: Path) -> dict:
    out, corpus, seconds = _import_and_load(spec, workdir)
    out["open_s"] = seconds
    out["rss_after_open_mb"] = _rss_mb()
    out["tables_mb"] = round(sum(
        getattr(corpus, t).memory_usage(deep=True).sum()
        for t in ("documents", "paragraphs", "sentences", "tokens", "removed", "report",
                  "metadata")) / 2**20, 1)
    from workbench.index import term_index

    out["queries"] = queries.run(corpus, spec.terms, setup=lambda: term_index(corpus))
    out["peak_rss_session_mb"] = _rss_mb()
    from benchmarks import actors

    out["actors"] = actors.evaluate(corpus, spec)
    return out


def main(argv: list[str]) -> None:
    mode, name, workdir = argv
    spec = corpora.SPECS[name]
    result = (cold if mode == "cold" else warm)(spec, Path(workdir))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
