"""Charts to click (plotly): the data `workbench.plots` draws with matplotlib, drawn so that a
click names what was counted.

Each builder takes a DataFrame and returns a `go.Figure`; the dashboards copy it into their one
`FigureWidget` (`show_in`). Every point carries its key in `customdata`: a trend point its
[term, period, group], a bar [label], a heatmap cell [row, column] (a naming column is
[concept, variant]: [row, concept, variant]); `clicked` reads it back. Plotly renders a
subset of HTML (tags and entities) in titles, tick labels, legend names and hover text, so
every name taken from the articles goes through `inert`, keys included: the browser never
gets an article's name as markup.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from ..corpus.dates import date_label
from ..index.axis import FREQ
from .profiling import column_label, heatmap_rows, keyness_rows, largest_rows, short_label
from .trends import axis_label, excluded_note, largest_series

#: what every chart shares: no plotly logo or link out, hover on the nearest point
CONFIG = {"displaylogo": False, "showLink": False}
BASE = {"template": "plotly_white", "hovermode": "closest", "clickmode": "event",
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10}, "font": {"size": 11}}
#: the layout's parts a chart may set, replaced as a whole (or emptied) when another is shown
REPLACED = ("xaxis", "yaxis", "legend", "shapes", "annotations")


def inert(text) -> str:
    """`text` as plotly shows it literally: `<`, `>` and `&` escaped (plotly reads tags such as
    <b> and <a> and entities in every label, legend name and hover text)."""
    return html.escape(str(text), quote=False)


def period_label(start, by: str) -> str:
    """A trend period (its first day) as precisely as the granularity `by`: "2024" for a year,
    "2024-04" for a month, "2024Q2", "week of 2024-04-01", "2024-04-05".

    >>> [period_label(pd.Timestamp("2024-04-01"), by) for by in ("year", "month", "quarter")]
    ['2024', '2024-04', '2024Q2']
    """
    if by in ("year", "month", "day"):
        return date_label(start, by)
    if by == "week":
        return f"week of {date_label(start, 'day')}"
    return str(pd.Period(start, freq=FREQ[by]))


def _layout(title: str, **more) -> dict:
    return {**BASE, "title": {"text": title, "font": {"size": 13}}, **more}


def trend_figure(table: pd.DataFrame, *, by: str, value: str = "rel_freq",
                 events: pd.DataFrame | None = None, max_terms: int = 12,
                 max_lines: int = 8) -> go.Figure:
    """A `term_frequency` table (periods of granularity `by`) as lines, one per term and group,
    every period a point to click (customdata: term, period start as ISO text, group); at most
    `max_lines` groups per term and `max_terms` terms, as `plot_trend` draws them. Periods
    without documents are gaps."""
    table, capped = largest_series(table, "term", "group", max_terms, max_lines)
    terms = list(dict.fromkeys(table.term))
    fig = go.Figure()
    for (term, group), part in table.groupby(["term", "group"], sort=False):
        part = part.sort_values("period")
        labels = [period_label(p, by) for p in part.period]
        name = inert(group if len(terms) == 1 else f"{group} · {term}")
        fig.add_trace(go.Scatter(
            x=part.period, y=part[value], mode="lines+markers", name=name,
            marker={"size": 8}, legendgroup=name,
            customdata=[[inert(term), p.isoformat(), inert(group)] for p in part.period],
            text=[_trend_hover(term, label, group, r, value) for label, r in
                  zip(labels, part.itertuples(), strict=True)],
            hovertemplate="%{text}<extra></extra>"))
    note = " ".join(x for x in (capped, excluded_note(table.attrs.get("excluded"))) if x)
    title = inert(" · ".join(terms)) if len(table) else "No dated documents in the selection"
    fig.update_layout(**_layout(title, height=420,
                                legend={"orientation": "h", "y": -0.15}),
                      xaxis=_date_ticks(by, table.period.nunique()),
                      yaxis={"title": axis_label(table, value), "rangemode": "tozero"})
    if note:
        fig.add_annotation(text=inert(note), xref="paper", yref="paper", x=0, y=1.08,
                           showarrow=False, font={"size": 10, "color": "dimgrey"}, align="left")
    if events is not None and len(table):
        _mark_events(fig, events, table.period.min(), table.period.max())
    return fig


def _date_ticks(by: str, periods: int) -> dict:
    """A date axis ticked at the periods' precision: years, months (every month for up to a
    year and a half of them), or days. The type is said, not guessed from the data: month ticks
    on an axis plotly took for a number would be drawn at NaN, for tens of seconds."""
    if by == "year":
        return {"type": "date", "tickformat": "%Y", "dtick": "M12"}
    if by in ("month", "quarter"):
        return {"type": "date", "tickformat": "%Y-%m",
                "dtick": "M1" if periods <= 18 else "M3" if periods <= 54 else "M12"}
    return {"type": "date", "tickformat": "%Y-%m-%d"}


def _trend_hover(term: str, period: str, group: str, row, value: str) -> str:
    """A trend point's hover text: what it is, its value, and how many matches it counts."""
    shown = getattr(row, value)
    number = "no documents" if pd.isna(shown) else f"{shown:,.3g}"
    return (f"<b>{inert(term)} · {period} · {inert(group)}</b><br>{number}<br>"
            f"{row.count:,} matches in {row.documents:,} documents")


