"""`python -m benchmarks.archives`: how fast a Nexis Uni Word export is read, in articles per
second of CPU time (target: 500 or more for a 500-article export).

The export is synthetic, written with python-docx in a temporary folder in the archive's layout:
a cover page listing every article, then each article in its own section (with its own header
and footer part, as Nexis gives them), opened by its bookmark, with bold labels, the `Body`
marker, eight body paragraphs (about 600 words), a classification block and "End of Document";
every run carries its font, size and colour as in a real export.
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    print(json.dumps(measure(parser.parse_args().articles)))
