"""Actor networks: who is put next to whom (notebook 03), from the mentions `workbench.actors`
finds. Method notes: docs/methods/networks.md.

- `cooccurrence`, `build_network`, `select`, `evidence` (`build`).
- `metrics`, `ego_network`, `compare`, `compare_networks` (`metrics`).
- `export_network` (`export`): GEXF, GraphML, CSV and the settings.
"""

from ..project.inputs import TYPES
from .build import UNITS, build_network, cooccurrence, evidence, select
from .export import export_network
from .metrics import compare, compare_networks, ego_network, metrics

__all__ = ["TYPES", "UNITS", "build_network", "compare", "compare_networks", "cooccurrence",
           "ego_network", "evidence", "export_network", "metrics", "select"]