def _mark_events(fig: go.Figure, events: pd.DataFrame, first, last) -> None:
    """Events between `first` and `last`: a dashed line for a day, a band for a month or year."""
    shown = events[(events.date_end >= first) & (events.date <= last + pd.offsets.MonthEnd(1))]
    for i, e in enumerate(shown.itertuples()):
        label = inert(f"{date_label(e.date, e.date_precision)} {e.label}")
        if e.date_precision == "day":
            fig.add_vline(x=e.date, line={"color": "grey", "dash": "dash", "width": 1})
        else:
            fig.add_vrect(x0=e.date, x1=e.date_end + pd.Timedelta(days=1), fillcolor="grey",
                          opacity=0.12, line_width=0)
        fig.add_annotation(x=e.date, y=1 - 0.06 * (i % 4), yref="paper", text=label,
                           showarrow=False, xanchor="left", font={"size": 9, "color": "dimgrey"})


def _bars(labels: list[str], values: pd.Series, hover: list[str], title: str, axis: str,
          colors) -> go.Figure:
    """Horizontal bars, first label at the top; each bar's customdata is [its label]."""
    fig = go.Figure(go.Bar(
        x=values.fillna(0).to_numpy(), y=list(range(len(labels))), orientation="h",
        textposition="none",  # the text is the hover's, not a label on the bar
        marker={"color": colors}, customdata=[[inert(label)] for label in labels], text=hover,
        hovertemplate="%{text}<extra></extra>"))
    fig.update_layout(**_layout(title, height=120 + 26 * max(len(labels), 1)),
                      xaxis={"title": inert(axis), "type": "linear"},
                      yaxis={"type": "linear", "tickvals": list(range(len(labels))),
                             "autorange": "reversed",
                             "ticktext": [inert(short_label(label)) for label in labels]})
    return fig


def profile_figure(profile: pd.DataFrame, metric: str, *, max_bars: int = 30) -> go.Figure:
    """One bar per group for a column of the profile table (as `profile_bars` draws it)."""
    unit = "document" if "title" in profile else "outlet"
    profile, note = largest_rows(profile, profile.tokens, max_bars, f"{unit}s with most tokens")
    values = profile[metric].astype(float)
    hover = [f"<b>{inert(g)}</b><br>{metric}: {'n/a' if pd.isna(v) else f'{v:.3g}'}"
             for g, v in zip(profile.group, values, strict=True)]
    return _bars(profile.group.astype(str).tolist(), values, hover,
                 inert(f"{metric} per {unit}{note}"), metric, "#1f77b4")


def keyness_figure(table: pd.DataFrame, group: str, *, n: int = 10) -> go.Figure:
    """Log Ratio of the `n` most over- and under-used terms of one group (as `keyness_bars`),
    most over-used at the top; each bar opens the term in that group's documents."""
    top = keyness_rows(table, group, n=n).iloc[::-1]
    hover = [f"<b>{inert(r.term)}</b><br>{r.count_target:,} times in {inert(group)}, "
             f"{r.count_reference:,} in {inert(r.reference)}<br>Log Ratio {r.log_ratio:+.2f}, "
             f"G² {r.g2:.1f}" for r in top.itertuples()]
    reference = top.reference.iloc[0] if len(top) else ""
    title = (f"Distinctive words: {short_label(group, 40)} vs {reference}" if len(top)
             else f"No terms for {group} at this minimum frequency")
    colors = ["#d62728" if d == "over" else "#7f7f7f" for d in top.direction]
    return _bars(top.term.astype(str).tolist(), top.log_ratio, hover, inert(title),
                 "Log Ratio (log2 of relative-frequency ratio)", colors)


