"""The document viewer follows its control and shows article text escaped, as text."""

from __future__ import annotations

from workbench.widgets.corpus import DocumentViewer

RUSSTRAT = "003_42b7a2a72f6b30d3"


def test_viewer_shows_the_picked_document_escaped(seed_corpus):
    viewer = DocumentViewer(seed_corpus)
    viewer.controls["document"].value = RUSSTRAT
    assert "Average: 2.5 (2 votes)" in viewer.view.value and "[removed: rating]" in viewer.view.value
    viewer.controls["document"].value = "001_067d92aa473488f3"
    assert "told Trend" in viewer.view.value and "RUSSTRAT" not in viewer.view.value


def test_viewer_escapes_hostile_text(tmp_path):
    from workbench import load_corpus

    folder = tmp_path / "data" / "corpus"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("Headline here\n\nThe page said <img src=x onerror=alert(1)> and "
                                  "<script>alert(2)</script> in a long enough sentence for the body.",
                                  encoding="utf-8")
    viewer = DocumentViewer(load_corpus(folder, metadata=None, cache_dir=tmp_path / "c"))
    assert "<img" not in viewer.view.value and "&lt;img src=x onerror=alert(1)&gt;" in viewer.view.value
    assert "<script>" not in viewer.view.value
