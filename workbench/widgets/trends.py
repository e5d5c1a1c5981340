"""Keyword-trends dashboard: wires controls to `workbench.trends` (frequency, KWIC, periods) and
the trend plots.

It keeps the last results as data (`table`, `kwic`, `passages`, `change`) so tests can read
them; each is shown in a `tables.Table` of `outputs` (the chart's data, `table`, is its CSV).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from ..corpus.corpus import Corpus
from ..corpus.dates import date_label
from ..index.axis import FREQ, select_documents
from ..index.groups import group_labels
from ..index.passages import passages
from ..index.query import Query, as_queries
from ..plots.trends import plot_trend
from ..trends.concordance import kwic
from ..trends.frequency import point_spans, term_frequency
from ..trends.periods import compare_periods
from .common import Dashboard, DateRange, Picker
from .tables import Table, passage_table

NORMALISATIONS = [("raw counts", "count"), ("per 10k tokens", "rel_freq"),
                  ("share of documents", "doc_share")]
KWIC_SHOWN = ["date", "outlet", "left", "match", "right", "doc_id"]
TOP = 20  # outlets with most tokens that get their own series; the rest are added up


class TrendsDashboard(Dashboard):
    """Frequency of a query over time per outlet, its concordance, and the passages of a point."""

    kind = "trends"

    def __init__(self, corpus: Corpus, *, groups: Mapping[str, Query], events: pd.DataFrame,
                 terms: str = "peacekeep*", views: str | Path | None = None):
        self.corpus = corpus
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
            "point": w.Dropdown(options=[("(choose a point)", None)], description="passages of"),
            "change_at": w.Dropdown(options=cuts, description="change at"),
        }
        outputs = {"plot": w.Output(), "excluded": Table("excluded-documents"),
                   "kwic": Table("concordance", right=("left",)),
                   "passages": Table("passages", right=("left",)), "change": Table("change")}
        super().__init__(controls, outputs, views=views)
        self.table = self.kwic = self.passages = self.change = pd.DataFrame()
        self.queries: list[Query] = []
        self.observe(self._refresh, ("terms", "group", "by", "split", "outlets", "dates", "stem",
                                     "compounds"))
        self.observe(self._draw, ("normalise", "events"))
        self.observe(self._refresh_kwic, ("window", "sort"))
        self.observe(self._show_point, ("point",))
        self.observe(self._show_change, ("change_at", "outlets"))
        self._refresh()

    def _selection(self) -> pd.Index:
        start, end = self.controls["dates"].bounds()
        return select_documents(
            self.corpus, outlets=self.controls["outlets"].chosen(), start=start, end=end)

    def _matching(self) -> dict:
        """How query words match: by stem, and inside hyphenated words."""
        return {"stem": self.value("stem"), "compounds": self.value("compounds")}

    def _refresh(self, change=None) -> None:
        extra = [f"@{self.value('group')}"] if self.value("group") else []
        text = self.value("terms")
        self.queries = as_queries([text, *extra] if text.strip() else extra, groups=self.groups)
        self.table = term_frequency(self.corpus, self.queries, by=self.value("by"),
                                    split=self.value("split") or None, docs=self._selection(),
                                    **self._matching(), top=TOP)
        self._draw()
        self.outputs["excluded"].show(self.table.attrs["excluded"], title="Not on the time axis")
        freq = FREQ[self.value("by")]
        found = self.table[self.table["count"] > 0]
        self.controls["point"].options = [("(choose a point)", None)] + [
            (f"{r.term} · {pd.Period(r.period, freq=freq)} · {r.group} ({r.count})",
             (r.term, r.period, r.group)) for r in found.itertuples()]
        self._refresh_kwic()

    def _draw(self, change=None) -> None:
        self.outputs["plot"].clear_output(wait=True)
        with self.outputs["plot"]:
            if self.table.empty:
                print("No dated documents in the selection.")
                return
            fig = self.figure()
            display(fig)
            plt.close(fig)

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
        total = self.kwic.attrs["total"]
        count = (f"{total:,} matches" if total == len(self.kwic) else
                 f"{total:,} matches; kept the first {len(self.kwic):,} in this order, "
                 "narrow the terms, outlets or dates to reach the others")
        self.outputs["kwic"].show(self.kwic[KWIC_SHOWN], title=f"Concordance ({count})")

    def _show_point(self, change=None) -> None:
        point = self.value("point")
        if point is None:
            self.passages = pd.DataFrame()
            self.outputs["passages"].show(self.passages, title="")
            return
        term, period, group = point
        query = next(q for q in self.queries if q.label == term)
        spans = point_spans(self.corpus, query, period=period, group=group,
                            by=self.value("by"), split=self.value("split") or None,
                            docs=self._selection(), **self._matching(), top=TOP)
        self.passages = passages(self.corpus, spans)
        self.outputs["passages"].show(passage_table(self.passages), title="Passages of the point")

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
                     terms: str = "peacekeep*", views: str | Path | None = None) -> TrendsDashboard:
    """The keyword-trends dashboard for `corpus`, given the project's keyword `groups` and
    `events` (`Project.keyword_groups()`, `Project.events()`) and the `terms` to start with;
    saved views are kept in `views` (default `<project>/views`)."""
    return TrendsDashboard(corpus, groups=groups, events=events, terms=terms, views=views)
