"""The drawn network as an interactive canvas (ipysigma's sigma.js widget, its JavaScript served
by the installed package: no CDN): pan, zoom, search an actor; a click on a node or an edge is
handed to Python.

sigma.js reads a graph once, when it is drawn, so each `draw` builds a new widget: the actors at
the positions given (the dashboard keeps them between filter changes), sized by mentions,
coloured by type (`workbench.plots.networks.TYPE_COLOURS`), a discovered actor outlined, edges
as wide as their weight, under the title as text. Names from articles stay inert: labels and
hover boxes are drawn on the canvas; the panel and the search list escape them; only attributes
whose names are the workbench's own are handed over (ipysigma shows attribute names unescaped,
and a per-outlet count would be named after an outlet).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from ipysigma import Sigma

from ..plots.networks import DISCOVERED_EDGE, OTHER_COLOUR, TYPE_COLOURS

HEIGHT = 500  # pixels
#: the camera a canvas starts with: zoomed out a little, so that no actor starts under the
#: canvas's buttons (sigma.js frames the layout's extent edge to edge)
CAMERA = {"x": 0.5, "y": 0.5, "ratio": 1.25, "angle": 0}
EDGE_VALUES = ("weight", "count", "pmi", "jaccard")


def sigma_layout(pos: dict, actors) -> dict[str, dict[str, float]]:
    """Positions of `actors` as sigma.js takes them: {actor: {"x": x, "y": y}}."""
    return {a: {"x": float(pos[a][0]), "y": float(pos[a][1])} for a in actors}


def canvas_graph(G):
    """A copy of the network holding only what the canvas shows: per actor its type, mentions,
    whether it was discovered, its colour and outline; per edge its weight and scores (a score
    left empty, as Jaccard for windows, is left out)."""
    H = G.__class__()
    for actor, data in G.nodes(data=True):
        found = bool(data.get("discovered"))
        H.add_node(actor, type=str(data.get("type") or ""), mentions=int(data.get("mentions", 1)),
                   discovered=found, color=TYPE_COLOURS.get(data.get("type"), OTHER_COLOUR),
                   outline=DISCOVERED_EDGE if found else "#ffffff")
    for a, b, data in G.edges(data=True):
        H.add_edge(a, b, **{k: float(data[k]) for k in EDGE_VALUES
                           if k in data and data[k] == data[k]})  # NaN != NaN: left out
    return H


class NetworkCanvas(widgets.VBox):
    """The network on a sigma.js canvas under its title; `on_node(actor)` and `on_edge(a, b)` are
    called when a node or an edge is clicked (or an actor chosen in its search box). `sigma` is
    the widget on show, `graph` the network it draws. The canvas's panel of what is selected
    starts hidden (the dashboard's tables show it; a button opens it)."""

    def __init__(self, on_node: Callable[[str], None], on_edge: Callable[[str, str], None], *,
                 height: int = HEIGHT):
        self.on_node, self.on_edge, self.height = on_node, on_edge, height
        self.sigma: Sigma | None = None
        self.graph = self._shown = None  # the network drawn, and the copy handed to the canvas
        self.title = widgets.Label(style={"font_weight": "bold"})
        super().__init__([self.title], layout={"width": "100%"})

    def draw(self, G, pos: dict, *, title: str = "", node: str | None = None,
             edge: tuple[str, str] | None = None) -> None:
        """Draw `G` with the actors at `pos`, `node` or `edge` selected if drawn; the camera
        stays where it was when the same actors are drawn again."""
        camera = self.sigma.camera_state if self.sigma is not None and self.graph is not None \
            and set(self.graph) == set(G) else dict(CAMERA)
        node = node if node in G else None
        edge = edge if edge and node is None and G.has_edge(*edge) else None
        if G is not self.graph:
            self._shown = canvas_graph(G)
        sigma = Sigma(self._shown, layout=sigma_layout(pos, G), camera_state=camera,
                      height=self.height, clickable_edges=True, hide_search=False,
                      hide_info_panel=True,
                      node_size="mentions", node_size_range=(4, 18), raw_node_color="color",
                      raw_node_border_color="outline", edge_size="weight",
                      edge_size_range=(1, 8), default_edge_color="#b0b0b0",
                      selected_node=node)
        # set after: ipysigma 0.24 checks a `selected_edge` argument before it has the graph
        sigma.selected_edge = edge
        sigma.observe(self._clicked, names=["selected_node", "selected_edge"])
        old, self.sigma, self.graph = self.sigma, sigma, G
        self.title.value = title
        self.children = [self.title, sigma]
        if old is not None:
            old.close()

    def select(self, node: str | None = None, edge: tuple[str, str] | None = None) -> None:
        """Show `node` or `edge` selected, as the controls chose it: drawn again, the camera
        kept, unless the canvas shows that selection already."""
        if self.sigma is None:
            return
        shown_edge = tuple(self.sigma.selected_edge) if self.sigma.selected_edge else None
        same_edge = edge is not None and shown_edge is not None and set(shown_edge) == set(edge)
        if (node is not None and self.sigma.selected_node == node) or same_edge:
            return
        if node in self.graph or (edge is not None and self.graph.has_edge(*edge)):
            self.draw(self.graph, {n: (p["x"], p["y"]) for n, p in self.sigma.layout.items()},
                      title=self.title.value, node=node, edge=edge)

    def _clicked(self, change) -> None:
        if change.new is None:  # a click on the empty stage: the tables keep what they show
            return
        if change.name == "selected_node":
            self.on_node(change.new)
        else:
            self.on_edge(*change.new)
