"""Trend and dispersion figures: a panel per term, the largest series only, undated documents
and date precision said on the figure."""

import matplotlib
import pandas as pd
import pytest
from hand_made import peacekeepers
from seed_paths import PROJECT

from workbench.plots.trends import plot_dispersion, plot_trend
from workbench.trends import dispersion, term_frequency

matplotlib.use("Agg")


@pytest.fixture
def corpus():
    return peacekeepers()


def test_trend_figure_has_a_panel_per_term_and_a_note_on_excluded_documents(corpus):
    table = term_frequency(corpus, "peacekeepers, russian", by="month")
    fig = plot_trend(table, events=PROJECT.events())
    assert len(fig.axes) == 2
    assert "Not on the time axis: 1 undated (3 occurrences)." in fig.texts[0].get_text()
    bars = plot_trend(table, kind="bar", value="count", facet="group")
    assert len(bars.axes) == 1


def test_trend_figure_draws_the_largest_series_and_says_how_many_are_left_out(corpus):
    table = term_frequency(corpus, "peacekeepers, russian", by="month", split="outlet")
    table.attrs = {}
    # as if the corpus had 30 outlets: the seed outlets' rows copied under new names
    many = pd.concat([table.assign(group=table.group + f" {i}", count=table["count"] * (i + 1))
                      for i in range(30 // table.group.nunique() + 1)], ignore_index=True)
    fig = plot_trend(many, value="count", max_lines=5)
    assert [len(ax.get_lines()) for ax in fig.axes] == [5, 5]
    drawn = {line.get_label() for line in fig.axes[0].get_lines()}
    top = many[many.term == "peacekeepers"].groupby("group")["count"].sum().nlargest(5).index
    assert drawn == set(top)
    note = fig.texts[0].get_text()
    assert f"the 5 groups with most occurrences of {many.group.nunique()} per panel" in note
    assert len(plot_trend(many, facet="group", max_panels=3).axes) == 3


def test_dispersion_figure_has_a_row_per_document_earliest_on_top(corpus):
    fig = plot_dispersion(dispersion(corpus, "peacekeepers"))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["2021-06 · JAMnews · b", "2022-01-05 · Trend · a", "undated · c"]
