"""The outlet chooser on many labels: the largest listed, a search box reaching the rest."""

from __future__ import annotations

import pandas as pd
import pytest
import traitlets
from dashboards import networks_dash, profiling_dash

from workbench.widgets.common import ALL, Picker

# 30,000 labels as in a corpus export, one much larger than the rest
LABELS = pd.Series([f"site{i:05d}.example" for i in range(30_000)] + ["Reuters"] * 40)


@pytest.fixture
def picker():
    return Picker(LABELS, description="outlets")


def test_lists_all_first_then_the_largest_with_their_counts(picker):
    assert picker.value == (ALL,) and picker.chosen() is None
    assert picker.options[0] == ("(all 30,001)", ALL)
    assert picker.options[1] == ("Reuters (40)", "Reuters")
    assert len(picker.options) == 1 + 100 and picker.shown()[1] == "site00000.example"


def test_search_reaches_a_small_label_and_keeps_the_choice_listed(picker):
    picker.value = ("Reuters",)
    picker.search.value = "SITE2999"
    assert picker.shown() == ["Reuters", *[f"site2999{i}.example" for i in range(10)]]
    picker.select.value = ("Reuters", "site29990.example")
    assert picker.chosen() == ["Reuters", "site29990.example"]
    picker.search.value = ""
    assert "site29990.example" in picker.shown() and picker.value == ("Reuters",
                                                                       "site29990.example")


def test_one_value_event_per_choice_and_none_per_search(picker):
    seen = []
    picker.observe(lambda change: seen.append(change.new), names="value")
    picker.value = ("site12345.example",)  # not listed: it is added to the list
    picker.search.value = "Reut"
    picker.search.value = ""
    assert seen == [("site12345.example",)]
    assert picker.select.value == ("site12345.example",)


def test_unknown_labels_are_refused(picker):
    with pytest.raises(traitlets.TraitError, match="nosuch"):
        picker.value = ("nosuch",)


def test_no_outlet_chosen_is_an_empty_network_not_the_whole_one(seed_corpus, tmp_path):
    dash = networks_dash(seed_corpus, tmp_path)
    assert len(dash.graph) > 0 and dash.graph.graph["outlets"] == "all"
    dash.controls["outlets"].value = ()
    assert len(dash.graph) == 0
    dash.controls["outlets"].value = ("Trend", "JAMnews")
    assert dash.graph.graph["outlets"] == "Trend, JAMnews"


def test_profiling_search_narrows_the_keyness_groups_too(seed_corpus):
    dash = profiling_dash(seed_corpus)
    dash.controls["target"].value = "JAMnews"
    dash.controls["outlet"].search.value = "trend"
    assert list(dash.controls["target"].options) == ["Trend", "JAMnews"]
    assert list(dash.controls["reference"].options) == ["(rest of corpus)", "Trend"]
