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


def test_the_viewer_finds_documents_by_outlet_or_title_and_says_how_many_match(seed_corpus):
    viewer = DocumentViewer(seed_corpus)
    assert len(viewer.controls["document"].options) == 5 and "5 documents" in viewer.count.value
    viewer.controls["find"].value = "russtrat"
    assert [v for _, v in viewer.controls["document"].options] == [RUSSTRAT]
    assert viewer.controls["document"].value == RUSSTRAT  # the only match is shown at once
    assert "Average: 2.5 (2 votes)" in viewer.view.value
    assert "1 document containing “russtrat”" in viewer.count.value
    viewer.controls["find"].value = "Azerbaijan"  # four titles: the shown one is not among them
    assert len(viewer.controls["document"].options) == 4
    assert viewer.controls["document"].value != RUSSTRAT and "RUSSTRAT" not in viewer.view.value
    viewer.controls["find"].value = "no such words"
    assert viewer.controls["document"].options == () and "No documents" in viewer.view.value


def test_the_viewer_keeps_the_shown_document_when_a_search_still_lists_it(seed_corpus):
    viewer = DocumentViewer(seed_corpus)
    viewer.controls["document"].value = "002_3ecd11ab92daf9a0"  # JAMnews, December 2022
    viewer.controls["find"].value = "Azerbaijan"
    assert viewer.controls["document"].value == "002_3ecd11ab92daf9a0"
    label = dict((v, k) for k, v in viewer.controls["document"].options)["002_3ecd11ab92daf9a0"]
    assert label.startswith("002_3ecd11ab92daf9a0 — JAMnews — 2022-12 — Are Azerbaijan and Russia")


def test_the_viewer_lists_only_the_first_matches_of_a_large_corpus(seed_corpus):
    viewer = DocumentViewer(seed_corpus, listed=2)
    assert len(viewer.controls["document"].options) == 2
    assert "5 documents; listing the first 2" in viewer.count.value
    viewer.controls["find"].value = "2024"  # no title or outlet holds it: dates are not searched
    assert viewer.matches.attrs["total"] == 0


def test_the_viewers_metadata_shows_the_date_as_precisely_as_known(seed_corpus):
    viewer = DocumentViewer(seed_corpus)
    viewer.controls["document"].value = "000_438739c02a2fa118"  # AzerNews, dated to 2024 alone
    fields = dict(zip(viewer.metadata.data.field, viewer.metadata.data.value))
    assert fields["date"] == "2024" and fields["date_precision"] == "year"
