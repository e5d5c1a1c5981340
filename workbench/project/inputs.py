"""Researcher-editable inputs read and validated in one style: every problem names the file, the
line and how to fix it, and all problems of a file are reported at once.

Each reader returns a plain table (a DataFrame with the file's `line` of each row) or a tuple of
strings; `workbench.project.Project` turns them into what ingest and the analyses take.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import regex

#: actor dictionary: the kinds of actor and of alias (see the header of data/actors.csv)
TYPES = ("person", "state", "organisation", "group", "place")
KINDS = ("name", "surname", "adjective", "metonym", "title")
#: discovery words: what each role of data/discovery_words.csv does (see its header)
ROLES = ("org_head", "org_cue", "org_prefix", "state_body", "group", "surname_end",
         "credit", "not_name", "not_complement")


class InputError(ValueError):
    """A researcher-editable input that cannot be used; the message lists every problem as
    `<file> line <n>: <what is wrong>; <how to fix it>`."""

    def __init__(self, path: str | Path, problems: Sequence[str]):
        self.path, self.problems = Path(path), list(problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s)\n" + "\n".join(
            f"{path} {p}" for p in self.problems))


def _compiles(module) -> Callable[[str], str | None]:
    """A check that a pattern compiles with `module` (`re`, or the `regex` module)."""
    def check(value: str) -> str | None:
        try:
            module.compile(value)
        except module.error as err:
            return f"is not a valid regular expression ({err})"
        return None
    return check


def _formula(value: str) -> str | None:
    if "{outlet}" not in value:
        return "has no {outlet}"
    return _compiles(regex)(value.replace("{outlet}", "(?P<outlet>X)"))


def _domains(value: str) -> str | None:
    bad = [d for d in value.split() if not re.fullmatch(r"[\w-]+(\.[\w-]+)+", d)]
    return f"has {bad[0]!r}, which is no domain" if bad else None


def _valid_year(value: str) -> str | None:
    return None if value.isdigit() and len(value) == 4 else "is not a year"


@dataclass(frozen=True)
class Column:
    """A column of an input table: whether every row must fill it, how a value is checked
    (a function returning what is wrong, or None), and the fix to suggest."""

    name: str
    filled: bool = True
    check: Callable[[str], str | None] | None = None
    fix: str = ""
    required: bool = True  # the header must name it


def read_table(path: str | Path, columns: Sequence[Column]) -> pd.DataFrame:
    """Rows of a CSV input whose leading `#` lines are comments, values stripped, blank rows
    skipped. Columns: `line` (line of the row in the file), the declared columns (missing
    optional ones are empty), then any others. InputError lists every bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, [f"line 1: cannot be read ({err}); save it as UTF-8 text"]) from err
    skip = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    reader = csv.DictReader(lines[skip:])
    header = [h.strip() for h in reader.fieldnames or []]
    names = [c.name for c in columns]
    missing = [c.name for c in columns if c.required and c.name not in header]
    if missing:
        raise InputError(path, [f"line {skip + 1}: the header lacks {', '.join(missing)}; "
                                f"name the columns {', '.join(names)}"])
    rows, problems = [], []
    for record in reader:
        n = skip + reader.line_num  # the row's last line (a quoted cell may span several)
        values = {(k or "").strip(): (v or "").strip() for k, v in record.items() if k is not None}
        if None in record:
            problems.append(f"line {n}: more cells than the header has columns; quote values "
                            "that contain commas")
        if not any(values.values()):
            continue
        for col in columns:
            value = values.get(col.name, "")
            what = ("is empty" if col.filled and not value else
                    col.check(value) if value and col.check else None)
            if what:
                problems.append(f"line {n}: {col.name} {value!r} {what}; {col.fix}" if value
                                else f"line {n}: {col.name} {what}; {col.fix}")
        rows.append({"line": n, **{c: values.get(c, "") for c in names},
                     **{k: v for k, v in values.items() if k not in names}})
    if problems:
        raise InputError(path, problems)
    table = pd.DataFrame(rows, columns=["line", *names]) if not rows else pd.DataFrame(rows)
    return table.astype({c: "string" for c in table.columns if c != "line"})


