"""Clicks on the dashboards' charts, sent as the browser sends them (the FigureWidget's click
message) or made from Python (`click_point`, `click_bar`, `click_cell`): each opens exactly
what the chart counted, and every name from the articles reaches the chart escaped."""

from __future__ import annotations

import html
import json

import pandas as pd
import pytest
from click_corpus import HOSTILE, YEAR_ONLY, write_click_corpus
from dashboards import profiling_dash, trends_dash

from workbench import load_corpus
from workbench.plots.interactive import inert
from workbench.plots.profiling import naming_pivot
from workbench.trends import OTHER

A = "Outlet A"


@pytest.fixture(scope="module")
def clicks(tmp_path_factory):
    root = tmp_path_factory.mktemp("clicks")
    folder, sources = write_click_corpus(root)
    return load_corpus(folder, metadata=sources, cache_dir=root / "cache")


def doc_of(corpus, name: str) -> str:
    return corpus.documents.set_index("file").doc_id[name]


def click(chart, keep) -> None:
    """Click, as the browser reports it, the first point whose key (its customdata, escaped
    for the browser) `keep` accepts."""
    def key(cell) -> list[str]:
        return [html.unescape(part) for part in cell]

    for t, trace in enumerate(chart.data):
        for i, cells in enumerate(trace.customdata):
            if trace.type == "heatmap":
                hit = next((j for j, cell in enumerate(cells) if keep(key(cell))), None)
                if hit is not None:
                    return _send(chart, [i, hit], t)
            elif keep(key(cells)):
                return _send(chart, i, t)
    raise AssertionError("no such point on the chart")


def _send(chart, index, trace) -> None:
    chart._js2py_pointsCallback = {"event_type": "plotly_click", "points": {
        "xs": [0], "ys": [0], "point_indexes": [index], "trace_indexes": [trace]}}


def test_a_click_on_a_point_opens_the_concordance_of_exactly_its_matches(clicks):
    dash = trends_dash(clicks, terms="peacekeep*")
    click(dash.chart, lambda key: key[2] == A and key[1].startswith("2023-09"))
    shown = dash.concordance
    assert len(shown) == 3 and shown.match.str.lower().str.startswith("peacekeep").all()
    assert set(shown.date.str[:7]) == {"2023-09"} and set(shown.outlet) == {A}
    assert doc_of(clicks, YEAR_ONLY) not in set(shown.doc_id)  # dated only to 2023: no month
    assert dash.value("scope") == "point"
    assert dash.controls["point"].labels() == ["peacekeep*", "2023-09", A]
    assert dash.outputs["concordance"].caption.value.startswith(
        f"peacekeep* · 2023-09 · {A}: 3 matches in 2 documents")
    assert dash.outputs["concordance"].data.match.tolist() == shown.match.tolist()

    dash.controls["scope"].value = "selection"  # the switch widens it to the whole selection
    assert len(dash.concordance) == 7 and doc_of(clicks, YEAR_ONLY) in set(dash.concordance.doc_id)
    dash.controls["scope"].value = "point"
    assert len(dash.concordance) == 3


def test_the_other_groups_point_opens_the_matches_of_the_outlets_added_up(clicks):
    dash = trends_dash(clicks, terms="peacekeep*", top=1)
    assert set(dash.table.group) == {A, OTHER}
    dash.click_point("peacekeep*", "2023-09-01", OTHER)
    assert sorted(dash.concordance.outlet) == sorted(["Outlet B", HOSTILE])
    assert dash.outputs["concordance"].caption.value.startswith(
        f"peacekeep* · 2023-09 · {OTHER}: 2 matches in 2 documents")


def test_a_year_point_holds_the_year_only_document_and_reads_as_a_year(clicks):
    dash = trends_dash(clicks, terms="peacekeep*")
    dash.controls["by"].value = "year"
    dash.click_point("peacekeep*", pd.Timestamp("2023-01-01"), A)
    assert doc_of(clicks, YEAR_ONLY) in set(dash.concordance.doc_id)
    assert len(dash.concordance) == 5
    assert dash.outputs["concordance"].caption.value.startswith(
        f"peacekeep* · 2023 · {A}: 5 matches in 4 documents")
    assert "2023-01" not in " ".join(dash.chart.data[0].text)  # hover text: "2023"


def test_the_point_is_chosen_from_short_lists_too_and_a_changed_chart_forgets_it(clicks):
    dash = trends_dash(clicks, terms="peacekeep*")
    term, period, group = dash.controls["point"].parts
    assert [label for label, _ in period.options] == ["(none)", "2023-09", "2023-10"]
    term.value, period.value, group.value = "peacekeep*", pd.Timestamp("2023-10-01"), A
    dash.controls["scope"].value = "point"
    assert dash.concordance.doc_id.tolist() == [doc_of(clicks, "a4.txt")]
    dash.controls["outlets"].value = ("Outlet B",)  # A is no longer on the chart
    assert dash.value("point") is None and dash.concordance.empty
    assert dash.error is None


