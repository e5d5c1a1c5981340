"""The charts to click (workbench.plots.interactive): what they draw, what they escape, and one
FigureWidget showing one chart after another without keeping the last one's parts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from seed_paths import PROJECT

from workbench.plots.interactive import (
    clicked,
    frame_figure,
    inert,
    profile_figure,
    show_in,
    trend_figure,
)
from workbench.trends import term_frequency


def test_inert_escapes_what_plotly_would_read_as_markup():
    assert inert("<b>bold</b> & <img src=x onerror=alert(1)>") == (
        "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;")


def test_a_trend_point_says_what_it_counts_at_the_periods_precision(seed_corpus):
    table = term_frequency(seed_corpus, "peacekeepers", by="year", split="outlet")
    figure = trend_figure(table, by="year", value="count", events=PROJECT.events())
    trend = next(t for t in figure.data if t.name == "Trend")
    point = list(trend.customdata).index(next(k for k in trend.customdata if k[1].startswith("2024")))
    row = table[(table.group == "Trend") & (table.period.dt.year == 2024)].iloc[0]
    assert trend.text[point].startswith("<b>peacekeepers · 2024 · Trend</b>")
    assert trend.text[point].endswith(f"{row['count']} matches in {row.documents} documents")
    assert figure.layout.shapes  # the events of the years shown


def test_one_widget_shows_chart_after_chart_without_the_last_ones_parts(seed_corpus):
    widget = go.FigureWidget()
    calls = []
    table = term_frequency(seed_corpus, "peacekeepers", by="month", split="outlet")
    show_in(widget, trend_figure(table, by="month", events=PROJECT.events()), calls.append)
    assert widget.layout.shapes and widget.layout.xaxis.type == "date"
    rates = pd.DataFrame({"a<b>": [1.0, 2.0]}, index=["X", "Y"])
    show_in(widget, frame_figure(rates), lambda trace, points, state: calls.append(
        clicked(trace, points)))
    assert not widget.layout.shapes and len(widget.data) == 1
    assert list(widget.layout.xaxis.ticktext) == ["a&lt;b&gt;"]
    widget._js2py_pointsCallback = {"event_type": "plotly_click", "points": {
        "xs": [0], "ys": [1], "point_indexes": [[1, 0]], "trace_indexes": [0]}}
    assert calls == [["Y", "a<b>"]]
    profile = pd.DataFrame({"group": ["<i>o</i>", "p"], "tokens": [5, 3], "m": [0.5, None]})
    show_in(widget, profile_figure(profile, "m"), calls.append)
    assert list(widget.layout.yaxis.ticktext) == ["&lt;i&gt;o&lt;/i&gt;", "p"]
    assert widget.data[0].text[1].endswith("m: n/a")
