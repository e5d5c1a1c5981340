"""Dashboards: ipywidgets controls wired to the analyses and plots; no computation of their own.

- `corpus.DocumentViewer`: find a document by a part of its doc_id, outlet or title; its metadata,
  clean text and removed lines.
- `profiling.profiling_dashboard`, `trends.trends_dashboard`, `networks.networks_dashboard`.
- `common`: `Dashboard` (controls by name; callback errors shown; chart downloads; saved views),
  `Picker` (many outlets), `DateRange` (months of the corpus).
- `tables.Table`: every table a dashboard shows (sorted and filtered in the browser, paged in
  Python, downloaded whole as CSV, cells escaped); `tables.passage_table` (passages' columns).
- `network_canvas.NetworkCanvas`: the networks dashboard's interactive network (ipysigma's
  sigma.js canvas: pan, zoom, search; a click on a node or an edge is handed to Python).
- `download.Download`: a button whose file is made in Python when clicked (JupyterLab, Voilà).
- `views`: saved views, `<project>/views/<name>.json`; `open_view` applies one by name.
"""
