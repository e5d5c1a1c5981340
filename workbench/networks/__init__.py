"""Actor networks: who is named, and who is put next to whom (notebook 03).
Method notes: docs/methods/networks.md.

- `compile_aliases` (`actors`): the aliases of the actor dictionary (`Project.actors()`).
- `find_mentions` (`mentions`), with actors the dictionary lacks (`discover`);
  `discovered_actors`, `discovered_passages` (`discovered`): them, for review.
- `cooccurrence`, `build_network`, `select`, `evidence` (`build`).
- `metrics`, `ego_network`, `compare`, `compare_networks` (`metrics`).
- `export_network` (`export`): GEXF, GraphML, CSV and the settings.
"""

from ..project.inputs import TYPES
from .actors import compile_aliases
from .build import UNITS, build_network, cooccurrence, evidence, select
from .discovered import discovered_actors, discovered_passages
from .export import export_network
from .mentions import find_mentions
from .metrics import compare, compare_networks, ego_network, metrics

__all__ = ["TYPES", "UNITS", "build_network", "compare", "compare_networks", "compile_aliases",
           "cooccurrence", "discovered_actors", "discovered_passages", "ego_network", "evidence",
           "export_network", "find_mentions", "metrics", "select"]
