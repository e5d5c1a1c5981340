"""Shared dashboard pieces: a base class exposing controls by name, with downloads and saved
views, and the choosers of outlets and months."""

from __future__ import annotations

import functools
import html
import weakref
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import traitlets
from IPython.display import HTML, display

from ..index.axis import months
from ..index.groups import group_sizes
from .download import Download, csv_bytes, figure_bytes
from .views import ViewBar, open_view, save_view

ALL = "(all)"
LISTED = 100  # labels a Picker lists at once; a search box reaches the others


class Dashboard:
    """A dashboard: named `controls`, named `outputs` (Output widgets and `tables.Table`s), and
    a root `widget` to display, with `downloads` of its chart and a bar to save and open views.

    Tests drive it from Python: `dash.controls["outlet"].value = "Trend"`, then read
    `dash.outputs[...]` or the data attributes a subclass keeps (e.g. `dash.table`). A callback
    that fails shows its error in the dashboard (`message`, `error`), never only in the
    browser's console. A subclass names its `kind` (the name of its saved views and downloaded
    files) and says what its chart shows: `chart_data()`, the data behind the chart now, and
    `figure()`, the chart drawn from it by `workbench.plots` (PNG and SVG downloads). A chart
    to click (`clickable`) needs JavaScript the HTML report does not embed: the report shows
    `figure()` instead (`draw_snapshot`).
    """

    kind = "dashboard"
    clickable = False
    built: weakref.WeakSet = weakref.WeakSet()  # every dashboard of the session: `snapshot_charts`

    def __init__(self, controls: dict[str, widgets.Widget], outputs: dict[str, widgets.Widget],
                 layout: widgets.Widget | None = None, *, views: str | Path | None = None,
                 chart: bool = True):
        self.controls = controls
        self.outputs = outputs
        self.message = widgets.HTML()
        self.error: Exception | None = None  # the last callback's error, None after a success
        self.downloads = self._downloads() if chart else {}
        self.view_bar = ViewBar(self, Path(views) if views else None)
        body = layout or widgets.VBox([widgets.HBox(list(controls.values()),
                                                    layout={"flex_flow": "row wrap"}),
                                       *outputs.values()])
        bar = widgets.HBox([*self.downloads.values(), self.view_bar],
                           layout={"flex_flow": "row wrap", "justify_content": "space-between"})
        self.snapshot = widgets.Output(layout={"display": "none"})  # see `draw_snapshot`
        self.widget = widgets.VBox([self.message, bar, body, self.snapshot])
        Dashboard.built.add(self)

    def chart_data(self) -> pd.DataFrame:
        """The data behind the chart on show (its CSV download)."""
        return pd.DataFrame()

    def figure(self):
        """The chart on show drawn by `workbench.plots` (a matplotlib Figure), or None."""
        return None

    def draw_snapshot(self) -> None:
        """Draw the chart on show with matplotlib (`figure()`) into `snapshot`, an output the
        notebook never shows: the HTML report shows it instead of the chart to click, whose
        JavaScript it does not embed."""
        self.snapshot.clear_output()
        figure = self.figure()
        if figure is not None:
            with self.snapshot:
                display(figure)
            plt.close(figure)

    def _downloads(self) -> dict[str, Download]:
        """The chart's downloads: its data as CSV, the figure as PNG and SVG."""
        def drawn(fmt: str):
            def make() -> bytes:
                figure = self.figure()
                if figure is None:
                    raise ValueError("this view has no chart to download; its table has a CSV button")
                return figure_bytes(figure, fmt)
            return self.guarded(make)

        return {"csv": Download("chart data", f"{self.kind}-chart.csv",
                                self.guarded(lambda: csv_bytes(self.chart_data()))),
                "png": Download("PNG", f"{self.kind}-chart.png", drawn("png")),
                "svg": Download("SVG", f"{self.kind}-chart.svg", drawn("svg"))}

    def save_view(self, name: str) -> Path:
        """Save the controls as the view `name` (`<project>/views/<name>.json`); returns the file."""
        path = save_view(self.view_bar.folder, name, self.kind, self.controls)
        self.view_bar.list_views()
        return path

    def open_view(self, name: str) -> None:
        """Set every control as the view `name` saved them (`views.open_view`): what the app does
        for `?view=<name>`; a problem is raised (ViewError, FileNotFoundError)."""
        open_view(self, name, self.view_bar.folder)

    def guarded(self, callback):
        """`callback` that shows an error it raises in the dashboard instead of raising it."""
        @functools.wraps(callback)
        def run(*args, **kwargs):
            try:
                result = callback(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - any failure is shown, none is lost
                self.error = err
                self.message.value = ("<p style='color:#b00'><b>This change could not be shown: "
                                      f"</b>{html.escape(str(err) or type(err).__name__, quote=False)}</p>")
                return None
            self.error, self.message.value = None, ""
            return result
        return run

    def value(self, name: str):
        """The current value of the control called `name`."""
        return self.controls[name].value

    def show_html(self, output: str, markup: str) -> None:
        """Replace what the output called `output` shows with `markup` (already escaped)."""
        self.outputs[output].clear_output()
        with self.outputs[output]:
            display(HTML(markup))

    def observe(self, callback, names: tuple[str, ...] | None = None) -> None:
        """Call `callback(change)`, `guarded`, when any (or the named) control's value changes."""
        guarded = self.guarded(callback)
        for name, control in self.controls.items():
            if names is None or name in names:
                control.observe(guarded, names="value")

    def _ipython_display_(self) -> None:
        display(self.widget)


def snapshot_charts() -> None:
    """Every dashboard of the session with a chart to click draws its `snapshot` (what the
    report runs after a notebook's cells)."""
    for dash in list(Dashboard.built):
        if dash.clickable:
            dash.guarded(dash.draw_snapshot)()


class Picker(widgets.VBox):
    """A multiple choice among many labels (outlets): "(all …)" first, then the `listed` largest
    labels containing the search text, with the chosen ones always listed.

    `value` is the tuple of chosen labels, `(ALL,)` by default; `chosen()` turns it into a
    filter. Listing every label would not do: a corpus export can have 30,000 outlets, and
    ipywidgets validates a multiple selection in quadratic time.
    """

    value = traitlets.Tuple()

    def __init__(self, labels: pd.Series, *, description: str, listed: int = LISTED):
        self.counts = counts = group_sizes(labels)
        self._rank = {name: i for i, name in enumerate(self.counts.index)}
        self.listed = listed
        self._listing = False
        self.search = widgets.Text(placeholder=f"find among {len(counts):,}",
                                   continuous_update=False, layout={"width": "auto"})
        self.select = widgets.SelectMultiple(options=self._options((ALL,)), value=(ALL,),
                                             rows=5, description=description)
        super().__init__([self.select, self.search], value=(ALL,))
        self.search.observe(self._relist, names="value")
        self.select.observe(self._take, names="value")

    @property
    def options(self) -> tuple:
        """The (label, value) pairs listed now."""
        return self.select.options

    def shown(self) -> list[str]:
        """The labels listed now (the largest that match the search, and the chosen ones)."""
        return [v for _, v in self.options if v != ALL]

    def view_value(self) -> dict:
        """What a saved view keeps of the Picker: its search text and chosen labels."""
        return {"search": self.search.value, "value": list(self.value)}

    def restore_view(self, saved: dict) -> None:
        """Search and choose as a saved view kept them (`view_value`)."""
        self.search.value = saved["search"]
        self.value = tuple(saved["value"])

    def chosen(self) -> list[str] | None:
        """The chosen labels, or None when all are chosen (no filter)."""
        return None if ALL in self.value else list(self.value)

    def _options(self, keep: tuple) -> list[tuple[str, str]]:
        names = self.counts.index
        text = self.search.value.strip()
        match = names[names.str.contains(text, case=False, regex=False)] if text else names
        kept = {n for n in keep if n in self._rank}  # not ALL
        listed = [*kept, *[n for n in match[:self.listed + len(kept)] if n not in kept][:self.listed]]
        return [(f"(all {len(names):,})", ALL)] + [
            (f"{n} ({self.counts[n]:,})", n) for n in sorted(listed, key=self._rank.get)]

    @traitlets.validate("value")
    def _known(self, proposal):
        unknown = [v for v in proposal.value if v != ALL and v not in self.counts.index]
        if unknown:
            raise traitlets.TraitError(f"not among the labels: {unknown[:5]}")
        return tuple(proposal.value)

    @traitlets.observe("value")
    def _show(self, change) -> None:
        if tuple(self.select.value) != change.new:
            self._relist()

    def _relist(self, change=None) -> None:
        """List the options for the search text and the current choice (no value event)."""
        self._listing = True
        try:
            self.select.options = self._options(self.value)
            self.select.value = self.value
        finally:
            self._listing = False

    def _take(self, change) -> None:
        if not self._listing:
            self.value = change.new


class DateRange(widgets.SelectionRangeSlider):
    """A range of months over the corpus's dates (`workbench.index.months`); `bounds()` gives the
    (start, end) to select documents with, None for an end left at the corpus's edge."""

    def __init__(self, documents: pd.DataFrame, **kwargs):
        self.months = months(documents) or [None]
        super().__init__(options=[(str(m) if m else "(no dated documents)", m) for m in self.months],
                         index=(0, len(self.months) - 1), continuous_update=False,
                         description="dates", **kwargs)

    def bounds(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        first, last = self.value
        whole = (first, last) == (self.months[0], self.months[-1])
        return (None, None) if whole else (first.start_time, last.end_time)
