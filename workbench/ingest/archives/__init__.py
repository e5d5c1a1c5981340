"""News-archive exports (Nexis Uni / LexisNexis, Factiva): recognised by their own markers,
whatever the file's extension, and read one article at a time by the layout reader of their
format (`Export`, `Article` in `export`).

Each reader is a module of this package with `sniff(data: bytes) -> bool` (whether the file's
bytes carry its format's markers) and `read(data: bytes) -> Export`; `READERS` lists them in the
order they are tried. Readers: `lexis_text` (LexisNexis plain-text and HTML exports in the classic
layout, whose article rules are `lexis_layout`). What ingest keeps of an export (metadata with
its evidence, report rows, notes) is `metadata`.
"""

from __future__ import annotations

from importlib import import_module

from .export import FIELDS, RULE_PREFIX, Article, Export

#: the layout readers, tried in this order: the first whose `sniff` says yes reads the file
READERS: tuple[str, ...] = ("factiva_html", "factiva_text", "nexis_uni", "lexis_text")


def recognise(data: bytes):
    """The reader module of the export `data` is, or None for a file that is no archive export."""
    for name in READERS:
        reader = import_module(f"{__name__}.{name}")
        if reader.sniff(data):
            return reader
    return None


__all__ = ["FIELDS", "READERS", "RULE_PREFIX", "Article", "Export", "recognise"]
