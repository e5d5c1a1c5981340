"""What the fork server that starts ingest workers (`workbench.parallel.pool`, given
`pipeline.PRELOAD`) imports before forking them:
the pipeline's modules and the language model (74 MiB), loaded once, so every worker shares their
pages with the server instead of loading its own copy. A Dask worker has no fork server: it loads
the model with its first task and keeps it (`load_model` is cached per process)."""

from . import pipeline  # noqa: F401
from .language import load_model

load_model()
