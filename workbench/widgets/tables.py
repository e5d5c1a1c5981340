"""One table widget for every table a dashboard shows: sorted, searched and filtered in the
browser, paged in Python, downloaded whole as CSV, every cell inert text.

The browser gets one page at a time (itables' `ITable` widget, its DataTables bundle served by
the widget itself: no CDN), so a concordance of 48,213 matches is never cut silently nor sent
whole: the caption counts the rows and says which are shown, and when there is more than one
page, buttons move through them and a search box and a sort reach every row, in Python. itables
escapes every cell and header (`allow_html` stays off); categories and other objects are handed
over as plain text, never through a render function.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from itables.widget import ITable

from .download import Download, csv_bytes

PAGE = 500  # rows handed to the browser at once
#: DataTables settings: the page scrolls (no second pager in the browser), a header click
#: sorts, the search box filters the page's rows, the count of rows left is shown
OPTIONS = {
    "paging": False, "scrollY": "400px", "scrollCollapse": True, "maxBytes": 0, "maxColumns": 0,
    "showIndex": False, "classes": "display compact", "style": "width:100%;margin:0",
    "text_in_header_can_be_selected": False, "allow_html": False,
    "warn_on_unexpected_types": False,
    "layout": {"topStart": "info", "topEnd": "search", "bottomStart": None, "bottomEnd": None},
    "language": {"info": "_TOTAL_ rows on this page", "infoFiltered": "(filtered from _MAX_)",
                 "infoEmpty": "no rows", "search": "filter:"},
}
AS_COMPUTED = ("(as computed)", None)


class Table(widgets.VBox):
    """A DataFrame as a table researchers can work with, named `name` (the CSV's file name).

    `data` is the whole table; `rows()` the rows paged through (those holding the `find` text,
    in the `order` chosen); `shown()` the page on show, `page_count()` how many there are;
    `csv()` the bytes the CSV button saves (every row of `rows()`, not only the page).
    Right-aligned columns (`right`, e.g. a concordance's left context) read up to the match.
    With `select`, a click on a row selects it: `on_select(callback)` calls `callback(row)`.
    """

    def __init__(self, name: str, data: pd.DataFrame | None = None, *, title: str = "",
                 page_size: int = PAGE, right: tuple[str, ...] = (), select: bool = False):
        self.name, self.title, self.page_size, self.right = name, title, page_size, right
        self.select = {"select": {"style": "single", "info": False}} if select else {}
        self.data = self._rows = pd.DataFrame()
        self._settling = False
        self.caption = widgets.Label(style={"font_weight": "bold"})
        self.download = Download("CSV", f"{name}.csv", self.csv)
        self.page = widgets.BoundedIntText(value=1, min=1, max=1, description="page",
                                           layout={"width": "150px"})
        self.previous = widgets.Button(description="previous", icon="chevron-left",
                                       layout={"width": "auto"})
        self.next = widgets.Button(description="next", icon="chevron-right",
                                   layout={"width": "auto"})
        self.find = widgets.Text(placeholder="find in every row", description="find",
                                 continuous_update=False)
        self.order = widgets.Dropdown(options=[AS_COMPUTED], description="sort all by")
        self.pager = widgets.HBox([self.previous, self.page, self.next, self.find, self.order],
                                  layout={"flex_flow": "row wrap"})
        self.itable = ITable(pd.DataFrame(), **OPTIONS)
        super().__init__([widgets.HBox([self.caption, self.download],
                                       layout={"align_items": "center"}),
                          self.pager, self.itable])
        self.previous.on_click(lambda _: self._turn(-1))
        self.next.on_click(lambda _: self._turn(+1))
        self.page.observe(lambda _: self._render(), names="value")
        self.find.observe(self._first_page, names="value")
        self.order.observe(self._first_page, names="value")
        self.show(pd.DataFrame() if data is None else data, title=title)

    def show(self, data: pd.DataFrame, *, title: str | None = None) -> None:
        """Show `data` (a named index becomes a column) from its first page; the `find` text and
        the `order` stay while the columns do."""
        data = data.reset_index() if any(data.index.names) else data.reset_index(drop=True)
        if list(data.columns) != list(self.data.columns):
            self.find.value = ""
        self.data = data
        self.title = self.title if title is None else title
        chosen = self.order.value
        self.order.options = [AS_COMPUTED] + [
            (f"{column} {arrow}", (column, ascending)) for column in self.data.columns
            for arrow, ascending in (("↑", True), ("↓", False))]
        self.order.value = chosen if chosen and chosen[0] in self.data.columns else None
        self._first_page()

    def on_select(self, callback) -> None:
        """Call `callback(row)`, the row (a Series) of the page on show, when a click selects it."""
        def chosen(change) -> None:
            if change.new:
                callback(self.shown().iloc[change.new[0]])
        self.itable.observe(chosen, names="selected_rows")

    def rows(self) -> pd.DataFrame:
        """Every row paged through: those holding the `find` text, sorted by `order`."""
        return self._rows

    def page_count(self) -> int:
        return max(1, -(-len(self._rows) // self.page_size))

    def shown(self) -> pd.DataFrame:
        """The rows of the page on show, as the browser gets them."""
        start = (self.page.value - 1) * self.page_size
        return self._rows.iloc[start:start + self.page_size]

    def csv(self) -> bytes:
        """Every row paged through as CSV (what the CSV button saves)."""
        return csv_bytes(self._rows)

    def _turn(self, step: int) -> None:
        self.page.value = min(max(1, self.page.value + step), self.page.max)

    def _first_page(self, change=None) -> None:
        """Find and sort the rows again and show the first page of them."""
        rows, text = self.data, self.find.value.strip()
        if text:
            rows = rows[rows.astype(str).apply(
                lambda column: column.str.contains(text, case=False, regex=False)).any(axis=1)]
        if self.order.value is not None:
            column, ascending = self.order.value
            rows = rows.sort_values(column, ascending=ascending, kind="stable",
                                    key=lambda s: s.astype(str) if s.dtype == object else s)
        self._rows = rows
        self._settling = True
        try:
            self.page.value = 1
            self.page.max = self.page_count()
        finally:
            self._settling = False
        self._render()

    def _render(self) -> None:
        if self._settling:
            return
        page = self.shown()
        self.layout.display = None if len(self.data.columns) else "none"  # nothing to show yet
        paged = len(self._rows) > self.page_size or bool(self.find.value.strip())
        self.pager.layout.display = None if paged else "none"
        self.previous.disabled = self.page.value <= 1
        self.next.disabled = self.page.value >= self.page.max
        self.caption.value = " · ".join(x for x in (self.title, self._counted(page)) if x)
        right = [i for i, c in enumerate(page.columns) if c in self.right]
        selecting = {**self.select, "selected_rows": []} if self.select else {}
        self.itable.update(_as_text(page), **OPTIONS, **selecting,
                           columnDefs=[{"className": "dt-right", "targets": right}] if right else [])

    def _counted(self, page: pd.DataFrame) -> str:
        """How many rows there are and which are shown ("rows 501–1,000 of 48,213", "12 rows"),
        and what the find text kept."""
        text, count = self.find.value.strip(), len(self._rows)
        among = f" holding “{text}” ({len(self.data):,} in all)" if text else ""
        if count <= self.page_size:
            return (f"{count:,} row{'s' if count != 1 else ''}" if count else "no rows") + among
        first = (self.page.value - 1) * self.page_size + 1
        return f"rows {first:,}–{first + len(page) - 1:,} of {count:,}{among}"


def _text(value):
    """A cell as itables gets it: a missing value empty, an object other than text or a number
    (a tuple, a period) as its text."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    return value if isinstance(value, str | int | float | bool) else str(value)


def _as_text(page: pd.DataFrame) -> pd.DataFrame:
    """The page with text, categories and other objects (tuples, periods) as plain text, a
    missing value empty, so itables escapes them as strings and needs no render function."""
    page = page.copy()
    for column in page.columns:
        values = page[column]
        if values.dtype.kind not in "biufcmM":  # text, categories, objects: not numbers, dates
            page[column] = pd.Series([_text(v) for v in values], index=page.index, dtype=object)
    return page


def passage_table(passages: pd.DataFrame) -> pd.DataFrame:
    """Passages (`workbench.index.passages`) as a table shows them: when and where, the match in
    its context, what else they carry (a score, a speaker, the two actors of an edge), then the
    title and document; offsets and the whole sentence are left to the data."""
    first = ["date", "outlet", "left", "match", "right"]
    last = ["title", "doc_id"]
    left_out = {"start", "end", "sent_id", "sentence", *first, *last}
    columns = first + [c for c in passages.columns if c not in left_out] + last
    return passages[[c for c in columns if c in passages.columns]]