def read_words(path: str | Path, *, lower: bool = False) -> tuple[str, ...]:
    """The non-comment lines of a word list (one entry per line; `#` starts a comment line),
    whitespace collapsed, optionally lower-cased."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    words = (" ".join(line.split()) for line in lines if line.strip() and not line.startswith("#"))
    return tuple(w.lower() if lower else w for w in words)


QUERY = "write terms in the query syntax, separated by commas (e.g. 'ally, allies, allied*')"
TABLES = {
    "cleaning_rules.csv": [
        Column("outlet", fix="write * for every outlet or an outlet's name"),
        Column("rule", fix="name the rule (it is kept with every line it removes)"),
        Column("pattern", check=_compiles(re), fix="write a Python regular expression"),
        Column("note", filled=False, required=False)],
    "outlets.csv": [
        Column("outlet", fix="write the outlet's name"),
        Column("domains", filled=False, check=_domains,
               fix="write the outlet's web domains separated by spaces (trend.az en.trend.az)"),
        Column("names", filled=False, check=_compiles(regex),
               fix="write how texts name the outlet, a regular expression (TASS|ТАСС)"),
        Column("self", filled=False, check=_compiles(regex),
               fix="write what only the outlet's own pages say, a regular expression"),
        Column("outlet_country", filled=False, required=False),
        Column("outlet_type", filled=False, required=False),
        Column("note", filled=False, required=False)],
    "self_references.csv": [
        Column("language", fix="write an ISO 639-1 code, or * for every language"),
        Column("pattern", check=_formula,
               fix="write a regular expression with {outlet} where the outlet's name stands"),
        Column("note", filled=False, required=False)],
    "keywords.csv": [
        Column("group", fix="name the keyword group (used as @name in queries)"),
        Column("terms", fix=QUERY), Column("description", filled=False, required=False)],
    "frames.csv": [
        Column("frame", fix="name the frame"), Column("terms", fix=QUERY),
        Column("language", filled=False, required=False),
        Column("notes", filled=False, required=False)],
    "naming_variants.csv": [
        Column("concept", fix="name the concept the variants name (e.g. karabakh)"),
        Column("variant", fix="name the variant (e.g. Garabagh)"), Column("terms", fix=QUERY),
        Column("stance", filled=False, required=False),
        Column("notes", filled=False, required=False)],
    "events.csv": [
        Column("date", fix="write 2020-11-10, 2024-04 or 2023"),
        Column("label", fix="give the event a short label"),
        Column("description", filled=False, required=False)],
    "title_words.csv": [
        Column("language", fix="write an ISO 639-1 code such as en or ru"),
        Column("word", fix="write a word or phrase that introduces a name (President, expert)")],
    "discovery_words.csv": [
        Column("language", fix="write an ISO 639-1 code such as en or ru"),
        Column("role", check=lambda v: None if v in ROLES else "is unknown",
               fix=f"write one of {', '.join(ROLES)}"),
        Column("word", fix="write the word as it appears in text (Russian: its dictionary form)")],
    "rejected_actors.csv": [
        Column("name", fix="write the discovered name that is not an actor"),
        Column("note", filled=False, required=False)],
    "speech_cues.csv": [
        Column("language", fix="write an ISO 639-1 code such as en or ru"),
        Column("cue", fix="write a speech verb as it appears in text (said, noted, pointed out), "
                                 "or a phrase with X where the speaker stands (according to X)")],
    "actors.csv": [
        Column("actor", fix="give the actor's canonical name"),
        Column("type", filled=False, check=lambda v: None if v in TYPES else "is unknown",
               fix=f"write one of {', '.join(TYPES)}"),
        Column("affiliation", filled=False),
        Column("alias", fix="write the text to find"),
        Column("kind", check=lambda v: None if v in KINDS else "is unknown",
               fix=f"write one of {', '.join(KINDS)}"),
        Column("since", filled=False, check=_valid_year, fix="write a year such as 2018"),
        Column("until", filled=False, check=_valid_year, fix="write a year such as 2024"),
        Column("note", filled=False)],
}


def read_actors(path: str | Path) -> pd.DataFrame:
    """The actor dictionary, one row per alias, checked line by line and actor by actor.

    Columns: line, actor, type, affiliation, alias, kind, since, until (Int64 years), note;
    `type` and `affiliation` are filled in on every row of an actor. Beyond the line checks:
    each actor has one type, and an alias names one actor except a surname shared by persons,
    an alias used in years that do not overlap (a title's holders), and a place's name that is
    also a metonym of its state ("Moscow").
    """
    raw = read_table(path, TABLES["actors.csv"])
    problems = _actor_problems(raw)
    if not problems:
        raw = _fill_actor_fields(raw)
        problems = _alias_problems(raw)
    if problems:
        raise InputError(path, problems)
    years = {c: pd.to_numeric(raw[c].replace("", None)).astype("Int64") for c in ("since", "until")}
    columns = [c.name for c in TABLES["actors.csv"]]
    return raw.assign(**years)[["line", *columns]].reset_index(drop=True)


def _actor_problems(df: pd.DataFrame) -> list[str]:
    """Each actor's type is given at least once and never contradicted (nor its affiliation)."""
    problems, first_seen = [], {}
    for r in df.itertuples(index=False):
        seen = first_seen.setdefault(r.actor, {"line": r.line, "type": "", "affiliation": ""})
        for col in ("type", "affiliation"):
            value = getattr(r, col)
            if value and seen[col] and value != seen[col]:
                problems.append(f"line {r.line}: {col} of {r.actor!r} is {value!r} here but "
                                f"{seen[col]!r} above; give one")
            seen[col] = seen[col] or value
    return problems + [f"line {seen['line']}: actor {actor!r} has no type; write one of "
                       f"{', '.join(TYPES)} on its first row"
                       for actor, seen in first_seen.items() if not seen["type"]]


def _fill_actor_fields(df: pd.DataFrame) -> pd.DataFrame:
    """Copy each actor's type and affiliation onto all of its rows."""
    out = df.copy()
    for col in ("type", "affiliation"):
        given: dict[str, str] = {}
        for actor, value in zip(out["actor"], out[col], strict=True):
            if value:
                given.setdefault(actor, value)
        out[col] = pd.array([given.get(a, "") for a in out["actor"]], dtype="string")
    return out


def _alias_problems(df: pd.DataFrame) -> list[str]:
    """An alias naming more than one actor where the dictionary's rules do not allow it."""
    groups: dict[str, list] = {}
    for r in df[df.duplicated("alias", keep=False)].itertuples(index=False):
        groups.setdefault(r.alias, []).append(r)
    problems = []
    for alias, rows in groups.items():
        kinds = {r.kind for r in rows}
        distinct = len({r.actor for r in rows}) == len(rows)
        names = [r for r in rows if r.kind == "name"]
        if (kinds == {"surname"} and distinct) or not _overlap(rows):
            continue
        if kinds == {"name", "metonym"} and len(names) == 1 and names[0].type == "place" \
                and distinct:
            continue
        where = ", ".join(f"line {r.line} ({r.actor}, {r.kind})" for r in rows)
        problems.append(f"line {rows[-1].line}: alias {alias!r} points to more than one actor or "
                        f"repeats: {where}; keep one or change its kind")
    return problems


def _overlap(rows: list) -> bool:
    """Whether any two [since, until) year ranges of these rows overlap."""
    spans = sorted((int(r.since or 0), int(r.until or 9999)) for r in rows)
    return any(nxt[0] < prev[1] for prev, nxt in zip(spans, spans[1:], strict=False))
