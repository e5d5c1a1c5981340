"""Actor networks: who is named, and who is put next to whom (notebook 03).
Method notes: docs/methods/networks.md.

- `compile_aliases` (`actors`): the aliases of the actor dictionary (`Project.actors()`).
- `find_mentions` (`mentions`); `unknown_actors` (`unknown`): names the dictionary lacks.
- `cooccurrence`, `build_network`, `select`, `evidence` (`build`).
- `metrics`, `ego_network`, `compare`, `compare_networks` (`metrics`).
- `export_network` (`export`): GEXF, GraphML, CSV and the settings.
"""

from ..project.inputs import TYPES
from .actors import compile_aliases
from .build import UNITS, build_network, cooccurrence, evidence, select
from .export import export_network
from .mentions import find_mentions
from .metrics import compare, compare_networks, ego_network, metrics
from .unknown import unknown_actors

__all__ = ["TYPES", "UNITS", "build_network", "compare", "compare_networks", "compile_aliases",
           "cooccurrence", "ego_network", "evidence", "export_network", "find_mentions", "metrics",
           "select", "unknown_actors"]
