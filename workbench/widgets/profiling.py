"""Source-profiling dashboard: controls wired to the profiling functions, evidence on demand.

Everything is computed from the corpus tables once when the dashboard is built; controls only
choose, filter and re-draw. `dash.table` is the table on show and `dash.passages` the passages
of the chosen row, so tests can drive the dashboard from Python; both are shown in a
`tables.Table` (`outputs["table"]`, `outputs["passages"]`), and the table is the chart's data.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from .. import profiling
from ..corpus.corpus import Corpus
from ..index.passages import passages
from ..plots import profiling as plots
from .common import Dashboard, Picker
from .tables import Table, passage_table

VIEWS = [("Profile", "profile"), ("Distinctive words (keyness)", "keyness"),
         ("Naming lens", "naming"), ("Frames", "frames"), ("Voices", "voices"),
         ("Tone toward an actor", "tone")]
REST = "(rest of corpus)"


class ProfilingDashboard(Dashboard):
    """Profile, keyness, naming, frames, voices and tone of each outlet, with passages."""

    kind = "profiling"

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
            "row": widgets.Dropdown(options=[], description="Passages of", style=style),
        }
        outputs = {"table": Table("profiling"), "plot": widgets.Output(),
                   "passages": Table("passages", right=("left",))}
        super().__init__(controls, outputs, views=views)
        self.observe(self._refresh, names=tuple(n for n in controls if n != "row"))
        self.observe(self._show_passages, names=("row",))
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
        view, data = self.value("view"), self.chart_data()
        if view == "keyness":
            return plots.keyness_bars(data, self.value("target"))
        if view == "tone":
            return plots.tone_bars(data, self.value("actor"))
        if view == "profile":
            return plots.profile_bars(data, self.value("metric"))
        if view == "naming":
            return plots.naming_heatmap(data)
        if view == "frames":
            return plots.frame_heatmap(data)
        return None

    def _refresh(self, change=None) -> None:
        self.table = self._current().reset_index(drop=True)
        self.outputs["table"].show(self.table, title=self.controls["view"].label)
        with self.outputs["plot"]:
            self.outputs["plot"].clear_output(wait=True)
            fig = self.figure()
            if fig is not None:
                display(fig)
                plt.close(fig)
        row = self.controls["row"]
        row.options = [(self._label(r), i) for i, r in self.table.head(200).iterrows()]
        row.value = 0 if len(self.table) else None
        self._show_passages()

    def _label(self, r: pd.Series) -> str:
        keys = [k for k in ("group", "term", "concept", "variant", "frame", "speaker") if k in r]
        return " · ".join(str(r[k]) for k in keys)

    # -- evidence ----------------------------------------------------------------------------
    def _spans(self, r: pd.Series) -> pd.DataFrame:
        """The spans behind one table row (filtering only; the spans were computed above)."""
        view = self.controls["view"].value
        docs = self.groups.index[self.groups == r.group]
        if view == "keyness":
            docs = self.groups.index[self.groups.isin(r.group.split(" + "))]
            return profiling.term_spans(self.corpus, r.term, docs)
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

    def _show_passages(self, change=None) -> None:
        i = self.controls["row"].value
        spans = self._spans(self.table.loc[i]) if i is not None else pd.DataFrame()
        cols = ["doc_id", "start", "end", *(["compound"] if "compound" in spans else [])]
        self.passages = (passages(self.corpus, spans[cols]) if len(spans)
                         else passages(self.corpus, pd.DataFrame(columns=cols)))
        self.outputs["passages"].show(passage_table(self.passages),
                                      title=f"Passages of {self._label(self.table.loc[i])}"
                                      if i is not None else "Passages")


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
