"""Source-profiling dashboard: controls wired to the profiling functions, evidence on a click.

Everything is computed from the corpus tables once when the dashboard is built; controls only
choose, filter and re-draw. The chart is a plotly `FigureWidget` (`chart`): a click on a bar
(`click_bar`) or a heatmap cell (`click_cell`) opens the passages it counted, as choosing the
`point` does. `dash.table` is the table on show and `dash.passages` the passages of the point,
so tests can drive the dashboard from Python; both are shown in a `tables.Table`
(`outputs["table"]`, `outputs["passages"]`), and the table is the chart's data.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from .. import profiling
from ..corpus.corpus import Corpus
from ..index.passages import passages
from ..plots import interactive
from ..plots import profiling as plots
from .common import Dashboard, Picker
from .points import ChartPoint
from .tables import Table, passage_table

VIEWS = [("Profile", "profile"), ("Distinctive words (keyness)", "keyness"),
         ("Naming lens", "naming"), ("Frames", "frames"), ("Voices", "voices"),
         ("Tone toward an actor", "tone")]
REST = "(rest of corpus)"
#: per view with a chart: the control the chart is of (or None), its figure
#: (`workbench.plots.profiling`) and its figure to click (`workbench.plots.interactive`)
CHARTS = {
    "keyness": ("target", plots.keyness_bars, interactive.keyness_figure),
    "tone": ("actor", plots.tone_bars, interactive.tone_figure),
    "profile": ("metric", plots.profile_bars, interactive.profile_figure),
    "naming": (None, plots.naming_heatmap,
               lambda data: interactive.naming_figure(plots.naming_pivot(data))),
    "frames": (None, plots.frame_heatmap,
               lambda data: interactive.frame_figure(plots.frame_pivot(data))),
}
#: what the `point` of each view names: its parts (a bar's label; a cell's row and column)
PARTS = {"profile": ("outlet",), "tone": ("outlet",), "keyness": ("word",),
         "naming": ("outlet", "name"), "frames": ("outlet", "frame"),
         "voices": ("outlet", "speaker")}


class ProfilingDashboard(Dashboard):
    """Profile, keyness, naming, frames, voices and tone of each outlet, with passages."""

    kind = "profiling"
    clickable = True

    def __init__(self, corpus: Corpus, variants: pd.DataFrame, frames: dict, scores: pd.DataFrame,
                 said: pd.DataFrame, *, views: str | Path | None = None):
        self.corpus = corpus
        self.groups = profiling.groups(corpus)
        self.scores = scores
        self.voices = said
        self.profile = profiling.profile(corpus, self.voices, self.scores)
        self.names = profiling.variant_matches(corpus, variants)
        self.naming = profiling.naming_table(self.names, variants, self.groups)
        self.frame_spans = profiling.frame_matches(corpus, frames)
        self.rates = profiling.frame_rates(self.frame_spans, corpus.documents, self.groups,
                                           list(frames))
        self.speakers = profiling.speakers(self.voices, self.groups)
        self.actors = profiling.actor_aliases(variants)
        self.table = pd.DataFrame()
        self.passages = pd.DataFrame()
        picker = Picker(self.groups, description="Outlets")
        labels = picker.shown()
        metrics = [c for c in self.profile.columns if self.profile[c].dtype.kind in "fi"]
        style = {"description_width": "initial"}
        controls = {
            "view": widgets.Dropdown(options=VIEWS, value="profile", description="Show"),
            "outlet": picker,
            "metric": widgets.Dropdown(options=metrics, value="tone_mean", description="Metric"),
            "target": widgets.Dropdown(options=labels, description="Keyness of", style=style),
            "reference": widgets.Dropdown(options=[REST, *labels], description="against"),
            "min_freq": widgets.BoundedIntText(value=3, min=1, max=1000, description="Min freq",
                                             continuous_update=False),
            "frame": widgets.Dropdown(options=["(all)", *frames], description="Frame"),
            "actor": widgets.Dropdown(options=list(self.actors),
                                      value="russia" if "russia" in self.actors else None,
                                      description="Actor"),
            "point": ChartPoint("passages of (or click the chart):"),
        }
        self.chart = go.FigureWidget()
        self.chart._config = interactive.CONFIG
        outputs = {"table": Table("profiling"), "plot": widgets.Box([self.chart]),
                   "passages": Table("passages", right=("left",))}
        super().__init__(controls, outputs, views=views)
        self._click = self.guarded(self._on_click)
        self._settling = False
        self.observe(self._refresh, names=tuple(n for n in controls if n != "point"))
        self.observe(self._show_passages, names=("point",))
        picker.search.observe(self.guarded(self._list_groups), names="value")
        self._refresh()

    def _list_groups(self, change=None) -> None:
        """Offer the groups the outlet search lists now for keyness too."""
        shown = self.controls["outlet"].shown()
        for name, extra in (("target", []), ("reference", [REST])):
            keep = self.value(name)
            self.controls[name].options = [*extra, *shown, *([keep] if keep not in shown + extra
                                                              else [])]
            self.controls[name].value = keep

    # -- tables ----------------------------------------------------------------------------
    def _current(self) -> pd.DataFrame:
        """The table of the view chosen, for the outlets chosen."""
        c = {name: w.value for name, w in self.controls.items()}
        chosen = self.controls["outlet"].chosen()
        view = c["view"]
        if view == "keyness":
            ref = None if c["reference"] == REST else [c["reference"]]
            return profiling.keyness_by_group(self.corpus, target=[c["target"]], reference=ref,
                                              min_freq=c["min_freq"])
        if view == "tone":
            return _among(profiling.tone_toward(self.corpus, self.actors[c["actor"]], self.scores,
                                                self.groups), chosen)
        if view == "profile":
            return _among(self.profile, chosen)
        if view == "naming":
            naming = _among(self.naming, chosen)
            return naming[naming["count"] > 0]
        if view == "frames":
            rates = self._rates()
            return rates if c["frame"] == "(all)" else rates[rates.frame == c["frame"]]
        return _among(self.speakers, chosen)

    def _rates(self) -> pd.DataFrame:
        """The frame rates of the chosen outlets, every frame (the heatmap's data)."""
        return _among(self.rates, self.controls["outlet"].chosen())

    def chart_data(self) -> pd.DataFrame:
        """The data the chart draws: the table on show; every frame's rates for the heatmap, and
        every variant of the chosen outlets, even those never used, for the naming heatmap."""
        view = self.value("view")
        if view == "frames":
            return self._rates().reset_index(drop=True)
        if view == "naming":
            return _among(self.naming, self.controls["outlet"].chosen()).reset_index(drop=True)
        return self.table

    def figure(self):
        """The chart of the view chosen, drawn by `workbench.plots.profiling` from
        `chart_data()`; None for the voices, which have no chart."""
        return self._chart(static=True)

    def _clickable(self) -> go.Figure:
        """The chart of the view chosen to click (`workbench.plots.interactive`), drawn from
        `chart_data()`; an empty one for the voices."""
        chart = self._chart(static=False)
        return go.Figure() if chart is None else chart  # voices: the point is in the table

    def _chart(self, *, static: bool):
        """The view's chart as `CHARTS` draws it (static or to click); None for the voices."""
        view = self.value("view")
        if view not in CHARTS:
            return None
        control, drawn, clickable = CHARTS[view]
        args = (self.value(control),) if control else ()
        return (drawn if static else clickable)(self.chart_data(), *args)

    def _refresh(self, change=None) -> None:
        self.table = self._current().reset_index(drop=True)
        self.outputs["table"].show(self.table, title=self.controls["view"].label)
        interactive.show_in(self.chart, self._clickable(), self._click)
        self.outputs["plot"].layout.display = "none" if self.value("view") == "voices" else None
        self._settling = True  # the passages are shown once, below, even if the point stays
        try:
            self.controls["point"].offer(self._choices())
        finally:
            self._settling = False
        self._show_passages()

    def _choices(self) -> list[tuple[str, list[tuple[str, object]]]]:
        """The `point`'s parts and what each offers: what the chart draws (the voices: the
        table's outlets and speakers)."""
        view, parts = self.value("view"), PARTS[self.value("view")]
        if view in ("naming", "frames"):
            pivot = (plots.naming_pivot if view == "naming" else plots.frame_pivot)(self.chart_data())
            rows, _ = plots.heatmap_rows(pivot)
            columns = [(plots.column_label(c), c) for c in pivot.columns]
            return [(parts[0], [(str(r), r) for r in rows.index]), (parts[1], columns)]
        if view == "voices":
            return [(parts[0], _listed(self.table.group)), (parts[1], _listed(self.table.speaker))]
        return [(parts[0], [(bar, bar) for bar in interactive.bar_labels(self.chart)])]

    def _on_click(self, trace, points, state=None) -> None:
        key = interactive.clicked(trace, points)
        if key is None:
            return
        if len(key) == 1:
            self.click_bar(key[0])
        else:
            self.click_cell(key[0], tuple(key[1:]) if len(key) > 2 else key[1])

    def click_bar(self, label: str) -> None:
        """Open the passages of a bar: an outlet of the profile or tone chart, a word of the
        keyness chart (its occurrences in the target's documents); what a click on it does."""
        self.controls["point"].value = (label,)

    def click_cell(self, row: str, column) -> None:
        """Open the passages of a heatmap cell: `row` an outlet, `column` a frame (frames) or a
        (concept, variant) pair (naming); for the voices, `column` is a speaker. What a click
        on the cell does."""
        self.controls["point"].value = (row, column)

    # -- evidence ----------------------------------------------------------------------------
    def _spans(self, r: pd.Series) -> pd.DataFrame:
        """The spans behind one table row (filtering only; the spans were computed above)."""
        view = self.controls["view"].value
        docs = self.groups.index[self.groups == r.group]
        if view == "keyness":
            spans = profiling.term_spans(self.corpus, r.term)  # then its group's, by a lookup
            rows = self.groups.index.get_indexer(spans.doc_id)
            group = pd.Series(self.groups.to_numpy()[rows]).where(rows >= 0)
            return spans[group.isin(r.group.split(" + ")).to_numpy()]
        if view == "naming":
            n = self.names
            return n[n.doc_id.isin(docs) & (n.concept == r.concept) & (n.variant == r.variant)]
        if view == "frames":
            f = self.frame_spans
            return f[f.doc_id.isin(docs) & (f.frame == r.frame)]
        if view == "voices":
            return profiling.speaker_voices(self.voices, docs, r.speaker)
        if view == "tone":
            m = profiling.actor_mentions(self.corpus, self.actors[self.controls["actor"].value],
                                         self.scores)
            return m[m.doc_id.isin(docs)].sort_values("compound")
        return profiling.extreme_sentences(self.scores, docs, n=3)

    def _key(self) -> pd.Series | None:
        """The point as the table row it stands for (group, term, concept, variant, frame or
        speaker), or None."""
        point, view = self.value("point"), self.value("view")
        if point is None:
            return None
        if view == "keyness":
            return pd.Series({"group": self.value("target"), "term": point[0]})
        if view == "naming":
            return pd.Series({"group": point[0], "concept": point[1][0], "variant": point[1][1]})
        column = {"frames": "frame", "voices": "speaker"}.get(view)
        return pd.Series({"group": point[0], **({column: point[1]} if column else {})})

    def _show_passages(self, change=None) -> None:
        if self._settling:
            return
        key = self._key()
        spans = self._spans(key) if key is not None else pd.DataFrame()
        cols = ["doc_id", "start", "end", *(["compound"] if "compound" in spans else [])]
        self.passages = (passages(self.corpus, spans[cols]) if len(spans)
                         else passages(self.corpus, pd.DataFrame(columns=cols)))
        labels = self.controls["point"].labels()
        self.outputs["passages"].show(
            passage_table(self.passages),
            title=f"Passages of {' · '.join(labels)}" if labels
            else "Passages: click a bar or a cell of the chart (or choose it above)")


def _listed(values: pd.Series) -> list[tuple[str, str]]:
    """Each distinct value once, in order, as a dropdown's choices."""
    return [(str(v), v) for v in dict.fromkeys(values)]


def _among(table: pd.DataFrame, groups: list[str] | None) -> pd.DataFrame:
    """The rows of `table` for the chosen groups (all rows when `groups` is None)."""
    return table if groups is None else table[table.group.isin(groups)]


def profiling_dashboard(corpus: Corpus, *, variants: pd.DataFrame, frames: dict, scores: pd.DataFrame,
                        said: pd.DataFrame, views: str | Path | None = None) -> ProfilingDashboard:
    """The source-profiling dashboard for a loaded corpus, given the project's name `variants`
    and `frames` (`Project.naming_variants()`, `Project.frames()`), the sentence tone `scores`
    (`profiling.sentence_tone`) and the quotations `said` (`profiling.voices`), computed once in the
    notebook and reused here; saved views are kept in `views` (default `<project>/views`)."""
    return ProfilingDashboard(corpus, variants, frames, scores, said, views=views)
