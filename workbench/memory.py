"""Memory the process has freed, handed back to the system."""

from __future__ import annotations

import ctypes
import sys

import pyarrow as pa


def give_back() -> None:
    """Return the memory this process has freed to the system: Arrow's pool (mimalloc or
    jemalloc) keeps freed pages for its own reuse, and glibc's heap keeps freed blocks, none
    returned while a block beside them is in use. Neither is reused by the other, so a step that
    allocates through one after a step that freed through the other grows the process: after
    merging the metadata of 300,000 items, Arrow's pool held 500 MiB it had freed. glibc's heap is
    trimmed on Linux only (elsewhere, or with musl, it is left as it is)."""
    pa.default_memory_pool().release_unused()
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # no glibc
        return
    trim(0)
