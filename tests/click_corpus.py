"""A small corpus for the chart clicks: outlet A has three "peacekeepers" in two documents of
2023-09 and a document dated only to 2023 holding the term; outlet B and an outlet whose name is
HTML have one each in 2023-09. Outlet A has the most words, so with `top=1` the two others are
added up as "(other groups)"."""

from pathlib import Path

HOSTILE = "<img src=x onerror=alert(1)>"
FILLER = ("The ministry published its monthly review of the region, its roads, its schools "
          "and its hospitals, and the council debated the budget for the coming year. ")
#: file: (outlet, date, precision, title, text)
DOCUMENTS = {
    "a1.txt": ("Outlet A", "2023-09-05", "day", "Convoy reaches Lachin",
               "Russian peacekeepers reached the Lachin road on Tuesday. The peacekeepers "
               "stayed at the checkpoint overnight. " + FILLER * 3),
    "a2.txt": ("Outlet A", "2023-09-20", "day", "Checkpoint handed over",
               "The peacekeepers handed the checkpoint to the border service. " + FILLER * 3),
    "a3.txt": ("Outlet A", "2023", "year", "The year in review",
               "In the year under review the peacekeepers were mentioned by every speaker. "
               + FILLER * 3),
    "a4.txt": ("Outlet A", "2023-10-03", "day", "October talks",
               "The peacekeepers returned to the talks in October. " + FILLER * 2),
    "b1.txt": ("Outlet B", "2023-09-12", "day", "Border watch",
               "Local peacekeepers watched the border crossing. " + FILLER),
    "h1.txt": (HOSTILE, "2023-09-15", "day", "<b>bold</b> title",
               "<b>bold</b> words and the peacekeepers of the mission. " + FILLER),
}
YEAR_ONLY = "a3.txt"


def write_click_corpus(root: Path) -> tuple[Path, Path]:
    """Write the documents into `root`/corpus and their metadata into `root`/sources.csv;
    returns both paths (for `load_corpus(corpus, metadata=sources)`)."""
    import csv

    folder = root / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    sources = root / "sources.csv"
    with sources.open("w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["file", "outlet", "title", "date", "date_precision", "language"])
        for name, (outlet, date, precision, title, text) in DOCUMENTS.items():
            (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
            rows.writerow([name, outlet, title, date, precision, "en"])
    return folder, sources
