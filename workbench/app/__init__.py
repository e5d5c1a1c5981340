"""The command line (`python -m workbench check | report`) and the HTML report of the notebooks."""

from .cli import format_report, main
from .report import build_report

__all__ = ["build_report", "format_report", "main"]
