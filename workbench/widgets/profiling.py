"""Source-profiling dashboard: controls wired to the profiling functions, evidence on demand.

Everything is computed from the corpus tables once when the dashboard is built; controls only
choose, filter and re-draw. `dash.table` is the table on show and `dash.passages` the passages
of the chosen row, so tests can drive the dashboard from Python.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display

from .. import profiling
from ..corpus.corpus import Corpus
from ..index.passages import passages
from ..plots import profiling as plots
from .common import Dashboard, Picker, html_table, passages_html

VIEWS = [("Profile", "profile"), ("Distinctive words (keyness)", "keyness"),
         ("Naming lens", "naming"), ("Frames", "frames"), ("Voices", "voices"),
         ("Tone toward an actor", "tone")]
REST = "(rest of corpus)"


class ProfilingDashboard(Dashboard):
    """Profile, keyness, naming, frames, voices and tone of each outlet, with passages."""

    def __init__(self, corpus: Corpus, variants: pd.DataFrame, frames: dict, scores: pd.DataFrame,
                 said: pd.DataFrame):
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
        outputs = {name: widgets.Output() for name in ("table", "plot", "passages")}
        super().__init__(controls, outputs)
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
    def _current(self) -> tuple[pd.DataFrame, object]:
        c = {name: w.value for name, w in self.controls.items()}
        chosen = self.controls["outlet"].chosen()
        view = c["view"]
        if view == "keyness":
            ref = None if c["reference"] == REST else [c["reference"]]
            table = profiling.keyness_by_group(self.corpus, target=[c["target"]], reference=ref,
                                               min_freq=c["min_freq"])
            return table, plots.keyness_bars(table, c["target"])
        if view == "tone":
            table = profiling.tone_toward(self.corpus, self.actors[c["actor"]], self.scores,
                                          self.groups)
            table = _among(table, chosen)
            return table, plots.tone_bars(table, c["actor"])
        if view == "profile":
            table = _among(self.profile, chosen)
            return table, plots.profile_bars(table, c["metric"])
        if view == "naming":
            naming = _among(self.naming, chosen)
            return naming[naming["count"] > 0], plots.naming_heatmap(naming)
        if view == "frames":
            rates = _among(self.rates, chosen)
            table = rates if c["frame"] == "(all)" else rates[rates.frame == c["frame"]]
            return table, plots.frame_heatmap(rates)
        return _among(self.speakers, chosen), None

    def _refresh(self, change=None) -> None:
        with self.outputs["table"]:
            self.outputs["table"].clear_output(wait=True)
            table, fig = self._current()
            self.table = table.reset_index(drop=True)
            display(HTML(html_table(self.table)))
        with self.outputs["plot"]:
            self.outputs["plot"].clear_output(wait=True)
            if fig is not None:
                display(fig)
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
        with self.outputs["passages"]:
            self.outputs["passages"].clear_output(wait=True)
            i = self.controls["row"].value
            spans = self._spans(self.table.loc[i]) if i is not None else pd.DataFrame()
            cols = ["doc_id", "start", "end", *(["compound"] if "compound" in spans else [])]
            self.passages = (passages(self.corpus, spans[cols]) if len(spans)
                             else passages(self.corpus, pd.DataFrame(columns=cols)))
            display(HTML(passages_html(self.passages)))


def _among(table: pd.DataFrame, groups: list[str] | None) -> pd.DataFrame:
    """The rows of `table` for the chosen groups (all rows when `groups` is None)."""
    return table if groups is None else table[table.group.isin(groups)]


def profiling_dashboard(corpus: Corpus, *, variants: pd.DataFrame, frames: dict, scores: pd.DataFrame,
                        said: pd.DataFrame) -> ProfilingDashboard:
    """The source-profiling dashboard for a loaded corpus, given the project's name `variants`
    and `frames` (`Project.naming_variants()`, `Project.frames()`), the sentence tone `scores`
    (`profiling.sentence_tone`) and the quotations `said` (`profiling.voices`), computed once in the
    notebook and reused here."""
    return ProfilingDashboard(corpus, variants, frames, scores, said)
