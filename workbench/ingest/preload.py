"""What the fork server that starts ingest workers (`workbench.parallel.pool`, given
`pipeline.PRELOAD`) imports before forking them:
the pipeline's modules and the language model (74 MiB), loaded once, so every worker shares their
pages with the server instead of loading its own copy. A Dask worker has no fork server: it loads
the model with its first task and keeps it (`load_model` is cached per process).

The objects made so far are then frozen out of the garbage collector: a worker's collections
would otherwise write to every one of them, copying the server's pages into each worker."""

import gc

from . import pipeline  # noqa: F401
from .language import load_model

load_model()
gc.freeze()
