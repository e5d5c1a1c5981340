"""Query families timed on an open corpus.

Each family returns a list of (label, zero-argument callable), so that latency is measured
per call. Families: term trend split by outlet, KWIC, outlet keyness profile, filtered
actor-network rebuild.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

import workbench
from benchmarks.corpora import ROOT
from workbench import index, networks, profiling, trends
from workbench.actors import find_mentions

N_OUTLETS = 5  # a trend split by outlet shows the outlets a researcher picked; we pick the top 5


def top_outlets(corpus, n: int) -> list[str]:
    return corpus.documents.outlet.dropna().astype(str).value_counts().index[:n].tolist()


def trend(corpus, terms) -> list[tuple[str, Callable]]:
    outlets = top_outlets(corpus, N_OUTLETS)
    docs = index.select_documents(corpus, outlets=outlets)
    return [(t, lambda t=t: trends.term_frequency(corpus, t, by="month", split="outlet", docs=docs))
            for t in terms]


def kwic(corpus, terms) -> list[tuple[str, Callable]]:
    return [(t, lambda t=t: trends.kwic(corpus, t, window=5)) for t in terms]


def profile(corpus, terms) -> list[tuple[str, Callable]]:
    outlets = top_outlets(corpus, len(terms))
    if len(outlets) < 2:  # one outlet: compare each term's documents with the rest instead
        return []
    return [(o, lambda o=o: profiling.keyness_by_group(corpus, target=[o], content_only=True))
            for o in outlets]


def network(corpus, terms) -> list[tuple[str, Callable]]:
    here = workbench.project(ROOT)
    # once per session, with discovered actors, like the dashboard
    mentions = find_mentions(corpus, here.actors(), discovery=here.discovery())
    outlets = top_outlets(corpus, 10)
    years = sorted(corpus.documents.date.dt.year.dropna().astype(int).unique())
    cases = []
    for i in range(max(20, len(terms))):
        year = years[(i * 7) % len(years)]
        span = {"start": f"{year}-01-01", "end": f"{year + i % 3}-12-31"}
        pick = {"outlets": [outlets[i % len(outlets)]]} if len(outlets) > 1 and i % 2 else {}
        label = f"{pick.get('outlets', ['all'])[0]} {span['start'][:4]}-{span['end'][:4]}"
        cases.append((label, lambda kw={**span, **pick}: networks.build_network(corpus, mentions, **kw)))
    return cases


FAMILIES = {"trend": trend, "kwic": kwic, "profile_keyness": profile, "network": network}


def run(corpus, terms, *, setup: Callable | None = None, families=tuple(FAMILIES)) -> dict:
    """Latency of every available family (of `families`): p50, p95, max (ms) and how many
    queries ran."""
    out = {}
    if setup is not None:
        start = time.perf_counter()
        setup()
        out["setup_s"] = round(time.perf_counter() - start, 3)
    for name, family in ((n, FAMILIES[n]) for n in families):
        start = time.perf_counter()
        try:
            cases = family(corpus, terms)
        except Exception as err:  # noqa: BLE001 - a family written concurrently may break
            out[name] = {"status": f"error preparing: {type(err).__name__}: {err}"}
            continue
        if not cases:
            out[name] = {"status": "not available"}
            continue
        prepare_s = round(time.perf_counter() - start, 3)
        times, errors = [], []
        for label, call in cases:
            start = time.perf_counter()
            try:
                result = call()
            except Exception as err:  # noqa: BLE001
                errors.append(f"{label}: {type(err).__name__}: {err}")
                continue
            times.append((time.perf_counter() - start) * 1000)
            del result
        ms = np.array(times)
        out[name] = {"status": "ok" if len(ms) else "failed", "n": len(ms), "prepare_s": prepare_s,
                     "p50_ms": round(float(np.percentile(ms, 50)), 1) if len(ms) else None,
                     "p95_ms": round(float(np.percentile(ms, 95)), 1) if len(ms) else None,
                     "max_ms": round(float(ms.max()), 1) if len(ms) else None,
                     "errors": errors[:3]}
    return out
