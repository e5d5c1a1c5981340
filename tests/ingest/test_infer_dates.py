"""The publication date is read only where a page states it, at the precision it states; a date
the story mentions is a lower bound, never the date, and no year is borrowed to complete a day."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT

from workbench.ingest.clean import clean_lines
from workbench.ingest.infer import infer

RULES = PROJECT.context().rules
BODY = ("The two foreign ministers met in Moscow on Friday to discuss the transport corridors "
        "and the border commission, officials said after the talks.")


def dated(text: str) -> dict:
    cleaned = clean_lines(text, RULES)
    text = "\n\n".join(line for _, line in cleaned.kept)
    found = infer({}, cleaned, text, outlet=None, cited=[], language=None)
    return {k: (v.value, v.source) for k, v in found.items() if k.startswith("date")}


@pytest.mark.parametrize(("text", "date"), [
    (f" date 2025-07 {BODY}\n\n{BODY}", ("2025-07", "store-header")),  # month precision
    (f" date 2022-12-22 News\n\nMinisters meet\n\n{BODY}", ("2022-12-22", "store-header")),
    (f"Ministers meet in Moscow\n# 28 May 2020 16:29 (UTC +04:00)\n{BODY}", ("2020-05-28", "header")),
    (f"Ministers meet in Moscow\nCeyhun Mahmudlu\n25.09.2020\n{BODY}", ("2020-09-25", "header")),
    (f"Ministers meet in Moscow\n29.04.2022 ТАСС {BODY}\n{BODY}", ("2022-04-29", "dateline")),
    (f"Ministers meet in Moscow\n01 июл 2025, 12:10\n{BODY}", ("2025-07-01", "header")),  # abbreviated
])
def test_a_date_the_page_states_is_its_date_at_its_precision(text, date):
    assert dated(text) == {"date": date}


def test_a_date_the_story_mentions_is_only_a_lower_bound():
    text = (f"Ministers meet in Moscow\n{BODY}\nThe peacekeepers arrived on 10 November 2020 and "
            "left in April 2024, as the agreement of 2021 had foreseen.")
    assert dated(text) == {"date_not_before": ("2024-04", "body")}


def test_no_year_is_borrowed_to_complete_a_day():
    text = (f"Ministers meet in Moscow\nMOSCOW, September 24. /TASS/. {BODY}\nThe war of 2020 "
            "ended in November.")
    assert "date" not in dated(text)  # 'September 24' has no year of its own