def tone_figure(table: pd.DataFrame, actor: str, *, max_bars: int = 30) -> go.Figure:
    """Mean VADER compound of the sentences naming an actor, per group (as `tone_bars`)."""
    table, note = largest_rows(table, table.sentences, max_bars, "groups with most sentences")
    values = table.mean_compound.astype(float)
    hover = [f"<b>{inert(g)}</b><br>{'n/a' if pd.isna(v) else f'{v:+.2f}'} over {n:,} sentences"
             for g, v, n in zip(table.group, values, table.sentences, strict=True)]
    colors = ["#2ca02c" if v >= 0 else "#d62728" for v in values.fillna(0)]
    fig = _bars(table.group.astype(str).tolist(), values, hover,
                inert(f"Tone toward {actor}{note}"), "mean VADER compound", colors)
    fig.update_xaxes(range=[-1, 1])
    return fig


def _heatmap(pivot: pd.DataFrame, title: str, fmt: str, what: str) -> go.Figure:
    """A pivot (rows: groups) as cells to click; a cell's customdata is [row, *column]."""
    pivot, note = heatmap_rows(pivot)
    rows, columns = [str(r) for r in pivot.index], [column_label(c) for c in pivot.columns]
    values = pivot.to_numpy(dtype=float)
    hover = [[f"<b>{inert(r)} · {inert(c)}</b><br>"
              f"{'none' if pd.isna(v) else format(v, fmt)} {what}"
              for c, v in zip(columns, line, strict=True)]
             for r, line in zip(rows, values, strict=True)]
    fig = go.Figure(go.Heatmap(
        z=values, x=list(range(len(columns))), y=list(range(len(rows))), colorscale="Blues",
        customdata=[[[inert(part) for part in (r, *(c if isinstance(c, tuple) else (c,)))]
                     for c in pivot.columns] for r in rows], text=hover,
        hovertemplate="%{text}<extra></extra>", colorbar={"title": {"text": what}},
        xgap=1, ygap=1))
    fig.update_layout(**_layout(inert(title + note), height=160 + 28 * max(len(rows), 1)),
                      xaxis={"type": "linear", "tickvals": list(range(len(columns))), "tickangle": -45,
                             "ticktext": [inert(short_label(c, 28)) for c in columns]},
                      yaxis={"type": "linear", "tickvals": list(range(len(rows))),
                             "autorange": "reversed",
                             "ticktext": [inert(short_label(r)) for r in rows]})
    return fig


def naming_figure(pivot: pd.DataFrame) -> go.Figure:
    """A `naming_pivot`: how often each group (row) uses each name variant (column)."""
    return _heatmap(pivot, "Which name does each outlet use?", ".0f", "mentions")


def frame_figure(pivot: pd.DataFrame) -> go.Figure:
    """A `frame_pivot`: frame matches per 1,000 tokens, groups (rows) by frames (columns)."""
    return _heatmap(pivot, "Frames per 1,000 tokens", ".1f", "per 1,000 tokens")


def show_in(widget: go.FigureWidget, figure: go.Figure, on_click) -> None:
    """Make `widget` show `figure` in place (one batch of changes, the widget kept), every trace
    calling `on_click(trace, points, state)` when clicked."""
    old = len(widget.data)
    with widget.batch_update():  # the new traces first: no moment without data
        widget.add_traces(figure.data)
        widget.data = widget.data[old:]
        widget.layout = figure.layout
        for part in REPLACED:  # sent even when empty: the last chart's ticks and shapes go
            widget.layout[part] = figure.layout[part]
    for trace in widget.data:
        trace.on_click(on_click)


def bar_labels(figure: go.Figure) -> list[str]:
    """The labels of a bar chart's bars, first to last (their keys, unescaped)."""
    return [html.unescape(bar[0]) for bar in figure.data[0].customdata] if figure.data else []


def clicked(trace, points) -> list[str] | None:
    """The key a click landed on (the clicked point's customdata, see the module, unescaped), or
    None when the click was on another trace (plotly calls every trace's handler)."""
    if not points.point_inds:
        return None
    where = points.point_inds[0]
    if isinstance(where, list | tuple):  # a heatmap cell: [row, column]
        key = trace.customdata[where[0]][where[1]]
    else:
        key = trace.customdata[where]
    return [html.unescape(part) for part in key]
