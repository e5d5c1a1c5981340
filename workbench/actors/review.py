"""The researcher's review of discovered actors: the table of them, the passages behind one, and
the decisions (confirm under its name or another, merge into a listed actor, reject), written to
the project's own data files and in force from the next run on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..index.passages import passages
from ..project import Project
from ..project.inputs import TYPES

COLUMNS = ["actor", "type", "evidence", "mentions", "documents", "surfaces"]
REJECTED_HEADER = """\
# Discovered names that are not actors: actor discovery leaves them out (written by the
# networks dashboard's Reject, or by hand). name: the name as discovery gives it; note: why.
name,note
"""


def discovered_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors `find_mentions(discovery=...)` found outside the dictionary, most mentioned first.

    Columns: actor, type, evidence (the patterns that found it, most frequent first), mentions,
    documents, surfaces (its distinct forms in the text, most frequent first, joined by " | ").
    """
    found = mentions[mentions["discovered"]]
    if found.empty:
        return pd.DataFrame(columns=COLUMNS)
    table = found.groupby("actor", as_index=False).agg(
        type=("type", "first"), mentions=("doc_id", "size"), documents=("doc_id", "nunique"))
    table["evidence"] = _by_count(found, "evidence", ", ").reindex(table["actor"]).array
    table["surfaces"] = _by_count(found, "surface", " | ").reindex(table["actor"]).array
    return table.sort_values(["mentions", "documents", "actor"], ascending=[False, False, True],
                             ignore_index=True)[COLUMNS]


def _by_count(found: pd.DataFrame, column: str, sep: str) -> pd.Series:
    """Per actor, its distinct values of `column`, most frequent first (ties in order of first
    appearance, as `value_counts` orders them), joined by `sep`; computed for all actors at
    once, not a `value_counts` per actor (18,000 discovered actors took 10 s)."""
    pairs = found.groupby(["actor", column], sort=False, observed=True).size().reset_index(
        name="n")
    pairs["first"] = range(len(pairs))
    pairs = pairs.sort_values(["actor", "n", "first"], ascending=[True, False, True])
    actors = pairs["actor"].astype(str).to_numpy(dtype=object)
    values = pairs[column].astype(str).to_numpy(dtype=object)
    cut = (np.flatnonzero(actors[1:] != actors[:-1]) + 1).tolist()
    return pd.Series({actors[a]: sep.join(values[a:b])
                      for a, b in zip([0, *cut], [*cut, len(actors)], strict=True)},
                     dtype="string")


def discovered_passages(corpus: Corpus, mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The passages behind one discovered actor: `index.passages` of its mentions, with the
    pattern that found each (`evidence`)."""
    rows = mentions[mentions["discovered"] & (mentions["actor"] == actor)]
    return passages(corpus, rows[["doc_id", "start", "end", "evidence"]])


def confirm_actor(project: Project, name: str, *, type: str, aliases: Iterable[str] = (),
                  actor: str | None = None) -> Path:
    """Write a discovered actor into the project's actor dictionary, so the next run lists it:
    as a new actor called `actor or name` (a confirmation, or a rename) or, when `actor` is
    listed already, as more aliases of it (a merge). `name` and `aliases` (the discovered forms)
    not yet in the dictionary become `name` rows, a new person's last name a `surname` row,
    each noted "confirmed from discovery". Returns the file written."""
    if type not in TYPES:
        raise ValueError(f"type {type!r} is unknown; expected one of {', '.join(TYPES)}")
    path = project.own_input("actors")
    listed = project.actors()
    target = actor or name
    merge = target in set(listed["actor"])
    taken = set(listed["alias"])
    forms = [(a, "name") for a in dict.fromkeys([name, *aliases]) if a and a not in taken]
    surname = target.split()[-1]
    shared = set(listed.loc[listed["kind"] == "surname", "alias"])  # persons may share one
    if type == "person" and not merge and len(target.split()) > 1 and (
            surname not in taken or surname in shared):
        forms.append((surname, "surname"))
    rows = [[target, "" if merge or i else type, "", alias, kind, "", "",
             "confirmed from discovery"] for i, (alias, kind) in enumerate(forms)]
    _append_rows(path, rows)
    return path


def reject_actor(project: Project, name: str, note: str = "") -> Path:
    """Record that a discovered name is not an actor (the project's
    `data/rejected_actors.csv`): discovery leaves it out from the next run on. Returns the file
    written."""
    path = project.own_input("rejected_actors")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REJECTED_HEADER, encoding="utf-8")
    _append_rows(path, [[name, note]])
    return path


def _append_rows(path: Path, rows: list[list[str]]) -> None:
    """Append CSV rows to an input file, on a line of their own."""
    before = path.read_text(encoding="utf-8")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(before + ("" if before.endswith("\n") or not before else "\n")
                    + buffer.getvalue(), encoding="utf-8")
