"""Dates are shown only as precisely as they are known, everywhere: a document dated to a year
reads "2024" (not "2024-01-01"), to a month "2022-12", to a day "2024-04-23", in the tables,
passages and concordances of every notebook."""

from __future__ import annotations

import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import overview, profiling
from workbench.corpus import date_label, date_labels, first_and_last
from workbench.index import find, parse_query, passages, term_index
from workbench.trends import compare_periods, excluded_documents, kwic

#: the seed articles' dates, as data/sources.csv gives them (the Turkish analyst's is unknown)
SEED_DATES = {"AzerNews": "2024", "Trend": "2024-04-23", "JAMnews": "2022-12",
              "RUSSTRAT": "2022-02-27"}


@pytest.mark.parametrize(("precision", "label"), [
    ("year", "2024"), ("month", "2024-04"), ("day", "2024-04-23"), (None, "undated")])
def test_dates_are_labelled_only_as_precisely_as_known(precision, label):
    assert date_label(pd.Timestamp("2024-04-23"), precision) == label


def test_a_column_of_dates_is_labelled_row_by_row_and_undated_rows_stay_missing():
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-04-01", "2024-04-05", None, "2020-06-01"]),
                      index=[10, 11, 12, 13, 14])
    labels = date_labels(dates, ["year", "month", "day", "day", None])
    assert labels.index.tolist() == [10, 11, 12, 13, 14]
    assert labels.tolist()[:3] == ["2024", "2024-04", "2024-04-05"]
    assert labels.isna().tolist() == [False, False, False, True, True]


def test_first_and_last_take_each_groups_extremes_at_their_own_precision():
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-04-23", "2022-12-01", None]))
    span = first_and_last(dates, ["year", "day", "month", None], pd.Series(list("aabc")))
    assert span.loc["a"].tolist() == ["2024", "2024-04-23"]
    assert span.loc["b"].tolist() == ["2022-12", "2022-12"]
    assert "c" not in span.index  # no dated row: no range


def _outlet_dates(table: pd.DataFrame, column: str = "date") -> dict:
    return dict(zip(table.outlet, table[column]))


def test_passages_and_the_concordance_show_each_date_at_its_precision(seed_corpus):
    spans = find(term_index(seed_corpus), parse_query("peacekeepers")[0])
    shown = passages(seed_corpus, spans)
    assert _outlet_dates(shown.dropna(subset=["outlet"])) == {
        o: d for o, d in SEED_DATES.items() if o in set(shown.outlet.dropna())}
    assert {"AzerNews", "JAMnews"} <= set(shown.outlet)  # a year and a month are among them
    lines = kwic(seed_corpus, "peacekeep*")
    assert _outlet_dates(lines.dropna(subset=["outlet"])) == {
        o: d for o, d in SEED_DATES.items() if o in set(lines.outlet.dropna())}
    assert lines[lines.outlet.isna()].date.isna().all()  # the undated analysis: no date at all


def test_overview_tables_show_dates_at_their_precision(seed_corpus):
    summary = overview.outlet_summary(seed_corpus).set_index("source")
    for outlet, date in SEED_DATES.items():
        assert summary.loc[outlet, ["first", "last"]].tolist() == [date, date]
    table = overview.document_table(seed_corpus)
    assert "text" not in table and _outlet_dates(table.dropna(subset=["outlet"])) == SEED_DATES
    assert table.date_precision.tolist() == seed_corpus.documents.date_precision.tolist()


def test_profile_and_excluded_tables_show_dates_at_their_precision(seed_corpus):
    scores = profiling.sentence_tone(seed_corpus)
    said = profiling.voices(seed_corpus, cues=PROJECT.speech_cues)
    profile = profiling.profile(seed_corpus, said, scores).set_index("group")
    assert {o: profile.loc[o, "date_first"] for o in SEED_DATES} == SEED_DATES
    assert profile.loc["JAMnews", "date_last"] == "2022-12"
    assert _outlet_dates(excluded_documents(seed_corpus, by="month").dropna(subset=["outlet"])) == {
        "AzerNews": "2024"}  # dated only to the year: off the monthly axis, and shown as 2024
    straddles = compare_periods(seed_corpus, "2024-06-01").attrs["excluded"]
    assert _outlet_dates(straddles.dropna(subset=["outlet"])) == {"AzerNews": "2024"}
