"""Keyword-trends dashboard: wires controls to `workbench.trends` (frequency, KWIC, periods) and
the trend charts.

The chart is a plotly `FigureWidget` (`chart`): a click on a point opens the concordance of
exactly that point's matches (`click_point`), a switch widens it to the whole selection, and a
click on a concordance row opens its document. It keeps the last results as data (`table`,
`kwic`, `concordance`, `change`) so tests can read them; each is shown in a `tables.Table` of
`outputs` (the chart's data, `table`, is its CSV; `figure()` draws it with matplotlib for the
PNG and SVG downloads).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..corpus.corpus import Corpus
from ..corpus.dates import date_label
from ..index.axis import FREQ, select_documents
from ..index.groups import group_labels
from ..index.query import Query, as_queries
from ..plots.interactive import CONFIG, clicked, period_label, show_in, trend_figure
from ..plots.trends import plot_trend
from ..trends.concordance import kwic
from ..trends.frequency import point_documents, term_frequency
from ..trends.periods import compare_periods
from .common import Dashboard, DateRange, Picker
from .corpus import document_html, document_metadata
from .points import ChartPoint
from .tables import Table

NORMALISATIONS = [("raw counts", "count"), ("per 10k tokens", "rel_freq"),
                  ("share of documents", "doc_share")]
SCOPES = [("this point", "point"), ("the whole selection", "selection")]
KWIC_SHOWN = ["date", "outlet", "left", "match", "right", "doc_id"]
TOP = 20  # outlets with most tokens that get their own series by default; the rest are added up


class TrendsDashboard(Dashboard):
    """Frequency of a query over time per outlet, its concordance (of a point or of the whole
    selection), the documents behind it, and what changed after a date."""

    kind = "trends"
    clickable = True

    def __init__(self, corpus: Corpus, *, groups: Mapping[str, Query], events: pd.DataFrame,
                 terms: str = "peacekeep*", top: int = TOP, views: str | Path | None = None):
        self.corpus = corpus
        self.top = top
        self.groups = dict(groups)
        self.events = events
        docs = corpus.documents
        dates = DateRange(docs)
        w = widgets
        cuts = [("(no comparison)", None)] + [
            (f"{date_label(e.date, e.date_precision)} {e.label}", e.date)
            for e in self.events.itertuples()] + [
            (f"{m} (start)", m.start_time) for m in dates.months if m is not None]
        controls = {
            "terms": w.Text(value=terms, description="terms", continuous_update=False,
                            placeholder="peacekeep*, strategic partnership, @alliance"),
            "group": w.Dropdown(options=[("(no keyword group)", "")] + [
                (name, name) for name in self.groups], description="group"),
            "by": w.Dropdown(options=[(g, g) for g in FREQ], value="month", description="per"),
            "normalise": w.ToggleButtons(options=NORMALISATIONS, value="rel_freq"),
            "split": w.Dropdown(options=[("by outlet", "outlet"), ("all outlets together", "")],
                                description="lines"),
            "outlets": Picker(group_labels(docs, "outlet"), description="outlets"),
            "dates": dates,
            "events": w.Checkbox(value=True, description="event markers"),
            "window": w.IntSlider(value=5, min=1, max=20, description="context",
                                  continuous_update=False),
            "sort": w.Dropdown(options=[("by position", "position"), ("by left word", "left"),
                                        ("by right word", "right")], description="KWIC sort"),
            "stem": w.Checkbox(value=False, description="stem words"),
            "compounds": w.Checkbox(value=True, description="inside hyphenated words"),
            "point": ChartPoint("point (or click one):"),
            "scope": w.ToggleButtons(options=SCOPES, value="selection",
                                     description="concordance of"),
            "document": w.Text(description="document", continuous_update=False,
                               placeholder="a doc_id, or click a concordance row"),
            "change_at": w.Dropdown(options=cuts, description="change at"),
        }
        self.chart = go.FigureWidget()
        self.chart._config = CONFIG
        self.lines = widgets.HTML()
        outputs = {"chart": self.chart, "excluded": Table("excluded-documents"),
                   "concordance": Table("concordance", right=("left",), select=True),
                   "document": Table("document-metadata", title="Document"),
                   "lines": self.lines, "change": Table("change")}
        super().__init__(controls, outputs, views=views)
        self.table = self.kwic = self.concordance = self.change = pd.DataFrame()
        self.queries: list[Query] = []
        self._settling = False
        self.observe(self._refresh, ("terms", "group", "by", "split", "outlets", "dates", "stem",
                                     "compounds"))
        self.observe(self._draw, ("normalise", "events"))
        self.observe(self._refresh_kwic, ("window", "sort"))
        self.observe(self._show_concordance, ("point", "scope"))
        self.observe(self._show_document, ("document",))
        self.observe(self._show_change, ("change_at", "outlets"))
        self.outputs["concordance"].on_select(
            self.guarded(lambda row: setattr(self.controls["document"], "value", row.doc_id)))
        self._click = self.guarded(self._on_click)
        self._refresh()

    def _selection(self) -> pd.Index:
        start, end = self.controls["dates"].bounds()
        return select_documents(
            self.corpus, outlets=self.controls["outlets"].chosen(), start=start, end=end)

    def _matching(self) -> dict:
        """How query words match: by stem, and inside hyphenated words."""
        return {"stem": self.value("stem"), "compounds": self.value("compounds")}

    def _counting(self) -> dict:
        """How the trend table counts: per period, split, in the selection, top groups."""
        return {"by": self.value("by"), "split": self.value("split") or None,
                "docs": self._selection(), "top": self.top}

    def _refresh(self, change=None) -> None:
        extra = [f"@{self.value('group')}"] if self.value("group") else []
        text = self.value("terms")
        self.queries = as_queries([text, *extra] if text.strip() else extra, groups=self.groups)
        self.table = term_frequency(self.corpus, self.queries, **self._counting(),
                                    **self._matching())
        self._draw()
        self.outputs["excluded"].show(self.table.attrs["excluded"], title="Not on the time axis")
        by = self.value("by")
        self._settling = True  # the concordance is shown once, below
        try:
            self.controls["point"].offer([
                ("term", [(q.label, q.label) for q in self.queries]),
                ("period", [(period_label(p, by), p)
                            for p in pd.DatetimeIndex(self.table.period.unique())]),
                ("group", [(g, g) for g in self.table.group.unique()])])
        finally:
            self._settling = False
        self._refresh_kwic()

    def _draw(self, change=None) -> None:
        """Show the trend in the chart, in place."""
        figure = trend_figure(self.table, by=self.value("by"), value=self.value("normalise"),
                              events=self.events if self.value("events") else None)
        show_in(self.chart, figure, self._click)

    def _on_click(self, trace, points, state=None) -> None:
        key = clicked(trace, points)
        if key is not None:
            self.click_point(*key)

    def click_point(self, term: str, period, group: str) -> None:
        """Open the concordance of one point of the chart: the matches of `term` in the
        documents of `period` (its first day, e.g. "2023-09-01" or a Timestamp) and `group`
        (an outlet, "all", or "(other groups)"); what a click on the point does."""
        self._settling = True
        try:
            self.controls["point"].value = (term, pd.Timestamp(period), group)
            self.controls["scope"].value = "point"
        finally:
            self._settling = False
        self._show_concordance()

    def chart_data(self) -> pd.DataFrame:
        """The trend table drawn: per term, period and group, the counts and their rates."""
        return self.table

    def figure(self):
        """The trend as `workbench.plots.trends.plot_trend` draws it, None with no dated document."""
        if self.table.empty:
            return None
        return plot_trend(self.table, value=self.value("normalise"),
                          events=self.events if self.value("events") else None)

    def _refresh_kwic(self, change=None) -> None:
        self.kwic = kwic(self.corpus, self.queries, window=self.value("window"),
                         sort=self.value("sort"), docs=self._selection(),
                         **self._matching())
        self._show_concordance()

    def _point_kwic(self) -> tuple[pd.DataFrame, str]:
        """The concordance of the chosen point and its caption: "term · period · group: N
        matches in D documents"."""
        term, period, group = self.value("point")
        query = next(q for q in self.queries if q.label == term)
        counting = self._counting()
        docs = point_documents(self.corpus, period=period, group=group, **counting)
        rows = kwic(self.corpus, [query], window=self.value("window"), sort=self.value("sort"),
                    docs=docs, **self._matching())
        total = rows.attrs["total"]
        cell = self.table[(self.table.term == term) & (self.table.period == period)
                          & (self.table.group == group)]
        documents = int(cell.documents.iloc[0]) if len(cell) else rows.doc_id.nunique()
        kept = "" if total == len(rows) else f"; kept the first {len(rows):,} in this order"
        label = period_label(period, counting["by"])
        return rows, f"{term} · {label} · {group}: {total:,} matches in {documents:,} documents{kept}"

    def _show_concordance(self, change=None) -> None:
        """Show the concordance of the point or of the whole selection, as the switch says."""
        if self._settling:
            return
        if self.value("scope") == "selection":
            self.concordance = self.kwic
            total = self.kwic.attrs["total"]
            count = (f"{total:,} matches" if total == len(self.kwic) else
                     f"{total:,} matches; kept the first {len(self.kwic):,} in this order, "
                     "narrow the terms, outlets or dates to reach the others")
            title = f"Concordance ({count})"
        elif self.value("point") is None:
            self.concordance = self.kwic.iloc[:0]
            title = "Concordance of a point: click one on the chart (or choose it above)"
        else:
            self.concordance, title = self._point_kwic()
        self.outputs["concordance"].show(self.concordance[KWIC_SHOWN], title=title)

    def _show_document(self, change=None) -> None:
        """Show the chosen document: its metadata, clean text and removed lines."""
        doc_id = self.value("document").strip()
        if doc_id and not (self.corpus.documents.doc_id == doc_id).any():
            raise ValueError(f"no document {doc_id!r} in this corpus")
        metadata = document_metadata(self.corpus, doc_id) if doc_id else pd.DataFrame()
        self.outputs["document"].show(metadata, title=f"Document {doc_id}" if doc_id else "")
        self.lines.value = document_html(self.corpus, doc_id) if doc_id else ""

    def _show_change(self, change=None) -> None:
        at = self.value("change_at")
        if at is None:
            self.change = pd.DataFrame()
            self.outputs["change"].show(self.change, title="")
            return
        self.change = compare_periods(self.corpus, at, docs=self._selection())
        after = self.controls["change_at"].label  # the cut as precisely as chosen
        self.outputs["change"].show(
            self.change, title=f"Rising (over) and falling (under) after {after}")


def trends_dashboard(corpus: Corpus, *, groups: Mapping[str, Query], events: pd.DataFrame,
                     terms: str = "peacekeep*", top: int = TOP,
                     views: str | Path | None = None) -> TrendsDashboard:
    """The keyword-trends dashboard for `corpus`, given the project's keyword `groups` and
    `events` (`Project.keyword_groups()`, `Project.events()`) and the `terms` to start with;
    the `top` outlets with most tokens get a line each, the others are added up as "(other
    groups)"; saved views are kept in `views` (default `<project>/views`)."""
    return TrendsDashboard(corpus, groups=groups, events=events, terms=terms, top=top,
                           views=views)
