"""Saved views: every control of a dashboard saved as a small JSON file under the project and
restored by opening it, on the same dashboard or a colleague's new one; a view that no longer
fits is refused naming the control."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from dashboards import networks_dash, profiling_dash, trends_dash

from workbench import Project
from workbench.widgets.corpus import DocumentViewer
from workbench.widgets.views import ViewError, view_state


def change_trends(dash) -> None:
    c = dash.controls
    c["terms"].value = "peacekeep*, strategic partnership"
    c["group"].value = c["group"].options[1][1]
    c["by"].value = "year"
    c["normalise"].value = "count"
    c["split"].value = ""
    c["outlets"].search.value = "news"
    c["outlets"].value = ("JAMnews", "AzerNews")
    c["dates"].index = (1, len(c["dates"].months) - 2)
    c["events"].value = False
    c["window"].value = 7
    c["sort"].value = "left"
    c["stem"].value = True
    c["compounds"].value = False
    found = dash.table[dash.table["count"] > 0].iloc[0]
    dash.click_point(found.term, found.period, found.group)  # the concordance of this point
    c["document"].value = dash.concordance.doc_id.iloc[0]
    c["change_at"].value = c["change_at"].options[2][1]


def change_profiling(dash) -> None:
    c = dash.controls
    c["view"].value = "keyness"
    c["outlet"].value = ("AzerNews", "Trend", "JAMnews")
    c["metric"].value = "mattr"
    c["target"].value = "AzerNews"
    c["reference"].value = "Trend"
    c["min_freq"].value = 4
    c["frame"].value = "alliance"
    c["actor"].value = "armenia"
    dash.click_bar(dash.controls["point"].parts[0].options[2][1])


def change_networks(dash) -> None:
    c = dash.controls
    c["unit"].value = "document"
    c["window"].value = 20
    c["weight"].value = "jaccard"
    c["min_weight"].value = 0.1
    c["outlets"].value = ("JAMnews", "Trend", "AzerNews")
    c["dates"].index = (1, len(c["dates"].months) - 1)
    c["types"].value = ("person", "state")
    c["adjectives"].value = False
    c["metonyms"].value = False
    c["discovered"].value = False  # no discovered actor to review: the candidate is None
    c["focus"].value = "Russia"
    c["actor"].value = "Russia"
    c["neighbour"].value = c["neighbour"].options[2][1]
    c["name"].value = "a name typed"
    c["merge_into"].value = "Russian peacekeepers"


def change_corpus(dash) -> None:
    dash.controls["find"].value = "_"  # every doc_id holds it
    dash.controls["document"].value = dash.controls["document"].options[3][1]


DASHBOARDS = {
    "trends": (lambda corpus, tmp: trends_dash(corpus, views=tmp / "views"), change_trends),
    "profiling": (lambda corpus, tmp: profiling_dash(corpus, views=tmp / "views"), change_profiling),
    "networks": (lambda corpus, tmp: networks_dash(corpus, tmp / "exports", views=tmp / "views"),
                 change_networks),
    "corpus": (lambda corpus, tmp: DocumentViewer(corpus, views=tmp / "views"), change_corpus),
}


@pytest.mark.parametrize("kind", DASHBOARDS)
def test_a_saved_view_restores_every_control_on_a_new_dashboard(kind, seed_corpus, tmp_path):
    build, change = DASHBOARDS[kind]
    dash = build(seed_corpus, tmp_path)
    default = view_state(dash.controls)
    change(dash)
    assert dash.error is None, dash.message.value
    changed = view_state(dash.controls)
    assert set(changed) == {n for n, c in dash.controls.items() if c.has_trait("value")}
    assert all(changed[n] != default[n] for n in changed), [n for n in changed
                                                            if changed[n] == default[n]]
    path = dash.save_view("my view")
    assert path == tmp_path / "views" / "my view.json" and path.stat().st_size < 2_000
    assert json.loads(path.read_text(encoding="utf-8"))["dashboard"] == kind == dash.kind

    colleague = build(seed_corpus, tmp_path)  # a fresh dashboard, every control at its default
    assert view_state(colleague.controls) == default
    assert [v for _, v in colleague.view_bar.choice.options] == [None, "my view"]
    colleague.open_view("my view")
    assert colleague.error is None and view_state(colleague.controls) == changed


def test_save_change_open_brings_the_results_back_too(seed_corpus, tmp_path):
    dash = trends_dash(seed_corpus, views=tmp_path)
    change_trends(dash)
    table, passages = dash.table.copy(), dash.concordance.copy()
    dash.view_bar.name_box.value = "september"
    dash.view_bar.save_button.click()
    dash.controls["terms"].value = "Moscow"
    dash.controls["outlets"].value = ("Trend",)
    dash.controls["point"].value = None
    dash.view_bar.choice.value = "september"
    dash.view_bar.open_button.click()
    assert dash.error is None
    pd.testing.assert_frame_equal(dash.table, table)
    pd.testing.assert_frame_equal(dash.concordance, passages)
    assert dash.outputs["concordance"].data.match.tolist() == passages.match.tolist()


def test_a_view_that_no_longer_fits_is_refused_naming_the_control(seed_corpus, tmp_path):
    dash = trends_dash(seed_corpus, views=tmp_path)
    dash.controls["window"].value = 9
    path = dash.save_view("old")
    view = json.loads(path.read_text(encoding="utf-8"))
    view["controls"]["outlets"]["value"] = ["An outlet since removed"]
    view["controls"]["sort"] = "by colour"
    view["controls"]["colour"] = "red"
    path.write_text(json.dumps(view), encoding="utf-8")
    fresh = trends_dash(seed_corpus, views=tmp_path)
    with pytest.raises(ViewError) as err:
        fresh.open_view("old")
    message = str(err.value)
    assert "outlets: not among the labels: ['An outlet since removed']" in message
    assert "sort: by colour is not among its choices now" in message
    assert "colour: no such control here" in message
    assert fresh.value("window") == 9  # the controls that fit are set


def test_views_of_another_dashboard_bad_names_and_missing_views_are_refused(seed_corpus, tmp_path):
    viewer = DocumentViewer(seed_corpus, views=tmp_path)
    viewer.save_view("a document")
    trends = trends_dash(seed_corpus, views=tmp_path)
    assert [v for _, v in trends.view_bar.choice.options] == [None]  # not listed for trends
    with pytest.raises(ViewError, match="a view of the 'corpus' dashboard, not of 'trends'"):
        trends.open_view("a document")
    with pytest.raises(FileNotFoundError, match="no saved view 'nothing'"):
        trends.open_view("nothing")
    trends.view_bar.name_box.value = "../outside"
    trends.view_bar.save_button.click()  # shown in the dashboard, not raised
    assert "view name '../outside' is not usable" in trends.message.value
    assert not (tmp_path.parent / "outside.json").exists()


def test_views_are_kept_under_the_project_by_default(seed_corpus, tmp_path):
    (tmp_path / "workbench.toml").write_text("", encoding="utf-8")
    project = Project.find(tmp_path)
    dash = networks_dash(seed_corpus, tmp_path / "exports", project=project)
    assert dash.save_view("whole network") == tmp_path / "views" / "whole network.json"