def test_a_concordance_row_opens_its_document(clicks):
    dash = trends_dash(clicks, terms="peacekeep*")
    dash.click_point("peacekeep*", "2023-09-01", A)
    dash.outputs["concordance"].itable.selected_rows = [2]  # a click on the third row
    doc_id = dash.concordance.doc_id.iloc[2]
    assert dash.value("document") == doc_id == doc_of(clicks, "a2.txt")
    metadata = dash.outputs["document"].data.set_index("field").value
    assert metadata["date"] == "2023-09-20" and metadata["outlet"] == A
    assert "handed the checkpoint to the border service" in dash.lines.value
    dash.controls["document"].value = "no such document"
    assert "no document 'no such document'" in dash.message.value


def rendered(chart) -> str:
    """Everything of a chart the browser gets, as JSON."""
    return json.dumps(chart.to_plotly_json(), default=str)


def test_hostile_names_reach_the_trend_chart_escaped(clicks):
    dash = trends_dash(clicks, terms="peacekeep*")
    sent = rendered(dash.chart)
    assert inert(HOSTILE) in sent and "<img" not in sent
    hostile = next(t for t in dash.chart.data if t.name == inert(HOSTILE))
    assert all(inert(HOSTILE) in text for text in hostile.text)
    dash.controls["scope"].value = "selection"
    click(dash.chart, lambda key: key[2] == HOSTILE)  # the key comes back as it was
    assert set(dash.concordance.outlet) == {HOSTILE}


def test_hostile_names_reach_the_profiling_charts_escaped(clicks):
    dash = profiling_dash(clicks)
    for view in ("profile", "keyness", "tone", "naming", "frames"):
        dash.controls["view"].value = view
        if view == "keyness":
            dash.controls["target"].value = HOSTILE
        sent = rendered(dash.chart)
        assert "<img" not in sent and "<b>bold" not in sent, view
    dash.controls["view"].value = "profile"
    click(dash.chart, lambda key: key == [HOSTILE])
    assert set(dash.passages.outlet) == {HOSTILE}
    assert dash.controls["point"].labels() == [HOSTILE]  # a dropdown shows it as text


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    return profiling_dash(seed_corpus)


def test_a_keyness_bar_opens_the_word_in_the_groups_documents(seeds):
    seeds.controls["view"].value = "keyness"
    seeds.controls["target"].value = "AzerNews"
    bars = seeds.chart.data[0]
    assert [label for label, _ in seeds.controls["point"].parts[0].options[1:]] == [
        k[0] for k in bars.customdata]
    row = seeds.table.set_index("term").loc["garabagh"]
    click(seeds.chart, lambda key: key == ["garabagh"])
    assert len(seeds.passages) == row.count_target
    assert set(seeds.passages.match.str.lower()) == {"garabagh"}
    assert set(seeds.passages.outlet) == {"AzerNews"}
    assert seeds.outputs["passages"].caption.value.startswith("Passages of garabagh")


def test_a_naming_cell_opens_that_outlets_uses_of_that_name(seeds):
    seeds.controls["view"].value = "naming"
    pivot = naming_pivot(seeds.chart_data())
    counts = pivot.stack(level=[0, 1], future_stack=True).dropna()
    (group, concept, variant), count = next((k, v) for k, v in counts.items() if v >= 2)
    click(seeds.chart, lambda key: key == [group, concept, variant])
    assert seeds.value("point") == (group, (concept, variant))
    assert len(seeds.passages) == count
    assert set(seeds.passages.outlet) == {group}
    assert seeds.passages.match.str.lower().str.contains(variant.lower()).all()


def test_a_frame_cell_opens_its_matches_and_the_table_counts_them(seeds):
    seeds.controls["view"].value = "frames"
    seeds.controls["frame"].value = "(all)"
    rates = seeds.chart_data().set_index(["group", "frame"])
    (group, frame), count = next((k, v) for k, v in rates["count"].items() if v >= 2)
    seeds.click_cell(group, frame)
    assert len(seeds.passages) == count and set(seeds.passages.outlet) == {group}
    assert seeds.outputs["passages"].caption.value.startswith(f"Passages of {group} · {frame}")


def test_a_profile_or_tone_bar_opens_that_outlets_passages(seeds):
    seeds.controls["view"].value = "tone"
    seeds.click_bar("Trend")
    assert len(seeds.passages) and set(seeds.passages.outlet) == {"Trend"}
    seeds.controls["view"].value = "profile"
    assert seeds.value("point") == ("Trend",)  # the outlet is on this chart too: kept
    assert set(seeds.passages.outlet) == {"Trend"}
