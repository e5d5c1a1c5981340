"""Where an ingest's time goes: wall-clock seconds per step, summed over every call in this process.

`with Steps() as steps: load_corpus(...)`, then `steps.seconds`. The steps are functions of the
pipeline, each wrapped by a timer for the block (a call or two per chunk or per document: the
timers cost microseconds). With one worker every chunk is processed in this process, so the
steps of the pipeline show where the work is; with several, this process only waits for the
workers, assembles and writes, which the scaling row needs to see. `report.profile` prints them
under the table when the speed or scaling target is missed.
"""

from __future__ import annotations

import functools
import importlib
import time

# (label, module, attribute): `Class.method` for a method; a step may contain later ones
STEPS = [
    ("cleaning (rules, page heuristics, outlet cues)", "workbench.ingest.pipeline", "_clean"),
    ("language identification", "workbench.ingest.pipeline", "infer_languages"),
    ("outlets the text cites", "workbench.ingest.pipeline", "cited_outlets"),
    ("metadata inference (dates, titles, authors)", "workbench.ingest.pipeline", "infer"),
    ("sentences (Punkt, exact)", "workbench.ingest.tokens", "Tokenizer.sentence_spans"),
    ("tokens (polars words, norms, flags)", "workbench.ingest.tokens", "Tokenizer.table"),
    ("chunk tables (DataFrames, MinHash)", "workbench.ingest.pipeline", "_frames"),
    ("MinHash signatures", "workbench.ingest.pipeline", "signatures"),
    ("all chunks (process_file)", "workbench.ingest.load", "process_file"),
    ("assembly (ids, metadata merge, dedupe)", "workbench.ingest.load", "assemble"),
    ("cache writes", "workbench.corpus.cache", "FileCache.store"),
]
CHUNK_STEPS = STEPS[:7]  # the parts of process_file that do not contain each other
TOTAL = STEPS[8][0]


class Steps:
    """Times the `STEPS` while the block runs, then restores the functions."""

    def __init__(self) -> None:
        self.seconds = {label: 0.0 for label, *_ in STEPS}
        self._restore: list[tuple[object, str, object]] = []

    def __enter__(self) -> Steps:
        for label, module, attribute in STEPS:
            owner = importlib.import_module(module)
            *path, name = attribute.split(".")
            for part in path:
                owner = getattr(owner, part)
            original = owner.__dict__[name]
            self._restore.append((owner, name, original))
            setattr(owner, name, self._timed(label, original))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._restore):
            setattr(owner, name, original)

    def _timed(self, label: str, fn):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start
        return timed

    def profile(self) -> dict[str, float]:
        """The seconds per step, plus what process_file spent outside its steps (parsing rows,
        the per-document loop building rows) as "the rest of the chunk loop"."""
        rest = self.seconds[TOTAL] - sum(self.seconds[label] for label, *_ in CHUNK_STEPS)
        return {**self.seconds, "the rest of the chunk loop (rows, ids, JSON)": max(rest, 0.0)}
