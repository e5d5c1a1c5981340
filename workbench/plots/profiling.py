"""Figures for source profiling: each takes a table from the compute layer and returns a Figure.

Figures are built without pyplot, so nothing is shown or kept open until a notebook displays them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure


def short_label(label: str, width: int = 22) -> str:
    """`label` cut to `width` characters with an ellipsis: an axis keeps its width."""
    label = str(label)
    return label if len(label) <= width else label[:width - 1] + "…"


def largest_rows(table: pd.DataFrame, weight: pd.Series, n: int, what: str) -> tuple[pd.DataFrame, str]:
    """The `n` rows with the largest `weight` (in their order) and a note when rows were left out:
    a corpus with thousands of outlets or documents gets a readable figure that says so."""
    if len(table) <= n:
        return table, ""
    keep = np.sort(np.argsort(-weight.to_numpy(dtype=float), kind="stable")[:n])
    return table.iloc[keep], f" ({n} of {len(table):,} {what})"


def profile_bars(profile: pd.DataFrame, metric: str, *, max_bars: int = 30) -> Figure:
    """One bar per group for a column of the profile table; missing values are labelled n/a.
    Past `max_bars` groups, the groups with most tokens are drawn and the title says so."""
    if metric not in profile.columns:
        raise ValueError(f"metric={metric!r} is not a profile column; expected one of "
                         f"{[c for c in profile.columns if profile[c].dtype.kind == 'f']}")
    unit = "document" if "title" in profile else "outlet"
    profile, note = largest_rows(profile, profile.tokens, max_bars, f"{unit}s with most tokens")
    fig = Figure(figsize=(7, 0.5 + 0.45 * len(profile)), layout="constrained")
    ax = fig.subplots()
    values = profile[metric].astype(float)
    labels = [short_label(g) for g in profile.group]
    ax.barh(labels, values.fillna(0), color="tab:blue")
    for y, v in enumerate(values):
        ax.annotate("n/a" if np.isnan(v) else f"{v:.3g}", (0 if np.isnan(v) else v, y),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(metric)
    ax.set_title(f"{metric} per {unit}{note}")
    return fig


def keyness_rows(table: pd.DataFrame, group: str, *, n: int = 10) -> pd.DataFrame:
    """The rows of a keyness table a chart draws for `group`: its `n` most over- and under-used
    terms (by G²), from the most under- to the most over-used (by Log Ratio)."""
    rows = table[table.group == group]
    top = pd.concat([rows[rows.direction == d].head(n) for d in ("over", "under")])
    return top.sort_values("log_ratio")


def keyness_bars(table: pd.DataFrame, group: str, *, n: int = 10) -> Figure:
    """Log Ratio of the `n` most over- and under-used terms (by G²) of one group."""
    rows = table[table.group == group]
    top = keyness_rows(table, group, n=n)
    fig = Figure(figsize=(7, 0.6 + 0.3 * max(len(top), 1)), layout="constrained")
    ax = fig.subplots()
    colors = np.where(top.direction == "over", "tab:red", "tab:gray")
    ax.barh(top.term.astype(str), top.log_ratio, color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Log Ratio (log2 of relative-frequency ratio)")
    ax.set_title(f"Distinctive words: {short_label(group, 40)} vs {rows.reference.iloc[0]}"
                 if len(rows) else f"No terms for {group} at this minimum frequency")
    return fig


def heatmap_rows(pivot: pd.DataFrame, max_rows: int = 30) -> tuple[pd.DataFrame, str]:
    """The rows of a heatmap's pivot that are drawn (the `max_rows` with the largest totals) and
    a note when others were left out."""
    return largest_rows(pivot, pivot.fillna(0).sum(axis=1), max_rows, "rows with the largest totals")


def _heatmap(pivot: pd.DataFrame, title: str, fmt: str, cbar: str) -> Figure:
    pivot, note = heatmap_rows(pivot)
    title += note
    fig = Figure(figsize=(1.5 + 0.75 * pivot.shape[1], 1.2 + 0.45 * pivot.shape[0]),
                 layout="constrained")
    ax = fig.subplots()
    data = pivot.to_numpy(dtype=float)
    image = ax.imshow(np.nan_to_num(data), cmap="Blues", aspect="auto")
    ax.set_xticks(range(pivot.shape[1]), [short_label(column_label(c), 28) for c in pivot.columns],
                  rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(pivot.shape[0]), [short_label(r) for r in pivot.index], fontsize=8)
    top = np.nanmax(data) if data.size and not np.isnan(data).all() else 0
    for (y, x), v in np.ndenumerate(data):
        if v:
            ax.text(x, y, format(v, fmt), ha="center", va="center", fontsize=7,
                    color="white" if v > top / 2 else "black")
    fig.colorbar(image, ax=ax, label=cbar)
    ax.set_title(title)
    return fig


def column_label(column) -> str:
    """A heatmap column as its axis names it: a frame, or "concept: variant"."""
    return ": ".join(column) if isinstance(column, tuple) else str(column)


def naming_pivot(naming: pd.DataFrame, *, concepts: list[str] | None = None) -> pd.DataFrame:
    """Counts of each name variant used (columns: (concept, variant)) per group (rows)."""
    rows = naming if concepts is None else naming[naming.concept.isin(concepts)]
    used = rows.groupby(["concept", "variant"], sort=False)["count"].transform("sum") > 0
    return rows[used].pivot_table(index="group", columns=["concept", "variant"], values="count",
                                  aggfunc="sum", sort=False)


def frame_pivot(rates: pd.DataFrame) -> pd.DataFrame:
    """Frame matches per 1,000 tokens: groups (rows) by frames (columns)."""
    return rates.pivot_table(index="group", columns="frame", values="per_1k", sort=False)


def naming_heatmap(naming: pd.DataFrame, *, concepts: list[str] | None = None) -> Figure:
    """Counts of each name variant (columns, grouped by concept) per outlet (rows)."""
    return _heatmap(naming_pivot(naming, concepts=concepts), "Which name does each outlet use?",
                    ".0f", "mentions")


def frame_heatmap(rates: pd.DataFrame) -> Figure:
    """Frame matches per 1,000 tokens: outlets (rows) by frames (columns)."""
    return _heatmap(frame_pivot(rates), "Frames per 1,000 tokens", ".1f", "per 1,000 tokens")


def tone_bars(table: pd.DataFrame, actor: str, *, max_bars: int = 30) -> Figure:
    """Mean VADER compound of sentences naming an actor, per group, with sentence counts
    (past `max_bars` groups, those with most such sentences)."""
    table, note = largest_rows(table, table.sentences, max_bars, "groups with most sentences")
    fig = Figure(figsize=(7, 0.6 + 0.45 * len(table)), layout="constrained")
    ax = fig.subplots()
    values = table.mean_compound.astype(float)
    ax.barh([short_label(g) for g in table.group], values.fillna(0),
            color=np.where(values.fillna(0) >= 0, "tab:green", "tab:red"))
    for y, (v, n) in enumerate(zip(values, table.sentences, strict=True)):
        ax.annotate("n/a" if np.isnan(v) else f"{v:+.2f} (n={n})", (0, y), xytext=(3, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.invert_yaxis()
    ax.set_xlabel("mean VADER compound of sentences naming the actor")
    ax.set_title(f"Tone toward {actor}{note}")
    return fig
