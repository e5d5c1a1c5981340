"""Where the project is: its root, its researcher-editable inputs (`data/`) and which corpus the
notebooks open (`workbench.toml` at the project root, or environment variables).

`WORKBENCH_CONFIG` names another TOML file; `WORKBENCH_CORPUS` overrides the corpus path.
Paths in the TOML file are relative to that file. Example::

    [corpus]
    path = "data/corpus"
    metadata = "data/sources.csv"
    [corpus.columns]      # for CSV/JSONL exports whose columns have other names
    text = "body"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

CONFIG_NAME = "workbench.toml"
PACKAGE_DATA = Path(__file__).resolve().parents[2] / "data"


def project_root(start: Path | None = None) -> Path:
    """The nearest folder, from `start` (cwd) upwards, holding workbench.toml or data/corpus."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).exists() or (folder / "data" / "corpus").is_dir():
            return folder
    return here


def data_path(name: str) -> Path:
    """A file of the project's `data/` folder (found from the cwd), else the checkout's own."""
    local = project_root() / "data" / name
    return local if local.exists() else PACKAGE_DATA / name


def corpus_settings(start: Path | None = None) -> dict:
    """Keyword arguments for `load_corpus` from the config file and environment."""
    config = Path(os.environ["WORKBENCH_CONFIG"]) if "WORKBENCH_CONFIG" in os.environ else \
        project_root(start) / CONFIG_NAME
    base = config.parent if config.exists() else project_root(start)
    section = tomllib.loads(config.read_text(encoding="utf-8")).get("corpus", {}) \
        if config.exists() else {}
    metadata = section.get("metadata", "data/sources.csv")
    settings = {
        "path": base / section.get("path", "data/corpus"),
        "metadata": base / metadata if metadata else None,
        "columns": section.get("columns") or None,
        "cache_dir": base / section.get("cache", ".cache"),
    }
    if "WORKBENCH_CORPUS" in os.environ:
        settings["path"] = Path(os.environ["WORKBENCH_CORPUS"])
    return settings
