"""What an executed notebook shows: the text of its outputs, its errors, and the cells marked
`# EDIT` (whose defaults come from the corpus) that show nothing or an empty table."""

from __future__ import annotations


def outputs(nb) -> list:
    """Every output of every code cell."""
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def errors(nb) -> list:
    """The error outputs (a cell that raised)."""
    return [o for o in outputs(nb) if o.output_type == "error"]


def shown(nb) -> str:
    """The text the outputs show: plain text, HTML and printed lines."""
    return " ".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("data", {}).get(
        "text/html", "")) + str(o.get("text", "")) for o in outputs(nb))


def empty_edit_cells(nb) -> list[str]:
    """The first lines of the `# EDIT` cells that show an empty table, or nothing where they end
    in a value to show: a default that did not fit the corpus (an outlet, a term or an actor it
    does not have). A cell ending in `;` draws a figure, shown only with an inline backend."""
    empty = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "# EDIT" not in cell.source:
            continue
        plain = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
        shows_value = not cell.source.rstrip().endswith(";")
        if "Empty DataFrame" in plain or (shows_value and not cell.outputs):
            empty.append(cell.source.splitlines()[0])
    return empty
