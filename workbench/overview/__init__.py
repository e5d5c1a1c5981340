"""Corpus overview (notebook 00): what is in the corpus, how each document was cleaned, and which
stories several outlets ran (`republications`, `republishers`)."""

from .summary import document_lines, outlet_summary, republications, republishers

__all__ = ["document_lines", "outlet_summary", "republications", "republishers"]
