"""Paths of the project's data, importable by test modules (a name no conftest.py shadows)."""

from pathlib import Path

from workbench import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = DATA / "corpus"
SHARED = ROOT.parent / "shared"  # dev sets and benchmark corpora beside the clone, in CI only
PROJECT = Project.find(ROOT)  # the repository's own project: its data/ inputs
