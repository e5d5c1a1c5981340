"""Saved views: a dashboard's controls as a small JSON file under the project, opened again.

`<project>/views/<name>.json` holds the dashboard it belongs to and every control's value, in
the order the dashboard lists them (so a control whose choices follow another's, e.g. the edge
after the focus actor, is set after it)::

    {"dashboard": "trends", "format": 1, "saved": "2025-05-01T10:00:00",
     "controls": {"terms": "peacekeep*", "outlets": {"search": "", "value": ["Trend"]},
                  "dates": ["2023-09", "2024-04"], "point": ["peacekeep*", "2023-09-01T00:00:00", "Trend"]}}

Values are saved as JSON (periods as "2023-09", timestamps in ISO form, tuples as lists); a
choice is restored by matching the saved value against the control's choices now, so a view
naming an outlet the corpus no longer has is refused with the control named, never half-guessed.
`open_view(dash, name)` opens a view by name; in the app (`workbench app`) a notebook calls
`open_view_in_address(dash)`, which opens the view its page's address names (`?view=<name>`).
"""

from __future__ import annotations

import html
import json
import numbers
import os
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as widgets
import pandas as pd

from ..project import project

FORMAT = 1
_NAME = re.compile(r"^\w[\w .-]{0,79}$")


class ViewError(ValueError):
    """A saved view that cannot be opened as it is; the message lists every problem."""


def view_path(folder: Path, name: str) -> Path:
    """Where the view `name` is kept in `folder`; ValueError for a name that is not a plain file
    name (letters, digits, spaces, ".", "-", "_"; up to 80)."""
    if not _NAME.match(name) or name.endswith("."):
        raise ValueError(f"view name {name!r} is not usable; use letters, digits, spaces, '.', '-' "
                         "or '_' (up to 80), starting with a letter or digit")
    return Path(folder) / f"{name}.json"


def saved_views(folder: Path, kind: str) -> list[str]:
    """The names of the views of the `kind` dashboard saved in `folder`, sorted."""
    names = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("dashboard") == kind:
                names.append(path.stem)
        except (OSError, ValueError, AttributeError):
            continue  # not a view: listed nowhere, refused if opened by name
    return names


def view_state(controls: dict[str, widgets.Widget]) -> dict[str, object]:
    """Every control's value as JSON values (controls without a value, buttons, are left out)."""
    state = {}
    for name, control in controls.items():
        if hasattr(control, "view_value"):  # a control that says what to keep (the Picker)
            state[name] = control.view_value()
        elif control.has_trait("value"):
            state[name] = _encode(control.value)
    return state


