"""The three dashboards on an open corpus, as the notebooks build them: what each needs computed
first (sentence tone, quotations, actor mentions: once per session), how long each takes to
build, and how long it takes to answer a change made from Python as a researcher would make it.

`measure(corpus)` returns {"prepare": {step: s}, "<dashboard>": {"build_s": s, "changes":
{change: s}}}; a step or dashboard that fails gives its error instead of a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import workbench
from benchmarks.corpora import ROOT


def _timed(call: Callable):
    """(result, seconds); the error text in place of the seconds when `call` fails."""
    start = time.perf_counter()
    try:
        result = call()
    except Exception as err:  # noqa: BLE001 - reported in the table, not hidden
        return None, f"{type(err).__name__}: {err}"[:200]
    return result, round(time.perf_counter() - start, 3)


def _changes(board, changes: list[tuple[str, str, object]]) -> dict:
    """Seconds for each change (control, value) applied in turn, as a widget would apply it."""
    out = {}
    for label, name, value in changes:
        control = board.controls[name]
        _, out[label] = _timed(lambda c=control, v=value: setattr(c, "value", v))
    return out


def measure(corpus, *, project_root=ROOT) -> dict:
    from workbench import profiling
    from workbench.actors import find_mentions
    from workbench.widgets.networks import networks_dashboard
    from workbench.widgets.profiling import profiling_dashboard
    from workbench.widgets.trends import trends_dashboard

    here = workbench.project(project_root)
    outlets = corpus.documents.outlet.dropna().astype(str).value_counts().index[:3].tolist()
    prepare, out = {}, {}
    scores, prepare["sentence tone"] = _timed(lambda: profiling.sentence_tone(corpus))
    mentions, prepare["actor mentions"] = _timed(
        lambda: find_mentions(corpus, here.actors(), discovery=here.discovery()))
    said, prepare["quotations"] = _timed(
        lambda: profiling.voices(corpus, cues=here.speech_cues, mentions=mentions))
    out["prepare"] = prepare

    board, build = _timed(lambda: trends_dashboard(corpus, groups=here.keyword_groups(),
                                                   events=here.events()))
    out["keyword trends"] = {"build_s": build, "changes": _changes(board, [
        ("terms", "terms", "oil, sanctions"), ("per year", "by", "year"),
        ("outlets", "outlets", tuple(outlets[:2])), ("KWIC sort", "sort", "left"),
    ]) if board else {}}

    board, build = _timed(lambda: networks_dashboard(corpus, project=here, mentions=mentions))
    out["actor networks"] = {"build_s": build, "changes": _changes(board, [
        ("min weight", "min_weight", 3.0), ("outlets", "outlets", tuple(outlets[:1])),
        ("unit", "unit", "document"),
    ]) if board else {}}

    board, build = _timed(lambda: profiling_dashboard(
        corpus, variants=here.naming_variants(), frames=here.frames(), scores=scores, said=said))
    out["source profiling"] = {"build_s": build, "changes": _changes(board, [
        ("view: keyness", "view", "keyness"), ("view: tone", "view", "tone"),
        ("outlets", "outlet", tuple(outlets[:2])),
    ]) if board else {}}
    return out
