"""The command line (`python -m workbench check | report | app | inputs`), the HTML report of
the notebooks (`report`) and the app for colleagues (`serve`: the notebooks served by Voilà)."""

from .cli import format_report, main
from .report import build_report

__all__ = ["build_report", "format_report", "main"]
