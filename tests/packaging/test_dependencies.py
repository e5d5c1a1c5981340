"""Every package the code imports is declared, and pyproject.toml and environment.yml agree."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest
from seed_paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CONDA_NAMES = {"igraph": "python-igraph"}  # conda-forge names that differ from PyPI's
NOT_INSTALLED = {"sklearn": "scikit-learn", "psutil": "psutil"}  # only `make bench` installs them


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported(folder: str) -> set[str]:
    """The distributions whose modules the Python files under `folder` import."""
    modules = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    local = {p.stem for p in ROOT.rglob("*.py")} | {p.name for p in ROOT.iterdir() if p.is_dir()}
    found = {**NOT_INSTALLED, **{m: d[0] for m, d in packages_distributions().items()}}
    third_party = {m for m in modules if m not in sys.stdlib_module_names and m not in local}
    unknown = third_party - set(found)
    assert not unknown, f"{folder} imports {unknown}: install them or name their distribution"
    return {_name(found[m]) for m in third_party}


RUNTIME = {_name(r) for r in PYPROJECT["dependencies"]}
EXTRAS = {k: {_name(r) for r in v} for k, v in PYPROJECT["optional-dependencies"].items()}


@pytest.mark.parametrize(("folder", "declared"), [
    ("workbench", RUNTIME | EXTRAS["cluster"]),  # `distributed` only when a cluster is asked for
    ("tests", RUNTIME | EXTRAS["test"]),
    ("benchmarks", RUNTIME | EXTRAS["bench"]),
])
def test_every_imported_package_is_declared(folder, declared):
    assert _imported(folder) - declared == set()


def test_the_conda_environment_has_the_same_packages_and_python():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = {_name(m) for m in re.findall(r"^\s+- ([A-Za-z][\w.-]*[^\n]*)$", text, re.M)}
    assert {CONDA_NAMES.get(n, n) for n in RUNTIME | EXTRAS["cluster"]} <= listed
    python = re.search(r"^\s+- python(\S*)$", text, re.M).group(1)
    assert python == PYPROJECT["requires-python"]
