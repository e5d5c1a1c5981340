"""The benchmark corpora: where they live, how their columns map, a temp copy to load.

The shared corpora are never copied into the repository: each run writes (or links) its
input into a temporary folder, and only there are light conversions made.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT / ".." / "shared" / "corpora").resolve()


@dataclass(frozen=True)
class Spec:
    """One corpus: its source file, the `columns=` mapping for `load_corpus`, a converter."""

    name: str
    source: Path
    columns: dict
    terms: tuple[str, ...]  # query terms for the latency runs


def _reuters_row(rec: dict) -> dict | None:
    """Reuters JSONL -> the fields the workbench reads; BRIEF items (title only) keep the title.

    The dateline ("NEW YORK, March 3 -") opens the text, as it opened the story on the wire.
    """
    body, dateline = rec.get("body"), (rec.get("dateline") or "").strip()
    text = f"{dateline} {body}" if body and dateline else body or rec.get("title")
    if not text:
        return None
    return {"id": str(rec["newid"]), "date": rec.get("date"), "title": rec.get("title"),
            "author": rec.get("author"), "outlet": "Reuters", "text": text}


def _wcep_row(rec: dict) -> dict:
    return rec


CONVERT = {"reuters": _reuters_row, "wcep": _wcep_row}
SPECS = {
    "reuters": Spec("reuters", SHARED / "reuters21578" / "reuters21578.jsonl.gz",
                    {"text": "text", "date": "date", "title": "title", "author": "author",
                     "outlet": "outlet", "id": "id"},
                    ("oil", "wheat", "dollar", "interest rate*", "trade", "japan", "opec",
                     "bank*", "strike", "tax*", "profit", "merger", "gold", "coffee", "crude",
                     "yen", "tariff*", "sugar", "acqui*", "shares", "growth", "deficit")),
    "wcep": Spec("wcep", SHARED / "wcep_current_events" / "wcep_events_2002-2025.jsonl.gz",
                 {"text": "text", "date": "date", "outlet": "sources", "id": "id"},
                 ("iran", "election*", "ukraine", "earthquake", "climate change", "nuclear",
                  "hurricane", "protest*", "oil", "refugee*", "ceasefire", "sanctions",
                  "bomb*", "flood*", "china", "russia", "pandemic", "coup", "strike",
                  "president", "terror*", "olympic*")),
}


def prepare(spec: Spec, workdir: Path, *, limit: int | None = None, files: int = 1) -> Path:
    """Write the corpus (first `limit` records) under `workdir/corpus/`: one JSONL file, or
    `files` of them (`write_jsonl`)."""
    convert = CONVERT[spec.name]
    with gzip.open(spec.source, "rt", encoding="utf-8") as src:
        rows = (convert(json.loads(line)) for line in itertools.islice(src, limit))
        return write_jsonl((row for row in rows if row is not None), workdir / "corpus", spec.name, files)


def write_jsonl(rows: Iterable[dict], folder: Path, stem: str, files: int = 1) -> Path:
    """`rows` as `<folder>/<stem>.jsonl`, or dealt in turn into `files` files `<stem>-NN.jsonl`
    (each file a task of about the same length on a pool or a cluster); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"{stem}.jsonl"] if files == 1 else [f"{stem}-{k:02d}.jsonl" for k in range(files)]
    outs = [open(folder / name, "w", encoding="utf-8") for name in names]
    try:
        for out, row in zip(itertools.cycle(outs), rows):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        for out in outs:
            out.close()
    return folder


def texts(folder: Path) -> list[str]:
    """The text cells of the prepared corpus: what the baselines are given."""
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            out += [str(json.loads(line).get("text") or "") for line in fh]
    return out
