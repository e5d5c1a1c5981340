"""Dashboards: ipywidgets controls wired to the analyses and plots; no computation of their own.

- `corpus.DocumentViewer`: find a document by a part of its doc_id, outlet or title; its metadata,
  clean text and removed lines.
- `profiling.profiling_dashboard`, `trends.trends_dashboard`, `networks.networks_dashboard`.
- `common`: `Dashboard` (controls by name; callback errors shown), `Picker` (many outlets),
  `DateRange` (months of the corpus), `html_table` and `passages_html` (escaped HTML).
"""
