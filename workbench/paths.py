"""Where the project's researcher-editable inputs live (`data/`), from any working folder."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "workbench.toml"
PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"


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
