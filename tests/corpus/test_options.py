"""Every option with fixed choices is checked, with one message that names the value and the
choices, wherever it is given."""

from __future__ import annotations

import pandas as pd
import pytest
from seed_paths import SEEDS

from workbench import load_corpus, profiling, trends
from workbench.index import parse_query
from workbench.networks import build_network, cooccurrence
from workbench.plots.trends import plot_trend

CASES = [  # (call taking the corpus, option, the invalid value, one of the choices named)
    (lambda c: trends.term_frequency(c, "ally", by="decade"), "by", "decade", "'quarter'"),
    (lambda c: trends.place_documents(c, by="decade"), "by", "decade", "'week'"),
    (lambda c: trends.point_spans(c, parse_query("ally")[0], period="2024-01-01", group="all",
                                  by="decade"), "by", "decade", "'year'"),
    (lambda c: trends.kwic(c, "ally", sort="middle"), "sort", "middle", "'left'"),
    (lambda c: trends.collocations(c, n=4), "n", 4, "2, 3"),
    (lambda c: trends.collocations(c, measure="dice"), "measure", "dice", "'pmi'"),
    (lambda c: profiling.keyness_by_group(c, by="author"), "by", "author", "'document'"),
    (lambda c: cooccurrence(c, _mentions(), unit="chapter"), "unit", "chapter", "'window'"),
    (lambda c: build_network(c, _mentions(), weight="dice"), "weight", "dice", "'jaccard'"),
    (lambda c: plot_trend(trends.term_frequency(c, "ally"), value="share"), "value", "share",
     "'doc_share'"),
    (lambda c: plot_trend(trends.term_frequency(c, "ally"), kind="pie"), "kind", "pie", "'bar'"),
    (lambda c: plot_trend(trends.term_frequency(c, "ally"), facet="year"), "facet", "year",
     "'group'"),
]


def _mentions() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["001_067d92aa473488f3"] * 2, "sent_id": [0, 0],
                         "start": [0, 5], "end": [4, 9], "actor": ["A", "B"],
                         "type": ["state"] * 2, "kind": ["name"] * 2})


@pytest.mark.parametrize(("call", "option", "value", "choice"), CASES,
                         ids=[f"{c[1]}={c[2]}-{i}" for i, c in enumerate(CASES)])
def test_an_invalid_choice_names_the_value_and_the_choices(seed_corpus, call, option, value,
                                                            choice):
    with pytest.raises(ValueError, match=rf"^{option}={value!r} is invalid; expected one of ") as err:
        call(seed_corpus)
    assert choice in str(err.value)


def test_an_invalid_dedupe_choice_is_named_before_anything_is_read(tmp_path):
    with pytest.raises(ValueError, match="dedupe='fuzzy' is invalid; expected one of 'near', "
                                         "'exact', 'none'"):
        load_corpus(SEEDS, metadata=None, cache_dir=tmp_path, dedupe="fuzzy")
