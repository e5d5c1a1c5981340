"""Queries and term frequencies on small hand-made corpora (no loader involved)."""


import numpy as np
import pandas as pd
import pytest
from hand_made import make_corpus

from workbench import Project
from workbench.index import Query, find, keyness, parse_query, query_table, term_index
from workbench.trends import compare_periods, excluded_documents, term_frequency


@pytest.fixture
def tiny():
    return make_corpus([
        ("a", "Trend", "2022-01-05", "day",
         "Russian peacekeepers arrived. The strategic partnership is strong. Peacekeeping works."),
        ("b", "Trend", "2022-03-20", "day", "Strategic. Partnership of allies. Миротворцы ушли."),
        ("c", None, "2022-03-02", "day", "Peacekeepers and peacekeepers."),
        ("d", "JAMnews", "2022-01-01", "year",
         "Peacekeepers were allies in a strategic partnership."),
        ("e", "JAMnews", None, None, "Undated peacekeepers text."),
    ])


def counts(corpus, text, **kw):
    spans = pd.concat([find(term_index(corpus), q, **kw) for q in parse_query(text)])
    return spans.groupby("doc_id").size().to_dict()


def test_query_string_splits_on_commas_and_keeps_phrases_and_wildcards():
    queries = parse_query('Peacekeep*; "Strategic Partnership"\nМИРОТВОРЦ*')
    assert [q.phrases for q in queries] == [
        (("peacekeep*",),), (("strategic", "partnership"),), (("миротворц*",),)]


def test_unknown_keyword_group_names_the_known_ones():
    with pytest.raises(ValueError, match=r"'nope' is unknown; expected one of \['alliance'\]"):
        parse_query("@nope", groups={"alliance": Query("alliance", (("ally",),))})


def test_keyword_groups_file_is_parsed_with_the_query_syntax(tmp_path):
    path = tmp_path / "data" / "keywords.csv"
    path.parent.mkdir()
    path.write_text('group,terms\nalliance,"ally, strategic partnership, allied*"\n')
    assert Project.find(tmp_path).keyword_groups()["alliance"].phrases == (
        ("ally",), ("strategic", "partnership"), ("allied*",))


def test_keyword_groups_are_shown_as_one_row_each_with_the_phrases_they_count(tmp_path):
    path = tmp_path / "data" / "keywords.csv"
    path.parent.mkdir()
    path.write_text('group,terms\nalliance,"Ally, strategic  Partnership"\nalliance,allied*\n'
                    "peace,МИРОТВОР*\n", encoding="utf-8")
    table = query_table(Project.find(tmp_path).keyword_groups())
    assert table.to_dict("records") == [
        {"name": "alliance", "phrases": 3, "terms": "ally, strategic partnership, allied*"},
        {"name": "peace", "phrases": 1, "terms": "миротвор*"}]


def test_phrase_matches_joined_expression_and_consecutive_tokens_but_not_across_sentences(tiny):
    assert counts(tiny, "strategic partnership") == {"a": 1, "d": 1}
    assert counts(tiny, "strategic_partnership") == {"a": 1, "d": 1}


def test_word_is_found_inside_a_joined_expression(tiny):
    assert counts(tiny, "partnership") == {"a": 1, "b": 1, "d": 1}


def test_wildcard_and_case_insensitive_and_cyrillic(tiny):
    assert counts(tiny, "PEACEKEEP*") == {"a": 2, "c": 2, "d": 1, "e": 1}
    assert counts(tiny, "миротворц*") == {"b": 1}
    assert counts(tiny, "peacekeeper") == {}
    # Snowball: peacekeepers, peacekeeping -> peacekeep
    assert counts(tiny, "peacekeeper", stem=True) == {"a": 2, "c": 2, "d": 1, "e": 1}


def test_overlapping_phrases_of_a_group_are_counted_once(tiny):
    group = Query("alliance", (("strategic",), ("strategic", "partnership"), ("allies",)))
    spans = find(term_index(tiny), group)
    assert spans.groupby("doc_id").size().to_dict() == {"a": 1, "b": 2, "d": 2}
    text = tiny.documents.set_index("doc_id").text["a"]
    row = spans[spans.doc_id == "a"].iloc[0]
    assert text[row.start:row.end] == "strategic partnership"


def test_monthly_counts_with_explicit_zero_months_and_year_precision_excluded(tiny):
    table = term_frequency(tiny, "peacekeepers", by="month")
    assert list(table.period.dt.strftime("%Y-%m")) == ["2022-01", "2022-02", "2022-03"]
    assert list(table["count"]) == [1, 0, 2]
    assert list(table.documents) == [1, 0, 1]
    assert list(table.n_documents) == [1, 0, 2]
    assert table.rel_freq.iloc[1] != table.rel_freq.iloc[1]  # NaN: no tokens that month
    jan = table.iloc[0]
    assert jan.tokens == 9 and jan.rel_freq == pytest.approx(1 / 9 * 10_000)
    excluded = table.attrs["excluded"].set_index("doc_id")
    assert excluded.loc["d", "reason"] == "dated only to the year; too coarse for by='month'"
    assert excluded.loc["e", "reason"] == "undated"
    assert excluded["count"].to_dict() == {"d": 1, "e": 1}


def test_year_precision_document_counts_at_year_granularity(tiny):
    table = term_frequency(tiny, "peacekeepers", by="year")
    assert table["count"].tolist() == [4]
    assert excluded_documents(tiny, by="year").doc_id.tolist() == ["e"]


def test_week_needs_day_precision(tiny):
    assert set(excluded_documents(tiny, by="week").doc_id) == {"d", "e"}


def test_split_by_outlet_uses_doc_id_for_unknown_outlet(tiny):
    table = term_frequency(tiny, ["peacekeepers", "allies"], by="quarter", split="outlet")
    assert set(table.group) == {"Trend", "c"}
    got = table.set_index(["group", "term"])["count"].to_dict()
    assert got == {("Trend", "peacekeepers"): 1, ("Trend", "allies"): 1,
                   ("c", "peacekeepers"): 2, ("c", "allies"): 0}
    share = table.set_index(["group", "term"]).doc_share
    assert share[("Trend", "peacekeepers")] == 0.5


def test_unknown_split_column_is_named():
    corpus = make_corpus([("a", "X", "2022-01-01", "day", "Word.")])
    with pytest.raises(ValueError, match="split='region' is not a documents column"):
        term_frequency(corpus, "word", split="region")


def test_compare_periods_is_keyness_of_after_against_before(tiny):
    table = compare_periods(tiny, "2022-02-01", min_freq=1, content_only=False)
    tok = tiny.tokens.astype({"doc_id": str, "norm": str})
    after = tok[tok.doc_id.isin(["b", "c"])].norm.value_counts()
    before = tok[tok.doc_id == "a"].norm.value_counts()
    expected = keyness(after, before, min_freq=1)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert set(table.attrs["excluded"].doc_id) == {"d", "e"}
    assert np.isfinite(table.g2).all()