def save_view(folder: Path, name: str, kind: str, controls: dict[str, widgets.Widget]) -> Path:
    """Write the controls' state as the view `name` of the `kind` dashboard; returns the file."""
    path = view_path(folder, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    view = {"dashboard": kind, "format": FORMAT, "saved": datetime.now().isoformat(timespec="seconds"),
            "controls": view_state(controls)}
    path.write_text(json.dumps(view, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_view(folder: Path, name: str, kind: str) -> dict[str, object]:
    """The controls' state saved as the view `name`, checked to be a view of the `kind`
    dashboard; FileNotFoundError (naming the views there are) or ViewError."""
    path = view_path(folder, name)
    if not path.exists():
        there = ", ".join(saved_views(folder, kind)) or "none"
        raise FileNotFoundError(f"no saved view {name!r} in {folder}; views of this dashboard: {there}")
    try:
        view = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise ViewError(f"{path.name} is not valid JSON ({err}); save the view again") from err
    if not isinstance(view, dict) or not isinstance(view.get("controls"), dict):
        raise ViewError(f"{path.name} is not a saved view: it has no \"controls\"")
    if view.get("dashboard") != kind:
        raise ViewError(f"{path.name} is a view of the {view.get('dashboard')!r} dashboard, "
                        f"not of {kind!r}")
    if view.get("format") != FORMAT:
        raise ViewError(f"{path.name} has format {view.get('format')!r}; this workbench reads "
                        f"format {FORMAT}: save the view again")
    return view["controls"]


def apply_view(controls: dict[str, widgets.Widget], state: dict[str, object]) -> None:
    """Set every control to its saved value, in the controls' order; ViewError listing the
    controls that could not be set (the others are set) and the saved names that are no
    control of this dashboard."""
    problems = [f"{name}: no such control here" for name in state if name not in controls]
    for name, control in controls.items():
        if name not in state:
            continue
        try:
            if hasattr(control, "restore_view"):
                control.restore_view(state[name])
            elif control.has_trait("value"):
                control.value = _decode(control, state[name])
        except Exception as err:  # noqa: BLE001 - each control's problem is reported, in one list
            problems.append(f"{name}: {err}")
    if problems:
        raise ViewError("the view could not be opened as saved: " + "; ".join(problems))


def open_view(dash, name: str, folder: Path) -> None:
    """Open the view `name` saved in `folder` on the dashboard `dash` (its `kind`, `controls`);
    `Dashboard.open_view(name)` calls it with the dashboard's folder."""
    apply_view(dash.controls, read_view(folder, name, dash.kind))


def view_in_address(query: str | None = None) -> str | None:
    """The view a page's address names (`?view=<name>`), None if none: the app's server (Voilà)
    gives each page's kernel the address's query string as QUERY_STRING, or `query` if given."""
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    names = parse_qs(query).get("view", [])
    return (names[-1].strip() or None) if names else None


def open_view_in_address(dash, query: str | None = None) -> str | None:
    """Open the view the page's address names (`view_in_address`) on `dash`; returns its name,
    None when the address names none or it cannot be opened, which the dashboard's message then
    says (the view, and why) instead of failing the page."""
    name = view_in_address(query)
    if name is None:
        return None
    try:
        dash.open_view(name)
    except (OSError, ValueError) as err:  # no such view, a bad name, a view that no longer fits
        dash.message.value = ("<p style='color:#b00'><b>The view named in the address could not be "
                              f"opened:</b> {html.escape(str(err), quote=False)}</p>")
        return None
    dash.message.value = f"<p>Showing the saved view <b>{html.escape(name, quote=False)}</b>.</p>"
    return name


def _encode(value):
    """A control's value as JSON: tuples as lists, periods as "2023-09", timestamps ISO."""
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"a control's value {value!r} cannot be saved in a view")


def _decode(control: widgets.Widget, saved):
    """The value to set `control` to: for a choice, the choice whose value was saved."""
    if not hasattr(control, "_options_values"):
        return saved
    choices = {json.dumps(_encode(v)): v for v in control._options_values}
    multiple = isinstance(control.index, tuple)  # SelectMultiple, a range slider
    wanted = saved if multiple and isinstance(saved, list) else [saved]
    missing = [w for w in wanted if json.dumps(w) not in choices]
    if missing:
        raise ValueError(f"{', '.join(str(m) for m in missing[:3])} is not among its choices now")
    found = [choices[json.dumps(w)] for w in wanted]
    return tuple(found) if multiple else found[0]


class ViewBar(widgets.HBox):
    """Save the dashboard's controls under a name; open a saved view again (the dashboard's
    `save_view` and `open_view`, errors shown by its `guarded`)."""

    def __init__(self, dash, folder: Path | None):
        self.dash = dash
        self._folder = folder
        self.name_box = widgets.Text(placeholder="view name", layout={"width": "160px"})
        self.save_button = widgets.Button(description="save view", icon="save", layout={"width": "auto"})
        self.choice = widgets.Dropdown(options=[("(saved views)", None)], layout={"width": "180px"})
        self.open_button = widgets.Button(description="open view", icon="folder-open",
                                   layout={"width": "auto"})
        super().__init__([self.name_box, self.save_button, self.choice, self.open_button])
        self.save_button.on_click(dash.guarded(lambda _: self._save()))
        self.open_button.on_click(dash.guarded(lambda _: self._open()))
        self.choice.observe(self._take_name, names="value")
        self.list_views()

    @property
    def folder(self) -> Path:
        """The folder views are kept in: the one given, else `<project>/views`."""
        if self._folder is None:
            self._folder = project().views
        return self._folder

    def list_views(self) -> None:
        """List the views of this dashboard saved in the folder."""
        names = saved_views(self.folder, self.dash.kind) if self.folder.exists() else []
        self.choice.options = [("(saved views)", None)] + [(n, n) for n in names]

    def _save(self) -> None:
        self.dash.save_view(self.name_box.value.strip())

    def _open(self) -> None:
        self.dash.open_view(self.choice.value or self.name_box.value.strip())

    def _take_name(self, change) -> None:
        if change.new:
            self.name_box.value = change.new
