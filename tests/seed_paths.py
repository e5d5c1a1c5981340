"""Paths of the project's data, importable by test modules (a name no conftest.py shadows)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = DATA / "corpus"
