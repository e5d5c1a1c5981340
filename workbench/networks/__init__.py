"""Actor networks: who is put next to whom (notebook 03), from the mentions `workbench.actors`
finds. Method notes: docs/methods/networks.md.

- `cooccurrence`, `build_network`, `select`, `evidence` (`build`).
- `metrics`, `ego_network`, `compare`, `compare_networks` (`metrics`); `most_mentioned` and
  `strongest_neighbour`, notebook 03's default actor and edge.
- `export_network` (`export`): GEXF, GraphML, CSV and the settings.
"""

from ..project.inputs import TYPES
from .build import UNITS, build_network, cooccurrence, evidence, select
from .export import export_network
from .metrics import (
    compare,
    compare_networks,
    ego_network,
    metrics,
    most_mentioned,
    strongest_neighbour,
)

__all__ = ["TYPES", "UNITS", "build_network", "compare", "compare_networks", "cooccurrence",
           "ego_network", "evidence", "export_network", "metrics", "most_mentioned", "select",
           "strongest_neighbour"]
