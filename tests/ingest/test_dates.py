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


@pytest.mark.parametrize(("value", "day", "precision"), [
    ("Dienstag, 3. März 2020", "2020-03-03", "day"),          # German
    ("März 2020", "2020-03-01", "month"),
    ("mardi 1er mars 2020 10:00", "2020-03-01", "day"),        # French
    ("16 février 2021", "2021-02-16", "day"),
    ("martes, 3 de marzo de 2020", "2020-03-03", "day"),       # Spanish
    ("agosto de 2019", "2019-08-01", "month"),
    ("3 maart 2020", "2020-03-03", "day"),                     # Dutch
    ("3. marts 2020", "2020-03-03", "day"),                    # Danish
    ("12 dicembre 2019", "2019-12-12", "day"),                 # Italian
    ("3 марта 2020 г.", "2020-03-03", "day"),                  # Russian
    ("2020 年 3 月 3 日 星期二", "2020-03-03", "day"),          # Chinese
    ("2020年3月", "2020-03-01", "month"),
    ("July 12, 2013 Friday 10:01 PM EST", "2013-07-12", "day"),  # English, as Nexis prints it
    ("Friday, 5. July 2019 09:31:00 CEST", "2019-07-05", "day"),  # a Nexis Uni cover, German form
])
def test_a_metadata_date_is_read_in_the_archives_interface_languages(value, day, precision):
    stamp, found = parse_date(value)
    assert (str(stamp.date()), found) == (day, precision)


@pytest.mark.parametrize("text", ["Il mar era calmo il 3 ago", "They met 3 mai", "12 dic"])
def test_archive_month_names_are_not_dates_in_running_text_or_without_a_year(text):
    assert find_dates(text) == [] and parse_date(text) is None
