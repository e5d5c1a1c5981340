"""Media Workbench: load, clean and tokenize a news corpus into pandas tables, and analyse it.

The packages follow the data's way: `ingest` (files to a `corpus`) → `index` (queries, term
index, document axis) → `project` (where things are, the researcher's inputs, opening the
corpus) → the analyses `overview`, `profiling`, `trends`, `actors`, `networks` → `plots` and
`widgets` → `app` (command line, report). See docs/architecture.md.

In a notebook or script anywhere inside a project::

    import workbench
    project = workbench.project()
    corpus = project.open_corpus()
"""

from importlib.metadata import version

from .corpus import Corpus
from .project import Project, load_corpus, open_corpus, project

__version__ = version("media-workbench")
__all__ = ["Corpus", "Project", "find_mentions", "load_corpus", "open_corpus", "project"]


def find_mentions(corpus: Corpus, actors=None, *, discovered: bool = True, **options):
    """`workbench.actors.find_mentions` with the actor dictionary of the project around the
    working folder when `actors` is not given (as `open_corpus` opens its corpus), and, unless
    `discovered` is False, the actors it lacks, discovered with the project's words."""
    from .actors import find_mentions as find

    here = project()
    return find(corpus, here.actors() if actors is None else actors,
                discovery=here.discovery() if discovered else None, **options)
