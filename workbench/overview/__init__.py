"""Corpus overview (notebook 00): what is in the corpus and how each document was cleaned."""

from .summary import document_lines, outlet_summary

__all__ = ["document_lines", "outlet_summary"]
