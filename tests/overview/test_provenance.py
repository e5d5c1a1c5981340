"""The archive exports a corpus was built from, per export: its format, search and export time,
its articles, and those set aside as repeats with why."""

from __future__ import annotations

from lexis_exports import encode_export, html_export, story, text_export

from workbench import load_corpus
from workbench.overview import provenance


def test_each_export_with_its_search_and_the_repeats_set_aside(corpus_dir):
    (corpus_dir / "a.TXT").write_bytes(encode_export(text_export([story(k) for k in (1, 2, 3)],
                                                                 search="pier AND ferry")))
    (corpus_dir / "b.htm").write_text(html_export([story(3), story(4)]), encoding="utf-8")
    (corpus_dir / "page.txt").write_text("\n\n".join(story(9).body), encoding="utf-8")
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=corpus_dir.parent / ".cache")
    table = provenance(corpus).set_index("file")
    assert table.index.tolist() == ["a.TXT", "b.htm"]
    assert table.format.tolist() == ["nexis-text", "nexis-html"]
    assert table.loc["a.TXT", "search"] == "pier AND ferry"
    assert table.loc["a.TXT", "exported"] == "Friday, March 20, 2020 16:51:31"
    assert table[["articles", "documents", "set_aside"]].values.tolist() == [[3, 3, 0], [2, 1, 1]]
    assert table.loc["b.htm", "why"] == "#1: duplicate of a.TXT:3 (identical text); not counted twice"


def test_a_corpus_without_exports_has_none(seed_corpus):
    table = provenance(seed_corpus)
    assert table.empty and list(table.columns)[:4] == ["file", "format", "search", "exported"]
