"""Actor-network dashboard: wires controls to `workbench.actors` (mentions) and
`workbench.networks` (build, metrics, export) and the network plots, and lets the researcher
review discovered actors: confirm one (under its name or another), merge it into a listed actor,
or reject it; decisions are written to the project's data files (`actors.confirm_actor`,
`actors.reject_actor`).

The network is drawn on an interactive canvas (`network_canvas.NetworkCanvas`: pan, zoom,
search): a click on a node lists the actor's links, a click on an edge the sentences behind it.
A click sets the same controls a researcher can set with the keyboard, an actor's name typed in
`actor` and one of its neighbours chosen in `linked to` (`click_node`, `click_edge`); the actors
keep their places when the filters change (`pos`). The static figure, as the PNG and SVG
downloads draw it, is kept folded below the canvas (and is what the HTML report shows).

It keeps its last results as data (`mentions`, `graph`, `table`, `edges`, `evidence`,
`exported`, `discovered`, `candidate`, `decision`) so tests and notebooks can read them;
`table.attrs["among"]` says when the centrality table covers only the most mentioned actors.
The tables are `tables.Table`s in `outputs`; the downloads give the drawn network's edges (the
chart's data), its figure, and the whole network as GEXF and GraphML with its settings.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from ..actors.mentions import find_mentions
from ..actors.review import confirm_actor, discovered_actors, discovered_passages, reject_actor
from ..corpus.corpus import Corpus
from ..index.groups import outlet_of
from ..networks.build import UNITS, build_network, evidence
from ..networks.export import export_network
from ..networks.metrics import ego_network, metrics
from ..plots.networks import draw_network, most_mentioned, network_layout
from ..project import Project
from ..project.inputs import TYPES
from .common import Dashboard, DateRange, Picker
from .download import Download
from .network_canvas import NetworkCanvas
from .tables import Table, passage_table

WHOLE = ""  # no focus actor: the whole network
#: actors whose centrality the table gives: betweenness on all 15,000 actors of a million items
#: took a minute a change; the 1,000 most mentioned take a second (`networks.metrics` on a
#: whole network stays exact)
METRIC_ACTORS = 1_000
NEW = "(a new actor)"
NO_NEIGHBOUR = ("(choose a linked actor)", None)
EDGE_TABLE = ["actor", "linked to", "type", "weight", "count", "pmi", "jaccard"]


class NetworksDashboard(Dashboard):
    """Who is put next to whom: the network, its metrics, and the passages behind an edge."""

    kind = "networks"

    def __init__(self, corpus: Corpus, *, project: Project, export_folder: str | Path | None = None,
                 mentions: pd.DataFrame | None = None, views: str | Path | None = None):
        self.corpus = corpus
        self.project = project
        self.actors = project.actors()
        self.discovery = project.discovery()
        self.export_folder = Path(export_folder or project.reports / "networks")
        self._mentions: dict[tuple[bool, bool, bool], pd.DataFrame] = {}
        if mentions is not None:  # found already, with the project's inputs: kept for its switches
            settings = mentions.attrs["settings"]
            self._mentions[settings["adjectives"], settings["metonyms"],
                           settings["discovered"]] = mentions
        self.pos: dict = {}
        w = widgets
        controls = {
            "unit": w.Dropdown(options=[(u, u) for u in UNITS], value="sentence",
                               description="unit"),
            "window": w.IntSlider(value=10, min=2, max=50, description="window (tokens)",
                                  continuous_update=False),
            "weight": w.Dropdown(options=[("count", "count"), ("PMI", "pmi"),
                                          ("Jaccard", "jaccard")], description="weight"),
            "min_weight": w.FloatText(value=1, description="min weight"),
            "outlets": Picker(outlet_of(corpus.documents), description="outlets"),
            "dates": DateRange(corpus.documents),
            "types": w.SelectMultiple(options=TYPES, value=TYPES, rows=5, description="types"),
            "adjectives": w.Checkbox(value=True, description="adjectives (Russian → Russia)"),
            "metonyms": w.Checkbox(value=True, description="metonyms (Kremlin → Russia)"),
            "discovered": w.Checkbox(value=True, description="discovered actors"),
            "focus": w.Text(value=WHOLE, description="focus actor", continuous_update=False,
                            placeholder="(whole network) or an actor's name"),
            "actor": w.Text(description="actor", placeholder="an actor's name, or click a node",
                            continuous_update=False),
            "neighbour": w.Dropdown(options=[NO_NEIGHBOUR], description="linked to"),
            "export": w.Button(description="export network", icon="download"),
            "candidate": w.Dropdown(options=[("(no discovered actor)", None)],
                                    description="discovered"),
            "name": w.Text(description="name"),
            "merge_into": w.Dropdown(options=[NEW], value=NEW, description="merge into"),
            "confirm": w.Button(description="confirm", icon="check"),
            "reject": w.Button(description="reject", icon="times"),
        }
        self.plot = w.Output()  # the static figure, as downloaded
        outputs = {"network": NetworkCanvas(self.guarded(self.click_node),
                                            self.guarded(self._edge_clicked)),
                   "edges": Table("actor-edges"), "evidence": Table("evidence", right=("left",)),
                   "metrics": Table("network-metrics"),
                   "figure": w.Accordion([self.plot], titles=("static figure (as downloaded)",),
                                         selected_index=None),
                   "export": w.Output(),
                   "candidate": Table("discovered-actor"),
                   "candidate_passages": Table("discovered-passages", right=("left",)),
                   "decision": w.Output()}
        super().__init__(controls, outputs, views=views or project.views)
        self.graph = self.drawn = None
        self.table = self.edges = self.evidence = pd.DataFrame()
        self.exported: dict = {}
        self.discovered = self.candidate = pd.DataFrame()
        self._listed_from: pd.DataFrame | None = None  # the mentions `discovered` was made from
        self.decision = ""  # what the last confirm or reject wrote
        self._quiet = False
        self._clicking = False  # a click sets the actor and its neighbour, then shows them once
        self._listing = False  # the neighbours are listed anew: their evidence is shown after
        self.observe(self._refresh, ("unit", "window", "weight", "min_weight", "outlets", "dates",
                                     "types", "adjectives", "metonyms", "discovered"))
        self.observe(self._draw, ("focus",))
        self.observe(self._show_actor, ("actor",))
        self.observe(self._show_edge, ("neighbour",))
        self.observe(self._show_candidate, ("candidate",))
        controls["export"].on_click(self.guarded(self._export))
        controls["confirm"].on_click(self.guarded(self._confirm))
        controls["reject"].on_click(self.guarded(self._reject))
        self._refresh()

    @property
    def mentions(self) -> pd.DataFrame:
        """Mentions for the current adjective/metonym switches (computed once per setting)."""
        key = (self.value("adjectives"), self.value("metonyms"), self.value("discovered"))
        if key not in self._mentions:
            self._mentions[key] = find_mentions(
                self.corpus, self.actors, adjectives=key[0], metonyms=key[1],
                discovery=self.discovery if key[2] else None)
        return self._mentions[key]

    def _filters(self) -> dict:
        start, end = self.controls["dates"].bounds()
        return {"unit": self.value("unit"), "window": self.value("window"),
                "outlets": self.controls["outlets"].chosen(), "start": start, "end": end}

    def _refresh(self, change=None) -> None:
        self.graph = build_network(self.corpus, self.mentions, **self._filters(),
                                   types=list(self.value("types")),
                                   min_weight=self.value("min_weight"),
                                   weight=self.value("weight"))
        among = most_mentioned(self.graph, METRIC_ACTORS)
        self.table = metrics(among)
        self.table.attrs["among"] = "" if among is self.graph else (
            f"among the {len(among):,} most mentioned of {len(self.graph):,} actors")
        scope = f" ({self.table.attrs['among']})" if self.table.attrs["among"] else ""
        self.outputs["metrics"].show(self.table.round(3),
                                     title=f"Who is most central, who bridges groups?{scope}")
        self._quiet = True
        if self._focus() not in self.graph:  # filtered out: the whole network again
            self.controls["focus"].value = WHOLE
        self._list_candidates()
        self._quiet = False
        self._draw()
        self._show_actor()
        self._show_candidate()

    def _draw(self, change=None) -> None:
        if self._quiet:
            return
        focus = self._focus()
        if focus != WHOLE and focus not in self.graph:
            raise ValueError(self._not_drawn(focus))
        self.drawn = self.graph if focus == WHOLE else ego_network(self.graph, focus)
        # only the drawn actors need places: laying out thousands took minutes on Current Events
        self.pos |= network_layout(most_mentioned(self.drawn), previous=self.pos)
        actor, neighbour = self.value("actor").strip(), self.value("neighbour")
        self.outputs["network"].draw(most_mentioned(self.drawn), self.pos, title=self._title(focus),
                                     node=None if neighbour else actor,
                                     edge=(actor, neighbour) if neighbour else None)
        self.plot.clear_output(wait=True)
        with self.plot:
            fig = self.figure()
            display(fig)
            plt.close(fig)

    # -- what a click shows ---------------------------------------------------------------
    def click_node(self, actor: str) -> None:
        """What a click on the actor's node does: list its links (`edges`) and its neighbours in
        `linked to`, as typing its name in `actor` does."""
        self._choose(actor, None)

    def click_edge(self, a: str, b: str) -> None:
        """What a click on the edge between `a` and `b` does: list `a`'s links and show the
        passages behind the edge (`evidence`), as choosing `a` then `b` in the controls does."""
        self._choose(a, b)

    def _edge_clicked(self, a: str, b: str) -> None:
        """An edge clicked on the canvas: the actor chosen stays chosen when it is one end."""
        self.click_edge(*((b, a) if b == self.value("actor").strip() else (a, b)))

    def _choose(self, actor: str, neighbour: str | None) -> None:
        self._clicking = True
        try:
            self.controls["actor"].value = actor
            self._choose_neighbour(neighbour)
        finally:
            self._clicking = False
        self._select_on_canvas()

    def _choose_neighbour(self, neighbour: str | None) -> None:
        """Choose `neighbour` in `linked to` by its place: a value of None would leave the box
        empty instead of showing its first choice."""
        control = self.controls["neighbour"]
        listed = [value for _, value in control.options]
        if neighbour not in listed:
            raise ValueError(f"{self.value('actor')} is not linked to {neighbour} in this network")
        control.index = listed.index(neighbour)

    def _select_on_canvas(self) -> None:
        """Show the chosen actor, or edge, selected on the canvas."""
        actor, neighbour = self.value("actor").strip(), self.value("neighbour")
        if neighbour is not None:
            self.outputs["network"].select(edge=(actor, neighbour))
        elif actor:
            self.outputs["network"].select(node=actor)

    def _show_actor(self, change=None) -> None:
        """List the chosen actor's links in the whole network, strongest first, and its
        neighbours to choose an edge from (the neighbour chosen stays chosen when the filters
        change and it is still linked); a name not in the network lists the actors whose names
        hold it."""
        actor = self.value("actor").strip()
        links = self.graph[actor] if actor in self.graph else {}
        rows = [{"actor": actor, "linked to": b, "type": self.graph.nodes[b].get("type"),
                 **{k: data.get(k) for k in ("weight", "count", "pmi", "jaccard")}}
                for b, data in links.items()]
        self.edges = pd.DataFrame(rows, columns=EDGE_TABLE).sort_values(
            ["weight", "linked to"], ascending=[False, True], ignore_index=True)
        chosen = self.value("neighbour") if change is None else None  # another actor: none
        self._listing = True
        try:
            self.controls["neighbour"].options = [NO_NEIGHBOUR] + [
                (f"{b} ({w:g})", b) for b, w in zip(self.edges["linked to"], self.edges["weight"])]
            self._choose_neighbour(chosen if chosen in links else None)
        finally:
            self._listing = False
        self.outputs["edges"].show(self.edges.round(3), title=self._edges_title(actor))
        self._show_edge()  # under the filters now, or none when the neighbour is no longer linked
        if not self._clicking and change is not None:
            self._select_on_canvas()

    def _edges_title(self, actor: str) -> str:
        if not actor:
            return ""
        return f"Links of {actor}" if actor in self.graph else self._not_drawn(actor)

    def _not_drawn(self, actor: str) -> str:
        """An actor's name not in the network, and up to ten actors whose names hold it."""
        like = [a for a in sorted(self.graph) if actor.casefold() in a.casefold()][:10]
        return f"“{actor}” is not in this network" + (f"; actors named so: {', '.join(like)}"
                                                      if like else "")

    def _focus(self) -> str:
        """The focus actor's name as typed, WHOLE for none."""
        return self.value("focus").strip()

    def chart_data(self) -> pd.DataFrame:
        """The edges of the network drawn: source, target, weight and the edge's other values."""
        edges = [{"source": a, "target": b, **data} for a, b, data in self.drawn.edges(data=True)]
        return pd.DataFrame(edges) if edges else pd.DataFrame(columns=["source", "target", "weight"])

    def figure(self):
        """The network drawn, as `workbench.plots.networks.draw_network` draws it."""
        return draw_network(self.drawn, pos=self.pos, title=self._title(self._focus()))

    def _downloads(self) -> dict[str, Download]:
        """The chart's downloads, and the whole network as GEXF and GraphML with its settings."""
        return super()._downloads() | {
            fmt: Download(fmt.upper(), f"network.{fmt}", self.guarded(lambda fmt=fmt: self._file(fmt)))
            for fmt in ("gexf", "graphml")}

    def _file(self, fmt: str) -> bytes:
        """The network written by `networks.export_network` as `fmt`, its settings in its
        attributes."""
        with tempfile.TemporaryDirectory() as folder:
            return export_network(self.graph, folder)[fmt].read_bytes()

    def _title(self, focus: str) -> str:
        g = self.graph.graph
        named = g["outlets"].split(", ") if g["outlets"] else []
        where = ("all outlets" if g["outlets"] == "all" else
                 g["outlets"] if 0 < len(named) <= 3 else f"{len(named)} outlets")
        ego = "" if focus == WHOLE else f"{focus} and neighbours · "
        docs = f"{g['documents']:,} document" + ("s" if g["documents"] != 1 else "")
        return (f"{ego}{where} · {docs} · co-occurrence per {g['unit']} · "
                f"{g['weight']} ≥ {g['min_weight']}")

    def _show_edge(self, change=None) -> None:
        """The passages behind the edge between the chosen actor and neighbour."""
        if self._listing:
            return
        actor, neighbour = self.value("actor").strip(), self.value("neighbour")
        if neighbour is None:
            self.evidence = pd.DataFrame()
            self.outputs["evidence"].show(self.evidence, title="")
        else:
            self.evidence = evidence(self.corpus, self.mentions, actor, neighbour, **self._filters())
            self.outputs["evidence"].show(passage_table(self.evidence),
                                          title=f"Evidence of {actor} — {neighbour}")
        if not self._clicking and change is not None:
            self._select_on_canvas()

    # -- reviewing discovered actors ----------------------------------------------------------
    def _list_candidates(self) -> None:
        """The discovered actors, most mentioned first (listed again only when the mentions
        change); the chosen one stays chosen if it can."""
        if self._listed_from is self.mentions:
            return
        self.discovered, self._listed_from = discovered_actors(self.mentions), self.mentions
        chosen = self.value("candidate")
        options = [(f"{r.actor} · {r.type} · {r.mentions} in {r.documents} doc.", r.actor)
                   for r in self.discovered.itertuples()]
        self.controls["candidate"].options = options or [("(no discovered actor)", None)]
        self.controls["candidate"].value = chosen if chosen in set(self.discovered.actor) else (
            options[0][1] if options else None)
        self.controls["merge_into"].options = [NEW, *sorted(set(self.actors["actor"]))]

    def _show_candidate(self, change=None) -> None:
        if self._quiet:
            return
        actor = self.value("candidate")
        self.controls["name"].value = actor or ""
        if actor is None:
            self.candidate = pd.DataFrame()
            self.outputs["candidate"].show(self.candidate, title="")
            self.outputs["candidate_passages"].show(self.candidate, title="")
            return
        row = self.discovered[self.discovered.actor == actor]
        self.candidate = discovered_passages(self.corpus, self.mentions, actor)
        self.outputs["candidate"].show(row, title="Discovered actor")
        self.outputs["candidate_passages"].show(passage_table(self.candidate),
                                                title=f"Passages of {actor}")

    def _confirm(self, button=None) -> None:
        """Write the chosen discovered actor into the dictionary: under the name typed, or merged
        into the listed actor chosen; it is a listed actor from now on."""
        actor = self.value("candidate")
        if actor is None:
            return
        row = self.discovered.set_index("actor").loc[actor]
        merge = self.value("merge_into")
        target = merge if merge != NEW else (self.value("name").strip() or actor)
        rows = self.mentions[(self.mentions.actor == actor) & (self.mentions.evidence != "surname")]
        path = confirm_actor(self.project, actor, type=row["type"], actor=target,
                             aliases=rows["surface"].unique().tolist())
        self._decided(f"{actor} confirmed as {target} in {path.name}: listed from now on.")

    def _reject(self, button=None) -> None:
        """Record that the chosen discovered name is no actor; discovery leaves it out."""
        actor = self.value("candidate")
        if actor is None:
            return
        path = reject_actor(self.project, actor)
        self._decided(f"{actor} rejected in {path.name}: no longer discovered.")

    def _decided(self, what: str) -> None:
        """Re-read the dictionary and the rejections, find the mentions again, and say so."""
        self.actors, self.discovery = self.project.actors(), self.project.discovery()
        self._mentions.clear()
        self._refresh()
        self.decision = what
        self.show_html("decision", f"<p>{html.escape(what)}</p>")

    def _export(self, button=None) -> None:
        self.exported = export_network(self.graph, self.export_folder)
        self.show_html("export", "<p>Written: " + ", ".join(
            f"<code>{html.escape(str(p))}</code>" for p in self.exported.values()) + "</p>")


def networks_dashboard(corpus: Corpus, *, project: Project, export_folder: str | Path | None = None,
                       mentions: pd.DataFrame | None = None,
                       views: str | Path | None = None) -> NetworksDashboard:
    """The actor-network dashboard for `corpus`, with the project's actor dictionary and
    discovery words (`Project.actors()`, `Project.discovery()`); exports go to `export_folder`
    (default `reports/networks/`); `mentions` are those `find_mentions` found with them when
    the notebook has them already (the slow part on a large corpus); saved views are kept in
    `views` (default the project's `views/`)."""
    return NetworksDashboard(corpus, project=project, export_folder=export_folder,
                             mentions=mentions, views=views)
