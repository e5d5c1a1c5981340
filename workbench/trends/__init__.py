"""Keyword trends: how attention to terms changes over time and across outlets (notebook 02).
Method notes: docs/methods/trends.md.

- `term_frequency`, `place_documents`, `excluded_documents`, `point_spans` (`frequency`).
- `kwic`: keyword in context (`concordance`).
- `collocations`, `collocates` (`collocations`).
- `compare_periods`: what rose or fell after a date (`periods`).
- `dispersion`: where terms fall inside each document.
"""

from .collocations import collocates, collocations
from .concordance import kwic
from .dispersion import dispersion
from .frequency import OTHER, excluded_documents, place_documents, point_spans, term_frequency
from .periods import compare_periods

__all__ = ["OTHER", "collocates", "collocations", "compare_periods", "dispersion",
           "excluded_documents", "kwic", "place_documents", "point_spans",
           "term_frequency"]
