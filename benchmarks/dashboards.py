"""The three dashboards on an open corpus, as the notebooks build them: what each needs computed
first (sentence tone, quotations, actor mentions: once per session), how long each takes to
build, how long it takes to answer a change made from Python as a researcher would make it, and
the 95th percentile of 20 clicks of each kind a dashboard answers (a trend's point; a keyness bar
and a frame heatmap's cell; an actor and an edge of the network), each made by the method the
chart's click calls.

`measure(corpus)` returns {"prepare": {step: s}, "<dashboard>": {"build_s": s, "changes":
{change: s}}}; a step or dashboard that fails gives its error instead of a time.
"""

from __future__ import annotations

import statistics
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


def _p95_of_clicks(board, clicks: list[Callable]) -> float | str:
    """The 95th percentile of the seconds the clicks took (each made as the widget makes it), or
    the first error one showed."""
    seconds = []
    for click in clicks:
        _, took = _timed(click)
        if isinstance(took, str) or board.error is not None:
            return took if isinstance(took, str) else f"{type(board.error).__name__}: {board.error}"[:200]
        seconds.append(took)
    return round(statistics.quantiles(seconds, n=20, method="inclusive")[-1], 3)


def _spread(items: list, n: int) -> list:
    """`n` items spread evenly over `items` (each once when there are fewer)."""
    if len(items) <= n:
        return list(items)
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def _trend_clicks(board, n: int = 20) -> dict:
    """p95 seconds of `n` clicks on the trend chart's points with matches, spread over the chart
    (`click_point`: the concordance of exactly that point)."""
    points = board.table[board.table["count"] > 0]
    keys = _spread(list(zip(points.term, points.period, points.group)), n)
    if not keys:
        return {"clicks": "no point to click"}
    return {f"click a point (p95 of {len(keys)})": _p95_of_clicks(
        board, [lambda k=k: board.click_point(*k) for k in keys])}


def _profiling_clicks(board, n: int = 20) -> dict:
    """p95 seconds of `n` clicks on the keyness chart's bars (`click_bar`: the word's passages in
    the group's documents), then on the frame heatmap's cells (`click_cell`)."""
    from workbench.plots.interactive import bar_labels
    from workbench.plots.profiling import frame_pivot, heatmap_rows

    out = {}
    board.controls["view"].value = "keyness"
    bars = _spread(bar_labels(board.chart), n)
    out[f"click a keyness bar (p95 of {len(bars)})"] = _p95_of_clicks(
        board, [lambda b=b: board.click_bar(b) for b in bars]) if bars else "no bar"
    board.controls["view"].value = "frames"
    shown, _ = heatmap_rows(frame_pivot(board.chart_data()))  # the rows the heatmap draws
    cells = _spread([(row, column) for row in shown.index for column in shown.columns], n)
    out[f"click a frame cell (p95 of {len(cells)})"] = _p95_of_clicks(
        board, [lambda c=c: board.click_cell(*c) for c in cells]) if cells else "no cell"
    board.controls["view"].value = "profile"
    return out


def _network_clicks(board, n: int = 20) -> dict:
    """p95 seconds of `n` clicks on the network's most mentioned actors, then of `n` clicks on
    each one's strongest edge (`click_node`, `click_edge`: what a click on the canvas calls)."""
    G = board.graph
    if not len(G):
        return {"clicks": "no actor to click"}
    actors = sorted(G, key=lambda a: (-G.nodes[a]["mentions"], a))[:n]
    actors = (actors * n)[:n]
    edges = [(a, max(G[a], key=lambda b: (G[a][b]["weight"], b))) for a in actors if len(G[a])]
    return {f"click a node (p95 of {n})": _p95_of_clicks(
                board, [lambda a=a: board.click_node(a) for a in actors]),
            f"click an edge (p95 of {n})": _p95_of_clicks(
                board, [lambda e=e: board.click_edge(*e) for e in edges])}


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
    out["keyword trends"] = {"build_s": build, "changes": _trend_clicks(board) | _changes(board, [
        ("terms", "terms", "oil, sanctions"), ("per year", "by", "year"),
        ("outlets", "outlets", tuple(outlets[:2])), ("KWIC sort", "sort", "left"),
    ]) if board else {}}

    board, build = _timed(lambda: networks_dashboard(corpus, project=here, mentions=mentions))
    out["actor networks"] = {"build_s": build, "changes": _network_clicks(board) | _changes(board, [
        ("min weight", "min_weight", 3.0), ("outlets", "outlets", tuple(outlets[:1])),
        ("unit", "unit", "document"),
    ]) if board else {}}

    board, build = _timed(lambda: profiling_dashboard(
        corpus, variants=here.naming_variants(), frames=here.frames(), scores=scores, said=said))
    out["source profiling"] = {"build_s": build, "changes": _profiling_clicks(board) | _changes(board, [
        ("view: keyness", "view", "keyness"), ("view: tone", "view", "tone"),
        ("outlets", "outlet", tuple(outlets[:2])),
    ]) if board else {}}
    return out
