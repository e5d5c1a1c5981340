"""Who is named: the actor dictionary's aliases, the mentions of actors in a corpus, the actors
the dictionary lacks (discovered), and the researcher's review of them (notebook 03; notebook
01's speakers). Method notes: docs/methods/networks.md. The networks (`workbench.networks`) are
built from the mentions found here.

- `compile_aliases` (`aliases`): the aliases of the actor dictionary (`Project.actors()`).
- `find_mentions` (`mentions`), with actors the dictionary lacks (`discovery`).
- `discovered_actors`, `discovered_passages` (`review`): the discovered actors, for review;
  `confirm_actor`, `reject_actor`: the decisions, written to the project's data files.
"""

from .aliases import compile_aliases
from .mentions import find_mentions
from .review import confirm_actor, discovered_actors, discovered_passages, reject_actor

__all__ = ["compile_aliases", "confirm_actor", "discovered_actors", "discovered_passages",
           "find_mentions", "reject_actor"]
