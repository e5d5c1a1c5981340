"""Dates are read only as precisely as the text states them, and a year is never invented."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.ingest.dates import find_dates, parse_date


@pytest.mark.parametrize("value", ["December 5", "5 December", "12/05", "Dec. 5th", "5 декабря"])
def test_a_day_and_month_without_a_year_is_not_a_date(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(("value", "date", "precision"), [
    ("2024", "2024-01-01", "year"),
    ("2022-12", "2022-12-01", "month"),
    ("April 2024", "2024-04-01", "month"),
    ("23 April 2024", "2024-04-23", "day"),
    ("2024-04-23T10:00:00+04:00", "2024-04-23", "day"),
    ("Tue, 23 Apr 2024 10:00:00 GMT", "2024-04-23", "day"),
    ("20240423", "2024-04-23", "day"),
    ("5 December 1887", "1887-12-05", "day"),
])
def test_dated_strings_keep_their_precision(value, date, precision):
    assert parse_date(value) == (pd.Timestamp(date), precision)


def test_a_day_in_running_text_takes_a_year_only_when_given_one():
    text = "The ministers met on December 5 in Baku."
    assert find_dates(text) == []
    [found] = find_dates(text, default_year=2022)
    assert (found.value, found.year_guessed) == (pd.Timestamp("2022-12-05"), True)
