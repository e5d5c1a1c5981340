"""Each dashboard's downloads: the chart's data as CSV equal to what the chart draws, the figure
as PNG and SVG drawn from it, and the network as GEXF and GraphML with its settings."""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import pytest
from dashboards import networks_dash, profiling_dash, trends_dash

from workbench.widgets.download import Download


def saved_csv(dash) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(dash.downloads["csv"].file()))


def test_the_trend_csv_is_the_trend_drawn_and_follows_the_controls(seed_corpus, tmp_path):
    dash = trends_dash(seed_corpus, views=tmp_path)
    dash.controls["terms"].value = "peacekeep*, strategic partnership"
    dash.controls["outlets"].value = ("JAMnews", "Trend")
    saved = saved_csv(dash)
    assert set(saved.term) == {"peacekeep*", "strategic partnership"}
    assert set(saved.group) == {"JAMnews", "Trend"}
    assert saved["count"].tolist() == dash.table["count"].tolist()
    pd.testing.assert_series_equal(saved.rel_freq, dash.table.rel_freq.reset_index(drop=True))
    assert dash.downloads["csv"].filename == "trends-chart.csv"


def test_png_and_svg_are_the_chart_drawn_by_the_plots(seed_corpus, tmp_path):
    dash = trends_dash(seed_corpus, views=tmp_path)
    png, svg = dash.downloads["png"].file(), dash.downloads["svg"].file().decode("utf-8")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert dash.downloads["svg"].filename == "trends-chart.svg"


@pytest.fixture(scope="module")
def profiling(seed_corpus, tmp_path_factory):
    return profiling_dash(seed_corpus, views=tmp_path_factory.mktemp("views"))


@pytest.mark.parametrize("view", ["profile", "keyness", "tone", "naming", "frames"])
def test_each_profiling_chart_downloads_its_data_and_figure(profiling, view):
    profiling.controls["view"].value = view
    saved, data = saved_csv(profiling), profiling.chart_data()
    assert len(saved) == len(data) > 0 and saved.columns.tolist() == data.columns.tolist()
    assert saved.group.tolist() == data.group.astype(str).tolist()
    assert profiling.downloads["png"].file().startswith(b"\x89PNG")


def test_heatmap_data_holds_every_cell_drawn_the_table_only_those_used(profiling):
    profiling.controls["view"].value = "naming"
    assert (profiling.chart_data()["count"] == 0).any()  # an empty cell is drawn too
    assert (profiling.table["count"] > 0).all()
    profiling.controls["view"].value = "frames"
    profiling.controls["frame"].value = "alliance"
    assert set(profiling.table.frame) == {"alliance"}
    assert set(profiling.chart_data().frame) > {"alliance"}  # the heatmap shows every frame
    profiling.controls["frame"].value = "(all)"


def test_a_view_without_a_chart_says_so_and_saves_nothing(profiling):
    profiling.controls["view"].value = "voices"
    assert profiling.downloads["png"].file() is None
    assert "no chart to download" in profiling.message.value
    profiling.controls["view"].value = "profile"
    assert profiling.message.value == ""


def test_the_network_downloads_its_drawn_edges_and_the_graph_with_its_settings(seed_corpus,
                                                                             tmp_path):
    dash = networks_dash(seed_corpus, tmp_path / "exports", views=tmp_path / "views")
    dash.controls["unit"].value = "document"
    dash.controls["focus"].value = "Sergey Lavrov"
    saved = saved_csv(dash)
    assert {frozenset(e) for e in zip(saved.source, saved.target)} == {
        frozenset(e) for e in dash.drawn.edges}
    assert saved.weight.tolist() == [w for *_, w in dash.drawn.edges(data="weight")]
    gexf = nx.read_gexf(io.BytesIO(dash.downloads["gexf"].file()))
    graphml = nx.read_graphml(io.BytesIO(dash.downloads["graphml"].file()))
    assert set(gexf) == set(graphml) == set(dash.graph)  # the whole network, not the drawn part
    assert graphml.number_of_edges() == dash.graph.number_of_edges()
    assert graphml.graph["unit"] == "document" and "unit=document" in gexf.graph["name"]
    assert dash.downloads["graphml"].filename == "network.graphml"
    assert not (tmp_path / "exports").exists()  # a download writes nothing into the project


def test_a_click_sends_the_file_to_the_browser_and_a_failure_only_frees_the_button(monkeypatch):
    sent = []
    button = Download("CSV", "table.csv", lambda: b"a,b\n1,2\n")
    monkeypatch.setattr(button, "send", lambda content, buffers=None: sent.append((content, buffers)))
    button._handle_custom_msg({"event": "download"}, [])
    assert sent == [({"filename": "table.csv", "mime": "text/csv"}, [b"a,b\n1,2\n"])]
    failing = Download("PNG", "chart.png", lambda: None)  # a guarded callback that failed
    monkeypatch.setattr(failing, "send", lambda content, buffers=None: sent.append((content, buffers)))
    failing._handle_custom_msg({"event": "download"}, [])
    assert sent[-1] == ({}, None)
