"""`python -m benchmarks.archives`: how fast a Nexis Uni Word export is read, in articles per
second of CPU time (target: 500 or more for a 500-article export), and whether a folder of 100
exports is ingested by every worker (the workers that did work, and the speed-up over one).

The export is synthetic, written with python-docx in a temporary folder in the archive's layout:
a cover page listing every article, then each article in its own section (with its own header
and footer part, as Nexis gives them), opened by its bookmark, with bold labels, the `Body`
marker, eight body paragraphs (about 600 words), a classification block and "End of Document";
every run carries its font, size and colour as in a real export.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import re
import tempfile
import time
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from workbench.ingest.archives import nexis_uni

TARGET = 500  # articles per second


def _paragraph(doc, shapes: dict, *runs: tuple[str, bool],
               align=WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    """A paragraph formatted as Nexis formats them: spacing, alignment, and every run's font,
    size and colour set on the run. python-docx formats one paragraph of each shape (kept in
    `shapes`); the others are copies of it with their own text (its formatting API is slow)."""
    key = (align, tuple(bold for _, bold in runs))
    if key not in shapes:
        paragraph = docx.Document().add_paragraph()
        paragraph.paragraph_format.alignment = align
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.paragraph_format.line_spacing = Pt(13)
        for _, bold in runs:
            run = paragraph.add_run("x")
            run.bold, run.font.name, run.font.size = bold, "Arial", Pt(10)
            run.font.color.rgb = RGBColor(0, 0, 0)
        shapes[key] = paragraph._p
    p = copy.deepcopy(shapes[key])
    doc.element.body[-1].addprevious(p)  # before the closing sectPr, without a scan
    for t, (text, _) in zip(p.iter(qn("w:t")), runs):
        t.text = text
        t.set(qn("xml:space"), "preserve")


def synthetic_export(articles: int) -> bytes:
    """A Nexis Uni Word export of `articles` invented articles."""
    doc, shapes = docx.Document(), {}
    _paragraph(doc, shapes, ("Date and Time:", True), ("\xa0Monday, March 9, 2020 10:00:00 AM EST", False))
    _paragraph(doc, shapes, (f"Documents ({articles})", True))
    for n in range(1, articles + 1):
        _paragraph(doc, shapes, (f"{n}.", False), (f" Harbour report number {n}", False))
        for label, value in (("Client/Matter", "-None-"), ("Search Terms", "harbour"),
                             ("Search Type", "Boolean"), ("Narrowed by", "")):
            _paragraph(doc, shapes, (f"{label}:", True), (f"\xa0{value}", False))
    for n in range(1, articles + 1):
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
            part.paragraphs[0].text = f"Page {n} of {articles}"
        opening = OxmlElement("w:bookmarkStart")
        opening.set(qn("w:id"), str(n))
        opening.set(qn("w:name"), f"Bookmark_{n}")
        doc.add_paragraph()._p.append(opening)
        for text in (f"Harbour report number {n}", "The Harbour Gazette",
                     f"March {n % 28 + 1}, 2020 Tuesday", "", "Copyright 2020 The Harbour Gazette"):
            _paragraph(doc, shapes, (text, False), align=WD_ALIGN_PARAGRAPH.CENTER)
        for label, value in (("Section", "LOCAL; Pg. 3"), ("Length", "412 words"),
                             ("Byline", "Mara Lind")):
            _paragraph(doc, shapes, (f"{label}:", True), (f"\xa0{value}", False))
        _paragraph(doc, shapes, ("Body", True))
        for k in range(8):
            _paragraph(doc, shapes, (f"Paragraph {k} of report {n}: the ", False), ("ferry", True),
                       (" sailed at dawn, the pier was crowded and the council said the new "
                        "timetable would hold through the summer, when the islands expect more "
                        "visitors than in any year since the harbour was rebuilt, and the "
                        "operator has leased a second boat for the weekends.", False))
            _paragraph(doc, shapes, ("", False))
        _paragraph(doc, shapes, ("Classification", True))
        for label, value in (("Language", "ENGLISH"), ("Publication-Type", "Newspaper"),
                             ("Subject", "FERRIES (90%); TRAVEL (72%)"),
                             ("Load-Date", "March 11, 2020")):
            _paragraph(doc, shapes, (f"{label}:", True), (f"\xa0{value}", False))
        _paragraph(doc, shapes, ("End of Document", True))
    with tempfile.TemporaryDirectory(prefix="bench-archives-") as tmp:
        path = Path(tmp) / "export.docx"
        doc.save(path)
        return path.read_bytes()


def measure(articles: int = 500, repeats: int = 3) -> dict:
    """Reading speed of a synthetic `articles`-article Word export: the best of `repeats` reads,
    in CPU seconds (the machine is shared), and the articles read."""
    data = synthetic_export(articles)
    best, read = float("inf"), 0
    for _ in range(repeats):
        start = time.process_time()
        read = len(nexis_uni.read(data).articles)
        best = min(best, time.process_time() - start)
    return {"articles": read, "bytes": len(data), "cpu_seconds": round(best, 3),
            "articles_per_second": round(read / best), "target": TARGET}


def export_folder(folder: Path, exports: int = 100, articles: int = 50) -> int:
    """`exports` Word exports of `articles` articles each in `folder`, every file with other
    titles and body words (one synthetic export, renumbered per file: writing each with
    python-docx would take minutes). Returns the bytes written."""
    template = synthetic_export(articles)
    with zipfile.ZipFile(io.BytesIO(template)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for k in range(exports):
        parts["word/document.xml"] = re.sub(r"(report|number) (\d+)", rf"\1 {k}-\2", body).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        written += (folder / f"export-{k:03d}.docx").write_bytes(buffer.getvalue())
    return written


def folder_ingest(exports: int = 100, articles: int = 50) -> dict:
    """A cold ingest of a folder of `exports` Word exports with every worker: its seconds, the
    documents, the workers started and how many of them worked (more than 0.2 CPU seconds
    during the load), and the same load with one worker for the speed-up. The articles differ
    only in their numbers, so duplicates are not looked for (they would all be near copies)."""
    import psutil

    import workbench
    from workbench.ingest.pipeline import PRELOAD
    from workbench.parallel import pool, worker_count

    out = {"exports": exports, "articles_each": articles}
    with tempfile.TemporaryDirectory(prefix="bench-archive-folder-") as tmp:
        folder = Path(tmp) / "corpus"
        out["mb"] = round(export_folder(folder, exports, articles) / 2**20, 1)
        for label, workers in (("one", 1), ("all", worker_count())):
            if workers > 1:
                list(pool(workers, PRELOAD).map(abs, range(4 * workers)))  # started before timing
            before = {p.pid: sum(p.cpu_times()[:2]) for p in psutil.Process().children(recursive=True)}
            start = time.perf_counter()
            corpus = workbench.load_corpus(folder, metadata=None, cache_dir=Path(tmp) / label,
                                           progress=False, workers=workers, dedupe="none")
            out[f"{label}_s"] = round(time.perf_counter() - start, 2)
            after = {p.pid: sum(p.cpu_times()[:2]) for p in psutil.Process().children(recursive=True)}
            out["documents"] = len(corpus.documents)
            if workers > 1:
                out["workers"] = workers
                out["workers_busy"] = sum(after[p] - before.get(p, 0) > 0.2 for p in after)
    out["speedup"] = round(out["one_s"] / out["all_s"], 2)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--exports", type=int, default=100, help="Word exports in the folder")
    args = parser.parse_args()
    print(json.dumps({"read": measure(args.articles), "folder": folder_ingest(args.exports)}))
