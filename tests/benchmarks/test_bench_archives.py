"""The archive benchmark's synthetic Word export is a whole Nexis Uni export: its reader finds all
500 articles, each complete (the speed itself is measured by `python -m benchmarks.archives`)."""

from __future__ import annotations

import pytest

from workbench.ingest.archives import nexis_uni

archives = pytest.importorskip("benchmarks.archives", reason="run from the repository root")
pytestmark = pytest.mark.slow  # python-docx takes a few seconds to write 500 articles


def test_the_synthetic_export_reads_as_its_500_articles():
    export = nexis_uni.read(archives.synthetic_export(500))
    assert len(export.articles) == 500 and export.problems == ()
    assert all(not a.problem and a.field("date") and len(a.paragraphs) == 8
               for a in export.articles)
    assert [a.field("title") for a in export.articles[::250]] == [
        "Harbour report number 1", "Harbour report number 251"]
    assert dict(export.provenance)["documents"] == "500"


def test_the_folder_of_exports_holds_distinct_whole_exports(tmp_path):
    archives.export_folder(tmp_path, exports=3, articles=2)
    read = [nexis_uni.read(p.read_bytes()) for p in sorted(tmp_path.iterdir())]
    assert [len(e.articles) for e in read] == [2, 2, 2]
    titles = [a.field("title") for e in read for a in e.articles]
    assert len(set(titles)) == 6 and titles[2] == "Harbour report number 1-1"
