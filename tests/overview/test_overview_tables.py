"""The corpus overview: each document's lines kept and removed, and the outlets summarised."""

from __future__ import annotations

from workbench.overview import document_lines, outlet_summary

RUSSTRAT = "003_42b7a2a72f6b30d3"


def test_document_lines_interleave_kept_and_removed_in_source_order(seed_corpus):
    lines = document_lines(seed_corpus, RUSSTRAT)
    assert list(lines.line_no) == sorted(lines.line_no)
    assert lines.iloc[0].text == "Moscow and Baku become strategic partners" and lines.iloc[0].kept
    assert lines[~lines.kept].rule.tolist() == ["widget", "widget", "widget", "rating"]


def test_outlet_summary_counts_documents_and_undated(seed_corpus):
    summary = outlet_summary(seed_corpus).set_index("source")
    assert summary.loc["Trend", "documents"] == 1
    assert summary.documents.sum() == 5 and summary.undated.sum() == 1  # Pekcetin: no date stated
