"""The source-profiling dashboard driven from Python, and the notebook run top to bottom."""

from __future__ import annotations

import pytest
from dashboards import profiling_dash

from workbench import load_corpus
from workbench.widgets.common import ALL


@pytest.fixture(scope="module")
def dash(seed_corpus):
    return profiling_dash(seed_corpus)


def _pick(dash, **keys):
    """Click the bar or cell of the first row of the table whose columns equal `keys`, as a
    researcher would (the voices, which have no chart: choose its outlet and speaker)."""
    match = dash.table
    for column, value in keys.items():
        match = match[match[column] == value]
    row = match.iloc[0]
    view = dash.value("view")
    if view == "keyness":
        dash.click_bar(row.term)
    elif view in ("profile", "tone"):
        dash.click_bar(row.group)
    else:
        column = {"naming": (row.get("concept"), row.get("variant")), "frames": row.get("frame"),
                  "voices": row.get("speaker")}[view]
        dash.click_cell(row.group, column)


def test_dashboard_exposes_its_controls_by_name(dash):
    assert {"view", "outlet", "metric", "target", "reference", "min_freq", "frame", "actor",
            "point"} <= set(dash.controls)
    assert {"table", "plot", "passages"} <= set(dash.outputs)


def test_choosing_outlets_and_the_naming_view_shows_their_variants(dash):
    dash.controls["view"].value = "naming"
    dash.controls["outlet"].value = ("RUSSTRAT",)
    assert set(dash.table.group) == {"RUSSTRAT"}
    assert {"Kiev", "Lugansk", "Transcaucasia"} <= set(dash.table.variant)
    _pick(dash, variant="Kiev")
    assert list(dash.passages.match) == ["Kiev", "Kiev"]
    dash.controls["outlet"].value = (ALL,)


def test_keyness_follows_the_group_and_reference_choosers(dash):
    dash.controls["view"].value = "keyness"
    dash.controls["target"].value = "AzerNews"
    dash.controls["reference"].value = "Trend"
    assert set(dash.table.group) == {"AzerNews"} and set(dash.table.reference) == {"Trend"}
    rows = len(dash.table)
    dash.controls["min_freq"].value = 6
    assert 0 < len(dash.table) < rows
    _pick(dash, term="garabagh")
    assert set(dash.passages.match.str.lower()) == {"garabagh"}
    assert set(dash.passages.outlet) == {"AzerNews"}


def test_frame_chooser_filters_rates_and_opens_the_alliance_passages(dash):
    dash.controls["view"].value = "frames"
    dash.controls["frame"].value = "alliance"
    assert set(dash.table.frame) == {"alliance"}
    _pick(dash, group="JAMnews")
    assert dash.passages.sentence.str.contains("not allies").any()


def test_actor_chooser_changes_the_tone_table(dash):
    dash.controls["view"].value = "tone"
    dash.controls["actor"].value = "russia"
    russia = dash.table.set_index("group").mean_compound
    dash.controls["actor"].value = "armenia"
    armenia = dash.table.set_index("group").mean_compound
    assert not russia.equals(armenia)
    _pick(dash, group="Trend")
    assert dash.passages.match.isin(["Armenia", "Yerevan"]).all()


def test_voices_rows_open_to_the_speakers_quotes(dash):
    dash.controls["view"].value = "voices"
    _pick(dash, group="Trend", speaker="Igor Korotchenko")
    assert len(dash.passages) == 19  # 9 quotes, 10 reported: "the analyst" is Korotchenko too
    assert dash.passages.match.str.contains("The analyst emphasized that").any()
    assert dash.passages.match.str.contains("Relations between Russia and Azerbaijan").any()


def test_profile_metric_chooser_redraws_and_rows_open_to_tone_extremes(dash):
    dash.controls["view"].value = "profile"
    dash.controls["metric"].value = "mattr"
    assert "mattr" in dash.table.columns and len(dash.table) == 5
    _pick(dash, group="JAMnews")
    assert len(dash.passages) == 6 and dash.passages.compound.is_monotonic_increasing


def test_passages_of_a_hostile_article_are_html_escaped(corpus_dir, tmp_path):
    (corpus_dir / "x.txt").write_text(
        "Title\n\nThe Kremlin <script>alert(1)</script> praised Baku.\n", encoding="utf-8")
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")
    dash = profiling_dash(corpus)
    dash.controls["view"].value = "naming"
    _pick(dash, variant="Kremlin")
    shown = dash.outputs["passages"].itable._dt_args["data_json"]  # what the browser gets
    assert "Kremlin" in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "<script>" not in shown
