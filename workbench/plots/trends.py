"""Figures for keyword trends: frequency over time with event markers, lexical dispersion."""

from __future__ import annotations

from typing import Literal

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..corpus.dates import date_label
from ..corpus.options import check_option

Value = Literal["rel_freq", "count", "doc_share"]
Kind = Literal["line", "bar"]
Facet = Literal["term", "group"]
LABELS = {"count": "occurrences", "doc_share": "share of documents containing the term"}


def axis_label(table: pd.DataFrame, value: str) -> str:
    """What the y axis of a trend shows for the column `value`."""
    return LABELS.get(value) or f"occurrences per {table.attrs.get('per', 10_000):,} tokens"


def excluded_note(excluded: pd.DataFrame | None) -> str:
    """One line saying which documents are not on the time axis and how many matches they hold."""
    if excluded is None or excluded.empty:
        return ""
    reasons = excluded.reason.str.split(";").str[0].value_counts()
    parts = ", ".join(f"{n} {reason}" for reason, n in reasons.items())
    hits = f" ({int(excluded['count'].sum())} occurrences)" if "count" in excluded else ""
    return f"Not on the time axis: {parts}{hits}."


def draw_events(ax, events: pd.DataFrame) -> None:
    """Mark events on a date axis: a line for a day, a shaded band for a month or year."""
    lo, hi = ax.get_xlim()
    start, end = mdates.date2num(events.date), mdates.date2num(events.date_end)
    visible = events[(end >= lo) & (start <= hi)]
    for i, event in enumerate(visible.itertuples()):
        if event.date_precision == "day":
            ax.axvline(event.date, color="grey", linestyle="--", linewidth=0.8)
        else:
            ax.axvspan(event.date, event.date_end + pd.Timedelta(days=1), color="grey", alpha=0.15)
        ax.annotate(event.label, (event.date, 1 - 0.07 * (i % 4)), fontsize=7, va="top",
                    xycoords=("data", "axes fraction"), color="dimgrey")
    ax.set_xlim(lo, hi)


def plot_trend(table: pd.DataFrame, *, value: Value = "rel_freq",
               kind: Kind = "line", facet: Facet = "term",
               events: pd.DataFrame | None = None, max_lines: int = 8, max_panels: int = 12) -> Figure:
    """Frequency over time from `term_frequency`: one panel per term (or group), coloured by
    the other. Periods without any document are gaps, not zeros.

    A large corpus can split by thousands of outlets: only the `max_panels` panels and, per
    panel, the `max_lines` series with most occurrences are drawn, and the figure says so.
    """
    check_option("value", value, Value)
    check_option("kind", kind, Kind)
    check_option("facet", facet, Facet)
    colour = "group" if facet == "term" else "term"
    table, capped = largest_series(table, facet, colour, max_panels, max_lines)
    panels = list(dict.fromkeys(table[facet])) or [""]
    fig, axes = plt.subplots(len(panels), 1, sharex=True, squeeze=False,
                             figsize=(9, 1.2 + 2.2 * len(panels)), layout="constrained")
    periods = np.sort(table.period.unique())
    step = np.median(np.diff(periods)) if len(periods) > 1 else np.timedelta64(30, "D")
    by_panel = dict(tuple(table.groupby(facet, sort=False)))
    for ax, panel in zip(axes[:, 0], panels, strict=True):
        rows = by_panel.get(panel, table.iloc[:0])
        parts = {name: part.sort_values("period") for name, part in rows.groupby(colour, sort=False)}
        for k, (name, part) in enumerate(parts.items()):
            if kind == "bar":
                width = step * 0.8 / len(parts)
                ax.bar(part.period + width * k, part[value].fillna(0), width=width, label=name,
                       align="edge")
            else:
                ax.plot(part.period, part[value], marker="o", markersize=3, label=name)
        ax.set_ylim(bottom=0)
        ax.set_title(str(panel), fontsize=10, loc="left")
        ax.set_ylabel(axis_label(table, value), fontsize=8)
        if len(parts) > 1:
            ax.legend(fontsize=7, ncols=min(len(parts), 4), loc="upper right")
        if events is not None and len(periods):
            ax.set_xlim(periods[0] - step / 2, periods[-1] + step)
            draw_events(ax, events)
    locator = mdates.AutoDateLocator()
    axes[-1, 0].xaxis.set_major_locator(locator)
    axes[-1, 0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    note = " ".join(x for x in (capped, excluded_note(table.attrs.get("excluded"))) if x)
    if note:
        fig.supxlabel(note, fontsize=8, color="dimgrey", wrap=True)
    return fig


def largest_series(table: pd.DataFrame, facet: str, colour: str, max_panels: int, max_lines: int
             ) -> tuple[pd.DataFrame, str]:
    """The rows of the `max_panels` panels (`facet`: term or group) and, per panel, the
    `max_lines` series (`colour`) with most occurrences, and a note on what was left out."""
    notes = []
    panels = table.groupby(facet, sort=False)["count"].sum()
    if len(panels) > max_panels:
        keep = panels.sort_values(ascending=False, kind="stable").index[:max_panels]
        table = table[table[facet].isin(keep)]
        notes.append(f"{max_panels} of {len(panels):,} {facet}s")
    series = table.groupby([facet, colour], sort=False)["count"].sum()
    if series.groupby(level=0, sort=False).size().max() > max_lines:
        ranked = series.sort_values(ascending=False, kind="stable").groupby(level=0, sort=False)
        keep = ranked.head(max_lines).index
        n = table[colour].nunique()
        table = table[pd.MultiIndex.from_frame(table[[facet, colour]]).isin(keep)]
        notes.append(f"the {max_lines} {colour}s with most occurrences of {n:,} per panel")
    note = f"Showing {' and '.join(notes)} (filter the table to see others)." if notes else ""
    return table.copy() if notes else table, note


def plot_dispersion(dispersion: pd.DataFrame, *, max_docs: int = 60) -> Figure:
    """Lexical dispersion from `trends.dispersion`: one row per document, earliest at the top;
    a mark where each term occurs along the document."""
    shown = dispersion[dispersion["rank"] < max_docs]
    docs = shown.drop_duplicates("rank").set_index("rank").sort_index()
    fig, ax = plt.subplots(figsize=(9, 1 + 0.3 * max(len(docs), 1)), layout="constrained")
    terms = list(dict.fromkeys(shown.term))
    for k, term in enumerate(terms):
        rows = shown[shown.term == term]
        ax.scatter(rows.position, rows["rank"] + (k - (len(terms) - 1) / 2) * 0.12, marker="|",
                   s=120, label=term)
    labels = [" · ".join(str(x) for x in (date_label(d.date, d.date_precision), d.outlet, d.doc_id)
                         if not pd.isna(x)) for d in docs.itertuples()]  # no outlet: no "nan"
    ax.set_yticks(docs.index, labels, fontsize=7)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the document (0 = start, 1 = end)")
    if terms:
        ax.legend(fontsize=7, loc="lower right", bbox_to_anchor=(1, 1), ncols=min(len(terms), 4))
    total = dispersion["rank"].nunique()
    if total > max_docs:
        ax.set_title(f"showing the first {max_docs} of {total} documents by date", fontsize=8)
    return fig
