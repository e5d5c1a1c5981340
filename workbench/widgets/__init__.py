"""Thin ipywidgets dashboards wired to `workbench` functions; no analysis happens here."""
