"""The corpus notebook runs top to bottom; the document viewer follows its control."""

from __future__ import annotations

from workbench.overview import document_lines, outlet_summary
from workbench.widgets.corpus import DocumentViewer

RUSSTRAT = "003_42b7a2a72f6b30d3"


def test_document_lines_interleave_kept_and_removed_in_source_order(seed_corpus):
    lines = document_lines(seed_corpus, RUSSTRAT)
    assert list(lines.line_no) == sorted(lines.line_no)
    assert lines.iloc[0].text == "Moscow and Baku become strategic partners" and lines.iloc[0].kept
    assert lines[~lines.kept].rule.tolist() == ["widget", "widget", "widget", "rating"]


def test_outlet_summary_counts_documents_and_undated(seed_corpus):
    summary = outlet_summary(seed_corpus).set_index("source")
    assert summary.loc["Trend", "documents"] == 1
    assert summary.documents.sum() == 5 and summary.undated.sum() == 0


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


def test_corpus_notebook_runs_top_to_bottom(run_notebook):
    nb = run_notebook("notebooks/00-corpus.ipynb")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("5 documents" in str(o.get("data", {}).get("text/plain", "")) for o in outputs)
