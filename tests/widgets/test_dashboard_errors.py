"""A callback that fails shows its error in the dashboard, where the researcher looks, and the
dashboard keeps working; nothing goes only to the browser's console."""

from __future__ import annotations

from dashboards import networks_dash, profiling_dash, trends_dash

from workbench.widgets import networks as networks_widget
from workbench.widgets import trends as trends_widget


def test_an_unknown_keyword_group_is_shown_in_the_trends_dashboard(seed_corpus):
    dash = trends_dash(seed_corpus)
    dash.controls["terms"].value = "@nosuchgroup"
    assert isinstance(dash.error, ValueError)
    assert "keyword group 'nosuchgroup' is unknown" in dash.message.value
    dash.controls["terms"].value = "peacekeep*"  # the next good change clears it
    assert dash.error is None and dash.message.value == ""
    assert dash.table["count"].sum() > 0


def test_a_failing_analysis_behind_a_trends_control_is_shown_not_raised(seed_corpus, monkeypatch):
    dash = trends_dash(seed_corpus)

    def fails(*args, **kwargs):
        raise RuntimeError("the cut <b>failed</b>")

    monkeypatch.setattr(trends_widget, "compare_periods", fails)
    dash.controls["change_at"].value = dash.controls["change_at"].options[1][1]
    assert isinstance(dash.error, RuntimeError)
    assert "the cut &lt;b&gt;failed&lt;/b&gt;" in dash.message.value  # escaped, inert
    assert dash.message in dash.widget.children  # shown above the controls


def test_a_failing_export_is_shown_in_the_networks_dashboard(seed_corpus, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    dash = networks_dash(seed_corpus, blocked / "networks")
    dash.controls["export"].click()
    assert isinstance(dash.error, OSError) and "a-file" in dash.message.value
    assert dash.exported == {}


def test_a_failing_network_rebuild_leaves_the_last_network_shown(seed_corpus, tmp_path,
                                                                 monkeypatch):
    dash = networks_dash(seed_corpus, tmp_path)
    before = dash.graph
    monkeypatch.setattr(networks_widget, "build_network",
                        lambda *a, **k: (_ for _ in ()).throw(MemoryError("too large")))
    dash.controls["unit"].value = "document"
    assert isinstance(dash.error, MemoryError) and "too large" in dash.message.value
    assert dash.graph is before


def test_a_failing_profiling_view_is_shown(seed_corpus, monkeypatch):
    dash = profiling_dash(seed_corpus)
    monkeypatch.setattr(type(dash), "_current", lambda self: (_ for _ in ()).throw(
        KeyError("no such metric")))
    dash.controls["view"].value = "frames"
    assert isinstance(dash.error, KeyError) and "no such metric" in dash.message.value
