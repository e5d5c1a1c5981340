"""Dashboards: ipywidgets controls wired to the analyses and plots; no analysis happens here.

`corpus.DocumentViewer`, `profiling.profiling_dashboard`, `trends.trends_dashboard`,
`networks.networks_dashboard`; shared pieces in `common`.
"""
