"""A query word also matches a part of a hyphenated compound, with offsets on the part, in
counts, concordances and the naming lens; a longer match over the whole compound wins; one
switch turns it off."""

from __future__ import annotations

import pandas as pd
import pytest
from dashboards import trends_dash

from workbench import load_corpus, profiling
from workbench.index import find, named_query, term_index
from workbench.trends import kwic, term_frequency

TEXT = ("Talks on the triangle\n\nThe Russia-Azerbaijan-Turkey triangle shaped the talks, and "
        "Azerbaijan-Russia relations were strained after the Nagorno-Karabakh war, in which "
        "Turkey backed Baku.\n")


@pytest.fixture
def corpus(corpus_dir, tmp_path):
    (corpus_dir / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text("file,date\na.txt,2023-05-05\n", encoding="utf-8")
    return load_corpus(corpus_dir, metadata=corpus_dir.parent / "sources.csv",
                       cache_dir=tmp_path / "cache")


def _spans(corpus, *terms: str, **options) -> list[str]:
    """The text of every match of one query whose terms are `terms`."""
    text = corpus.text("a")
    spans = find(term_index(corpus), named_query("q", terms), **options)
    return [text[s:e] for s, e in zip(spans.start, spans.end)]


def test_a_word_matches_the_part_of_a_compound_with_offsets_on_the_part(corpus):
    assert _spans(corpus, "turkey") == ["Turkey", "Turkey"]  # in the compound, then alone
    assert _spans(corpus, "russia") == ["Russia", "Russia"]
    assert _spans(corpus, "turkey", compounds=False) == ["Turkey"]


def test_a_match_of_the_whole_compound_wins_over_its_part(corpus):
    assert _spans(corpus, "nagorno-karabakh", "karabakh") == ["Nagorno-Karabakh"]
    variants = pd.DataFrame({"concept": ["karabakh"] * 2, "variant": ["Nagorno-Karabakh", "Karabakh"],
                             "terms": ["Nagorno-Karabakh", "Karabakh"], "stance": ["", ""],
                             "notes": ["", ""]})
    matches = profiling.variant_matches(corpus, variants)
    assert matches.variant.tolist() == ["Nagorno-Karabakh"]
    assert profiling.variant_matches(corpus, variants.iloc[[1]]).variant.tolist() == ["Karabakh"]
    assert profiling.variant_matches(corpus, variants.iloc[[1]], compounds=False).empty


def test_counts_and_the_concordance_follow_the_switch(corpus):
    assert term_frequency(corpus, "turkey", by="year")["count"].sum() == 2
    assert term_frequency(corpus, "turkey", by="year", compounds=False)["count"].sum() == 1
    lines = kwic(corpus, "turkey", window=2)
    assert lines.match.tolist() == ["Turkey", "Turkey"]
    assert lines.left.iloc[0].endswith("The Russia-Azerbaijan-") and lines.right.iloc[0].startswith(
        "triangle")


def test_on_the_seeds_russia_is_also_counted_in_azerbaijan_russia(seed_corpus):
    index, query = term_index(seed_corpus), named_query("russia", ["russia"])
    whole, every = find(index, query, compounds=False), find(index, query)
    assert len(every) > len(whole)
    text = dict(zip(seed_corpus.documents.doc_id.astype(str), seed_corpus.documents.text))
    extra = every.merge(whole, how="left", indicator=True).query("_merge == 'left_only'")
    assert {text[d][s:e] for d, s, e in zip(extra.doc_id, extra.start, extra.end)} == {"Russia"}
    assert all(text[d][s - 1] == "-" or text[d][e] == "-"
               for d, s, e in zip(extra.doc_id, extra.start, extra.end))


def test_the_trends_dashboard_has_the_switch(corpus):
    dash = trends_dash(corpus, terms="turkey")
    assert dash.table["count"].sum() == 2 and len(dash.kwic) == 2
    dash.controls["compounds"].value = False
    assert dash.table["count"].sum() == 1 and dash.kwic.match.tolist() == ["Turkey"]
