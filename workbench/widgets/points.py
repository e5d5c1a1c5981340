"""What was clicked on a chart, as a control: the click's key (a trend point's term, period and
group; a bar's label; a heatmap cell's row and column), set by the click and, the keyboard way,
by one small dropdown per part listing only what the chart draws."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

NONE = "(none)"
UNCHOSEN = object()  # the "(none)" choice's value: a None there would show an empty box


class ChartPoint(widgets.HBox):
    """The chart's clicked point: `value` is the tuple of its parts' values, or None.

    `offer(parts)` lists each part's choices as [(label, value)] (the dashboard calls it when
    its chart changes); a value no longer offered becomes None. Choosing every part in its
    dropdown sets `value`, as a click does. A saved view keeps the parts' labels (`view_value`),
    so a period or an outlet is found again by the text shown.
    """

    value = traitlets.Any(None, allow_none=True)

    def __init__(self, description: str):
        self.title = widgets.Label(description)
        self.parts: list[widgets.Dropdown] = []
        self._setting = False
        super().__init__([self.title], layout={"flex_flow": "row wrap", "align_items": "center"})

    def offer(self, parts: list[tuple[str, list[tuple[str, object]]]]) -> None:
        """One dropdown per part (description, choices); the value is kept where every part
        still offers it, else set to None."""
        keep = self.value
        self._setting = True
        try:
            if [d.description for d in self.parts] != [name for name, _ in parts]:
                self.parts = [widgets.Dropdown(description=name, layout={"width": "auto"})
                              for name, _ in parts]
                for dropdown in self.parts:
                    dropdown.observe(self._chosen, names="value")
                self.children = [self.title, *self.parts]
            for dropdown, (_, choices) in zip(self.parts, parts, strict=True):
                dropdown.options = [(NONE, UNCHOSEN), *choices]
                dropdown.value = UNCHOSEN
        finally:
            self._setting = False
        offered = keep is not None and len(keep) == len(parts) and all(
            v in {value for _, value in choices} for v, (_, choices) in zip(keep, parts, strict=True))
        if offered:
            self._show(keep)
        else:
            self.value = None

    def labels(self) -> list[str] | None:
        """The parts of the value as the dropdowns show them, None when nothing is chosen."""
        if self.value is None:
            return None
        return [d.label for d in self.parts]

    def view_value(self) -> list[str] | None:
        """What a saved view keeps: the parts' labels."""
        return self.labels()

    def restore_view(self, saved: list[str] | None) -> None:
        """Choose the parts whose labels a saved view kept; ValueError naming one not offered."""
        if saved is None:
            self.value = None
            return
        found = []
        for dropdown, label in zip(self.parts, saved, strict=True):
            values = dict(dropdown.options)
            if label not in values:
                raise ValueError(f"{dropdown.description} {label} is not on the chart now")
            found.append(values[label])
        self.value = tuple(found)

    @traitlets.validate("value")
    def _offered(self, proposal):
        value = proposal.value
        if value is None:
            return None
        value = tuple(value)
        if len(value) != len(self.parts) or any(
                v not in {choice for _, choice in d.options} for v, d in zip(value, self.parts)):
            raise traitlets.TraitError(f"{value!r} is not on the chart now")
        return value

    @traitlets.observe("value")
    def _follow(self, change) -> None:
        self._show(change.new)

    def _show(self, value) -> None:
        """The dropdowns showing `value` (no value event)."""
        self._setting = True
        try:
            for dropdown, part in zip(self.parts, value or [None] * len(self.parts), strict=True):
                dropdown.value = UNCHOSEN if part is None else part
        finally:
            self._setting = False

    def _chosen(self, change) -> None:
        if self._setting:
            return
        chosen = tuple(d.value for d in self.parts)
        if all(v is not UNCHOSEN for v in chosen):
            self.value = chosen
