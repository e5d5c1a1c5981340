"""Shared dashboard pieces: a base class exposing controls by name, and escaped HTML tables."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display


class Dashboard:
    """A dashboard: named `controls`, named `outputs`, and a root `widget` to display.

    Tests drive it from Python: `dash.controls["outlet"].value = "Trend"`, then read
    `dash.outputs[...]` or the data attributes a subclass keeps (e.g. `dash.table`).
    """

    def __init__(self, controls: dict[str, widgets.Widget], outputs: dict[str, widgets.Output],
                 layout: widgets.Widget | None = None):
        self.controls = controls
        self.outputs = outputs
        self.widget = layout or widgets.VBox([widgets.HBox(list(controls.values()),
                                                           layout={"flex_flow": "row wrap"}),
                                              *outputs.values()])

    def value(self, name: str):
        """The current value of the control called `name`."""
        return self.controls[name].value

    def show_html(self, output: str, markup: str) -> None:
        """Replace what the output called `output` shows with `markup` (already escaped)."""
        self.outputs[output].clear_output()
        with self.outputs[output]:
            display(HTML(markup))

    def observe(self, callback, names: tuple[str, ...] | None = None) -> None:
        """Call `callback(change)` when any (or the named) control's value changes."""
        for name, control in self.controls.items():
            if names is None or name in names:
                control.observe(callback, names="value")

    def _ipython_display_(self) -> None:
        display(self.widget)


def html_table(df: pd.DataFrame, *, max_rows: int = 50) -> str:
    """An HTML table of `df` with every cell escaped (article text is untrusted)."""
    shown = df.head(max_rows)
    note = f"<p><i>showing {len(shown)} of {len(df)} rows</i></p>" if len(df) > max_rows else ""
    return shown.to_html(index=False, escape=True, na_rep="—", border=0) + note


def passages_html(df: pd.DataFrame, *, max_rows: int = 30) -> str:
    """Passages (from `workbench.passages.passages`) as escaped HTML, the match in bold."""
    if df.empty:
        return "<p><i>No passages.</i></p>"
    items = []
    for row in df.head(max_rows).itertuples(index=False):
        date = "" if pd.isna(row.date) else pd.Timestamp(row.date).date().isoformat()
        head = " · ".join(html.escape(str(x)) for x in (row.doc_id, row.outlet, date)
                          if x is not None and not pd.isna(x) and str(x))
        items.append(f"<li><small>{head}</small><br>…{html.escape(row.left)} "
                     f"<b>{html.escape(row.match)}</b> {html.escape(row.right)}…</li>")
    more = f"<p><i>{len(df) - max_rows} more not shown</i></p>" if len(df) > max_rows else ""
    return "<ul>" + "".join(items) + "</ul>" + more
