"""Keyword trends: how attention to terms changes over time and across outlets (notebook 02).
Method notes: docs/methods/trends.md.

- `term_frequency`, `place_documents`, `excluded_documents`, `point_documents`, `point_spans`
  (`frequency`);
  `frequent_terms`, the terms this corpus mentions most (notebook 02's default).
- `kwic`: keyword in context (`concordance`).
- `collocations`, `collocates` (`collocations`).
- `compare_periods`: what rose or fell after a date (`periods`); `cut_date`, where to cut by
  default (an event in the middle of the corpus's dates).
- `dispersion`: where terms fall inside each document.
"""

from .collocations import collocates, collocations
from .concordance import kwic
from .dispersion import dispersion
from .frequency import (
    OTHER,
    excluded_documents,
    frequent_terms,
    place_documents,
    point_documents,
    point_spans,
    term_frequency,
)
from .periods import compare_periods, cut_date

__all__ = ["OTHER", "collocates", "collocations", "compare_periods", "cut_date", "dispersion",
           "excluded_documents", "frequent_terms", "kwic", "place_documents", "point_documents",
           "point_spans", "term_frequency"]
