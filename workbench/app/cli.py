"""Command line (`workbench`, or `python -m workbench`): `check [PATH]` prints the ingest report,
`report [--out DIR]` runs the notebooks into shareable HTML (`report`), `app [--port N]` serves
the dashboards to colleagues (`serve`), `inputs [--copy NAME]` says where each
researcher-editable input is read from and copies a shipped one to edit.

`check` exits with 1 when any file or row was skipped, so scripts can stop on bad input.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd

from .. import __version__
from ..corpus.corpus import Corpus
from ..overview.provenance import provenance
from ..overview.quality import FIELDS, needs_attention, quality
from ..project.project import INPUTS, project


def format_report(corpus: Corpus) -> str:
    """Plain-text report: status per file, metadata (curated, or inferred with evidence and
    confidence), coverage per field, the documents that need attention, removed lines."""
    out = []
    counts = corpus.report.status.value_counts()
    out.append(f"{len(corpus.documents)} documents, {len(corpus.sentences)} sentences, "
               f"{len(corpus.tokens)} tokens; " +
               ", ".join(f"{counts.get(s, 0)} {s}" for s in ("ok", "warning", "skipped")))
    out.append("\nFILES (an archive export's articles: file #article: headline)")
    exports = set(provenance(corpus).file)
    titles = dict(zip(corpus.documents.doc_id.astype(str), corpus.documents.title.fillna("")))
    for r in corpus.report.itertuples(index=False):
        where = r.file
        if not pd.isna(r.row) and r.file in exports:
            title = titles.get(str(r.doc_id), "")
            where += f" #{r.row}" + (f": {title[:60]}{'…' if len(title) > 60 else ''}" if title else "")
        elif not pd.isna(r.row):
            where += f" row {r.row}"
        out.append(f"  [{r.status:7}] {where}" + (f": {r.reason}" if r.reason else ""))
    out.append("\nMETADATA (chosen value; [curated] / [inferred: evidence]; ! = disagreement)")
    meta = corpus.metadata
    for doc_id, rows in meta.groupby("doc_id", sort=False):
        out.append(f"  {doc_id}")
        for m in rows.itertuples(index=False):
            if pd.isna(m.chosen):
                continue
            how = "curated" if not pd.isna(m.curated) else \
                f"inferred, {m.confidence} confidence: {m.evidence}"
            flag = " !" if m.agrees is False else ""
            out.append(f"    {m.field:9} {m.chosen} [{how}]{flag}")
    table = quality(corpus)
    n = table.documents.sum()
    out.append("\nMETADATA COVERAGE (documents with a value; curated or inferred)")
    out.extend(f"  {fld:7} {(table[fld] * table.documents).sum():.0f} of {n}" for fld in FIELDS)
    attention = needs_attention(corpus)
    out.append(f"\nNEEDS YOUR ATTENTION ({len(attention)}; confirm or correct in the curated metadata)")
    out.extend(f"  {r.doc_id}: {r.issue}: {r.detail}" for r in attention.itertuples())
    out.append("\nREMOVED LINES (line: rule: text)")
    removed = corpus.removed.astype({"doc_id": str})
    for doc_id, rows in removed.groupby("doc_id", sort=False):
        out.append(f"  {doc_id}")
        out.extend(f"    {r.line_no:>4}: {r.rule}: {r.text[:70]}" for r in rows.itertuples())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbench")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="load the corpus and print the ingest report")
    check.add_argument("path", nargs="?", help="corpus folder (default: the configured corpus)")
    check.add_argument("--metadata", help="curated metadata CSV (default: data/sources.csv)")
    report = sub.add_parser("report", help="run every notebook, write HTML pages + index.html")
    report.add_argument("--out", help="output folder (default: reports/ in the project)")
    report.add_argument("--notebooks", help="folder of NN-name.ipynb notebooks (default: the "
                                            "project's notebooks/)")
    report.add_argument("--cell-timeout", type=int, default=600,
                        help="seconds a cell may run before the notebook is stopped (default 600)")
    app = sub.add_parser("app", help="serve the corpus overview and the dashboards as a web app "
                                     "(Voilà; other --Voila... options are passed on)")
    app.add_argument("--port", type=int, default=8866, help="port to listen on (default 8866)")
    app.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1, this machine only; 0.0.0.0: "
                          "every interface, for colleagues on the network)")
    app.add_argument("--no-browser", action="store_true", help="do not open a browser")
    app.add_argument("--notebooks", help="folder of NN-name.ipynb notebooks (default: the "
                                         "project's notebooks/)")
    inputs = sub.add_parser("inputs", help="where each researcher-editable input is read from")
    inputs.add_argument("--copy", nargs="+", choices=sorted(INPUTS), metavar="NAME",
                        help="copy these shipped inputs into the project's data/ to edit them")
    args, extra = parser.parse_known_args(argv)
    if extra and (args.command != "app" or not all(x.startswith("--") for x in extra)):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "app":
        return _app(args, tuple(extra))
    if args.command == "inputs":
        return _inputs(args.copy or ())
    if args.command == "report":
        from .report import main as report_main

        return report_main(args.out, notebooks=args.notebooks, timeout=args.cell_timeout)
    try:
        here = project()
        options = here.load_options()
        if args.metadata:
            options = replace(options, metadata=Path(args.metadata))
        corpus = here.load_corpus(Path(args.path) if args.path else here.corpus_path(), options)
    except (FileNotFoundError, ValueError) as err:  # ValueError: also a bad input file
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        print(format_report(corpus))
    except BrokenPipeError:  # e.g. piped into `head`
        pass
    return 1 if (corpus.report.status == "skipped").any() else 0


def _app(args: argparse.Namespace, extra: tuple[str, ...]) -> int:
    """Serve the notebooks with Voilà until stopped (`serve.serve`)."""
    from .serve import Options, serve

    notebooks = Path(args.notebooks) if args.notebooks else project().root / "notebooks"
    try:
        return serve(Options(notebooks.resolve(), host=args.host, port=args.port,
                             browser=not args.no_browser, extra=extra))
    except OSError as err:  # no notebooks, the port taken
        print(f"error: {err}", file=sys.stderr)
        return 2


def _inputs(copy: tuple[str, ...]) -> int:
    """Copy the named inputs into the project (the ones it has already are kept), then print
    where every input is read from."""
    here = project()
    for name in copy:
        print(f"{name}: edit {here.own_input(name)}")
    for r in here.inputs().itertuples(index=False):
        print(f"  {r.input:16} {r.source:8} {r.path}")
    return 0
