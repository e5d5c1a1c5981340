"""Progress bars: loading counts files (with their megabytes) and a file's articles, finding
mentions, tone and quotations count documents; a step under two seconds draws none, and
`progress=False`, `WORKBENCH_PROGRESS=0` or `[corpus] progress = false` turn them off.

Bars go to stderr (tqdm's text bar outside a notebook); `DELAY` is set to 0 where a test wants
to see the bar of a quick step."""

from __future__ import annotations

import re
import shutil

import pytest
from lexis_exports import story, text_export
from seed_paths import DATA, PROJECT, SEEDS

from workbench import Project, load_corpus, profiling, progress
from workbench.actors import find_mentions


@pytest.fixture
def at_once(monkeypatch):
    """Bars drawn from the start, not after two seconds, and not turned off by the suite."""
    monkeypatch.setattr(progress, "DELAY", 0)
    monkeypatch.delenv(progress.ENVIRONMENT, raising=False)


@pytest.fixture
def export_folder(tmp_path):
    """Two seed pages and an archive export of three articles."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in sorted(SEEDS.iterdir())[:2]:
        shutil.copy(f, folder / f.name)
    (folder / "courier.TXT").write_text(text_export([story(1), story(2), story(3)]), encoding="utf-8")
    return folder


def final(err: str, desc: str) -> str:
    """The last state a bar called `desc` drew (tqdm redraws it on one line, with \\r)."""
    drawn = [part for part in re.split(r"[\r\n]", err) if part.startswith(f"{desc}:")]
    assert drawn, f"no {desc!r} bar in {err!r}"
    return drawn[-1]


@pytest.mark.parametrize(("setting", "environment", "drawn"), [
    (None, None, True), (None, "0", False), (None, "off", False), (None, "1", True),
    (True, "0", True), (False, None, False),
])
def test_whether_bars_are_drawn(monkeypatch, setting, environment, drawn):
    if environment is None:
        monkeypatch.delenv(progress.ENVIRONMENT, raising=False)
    else:
        monkeypatch.setenv(progress.ENVIRONMENT, environment)
    assert progress.shown(setting) is drawn


def test_loading_counts_files_megabytes_and_an_export_s_articles(export_folder, at_once, capsys):
    load_corpus(export_folder, metadata=None, cache_dir=export_folder.parent / "cache",
                workers=1, progress=True)
    err = capsys.readouterr().err
    files = final(err, "processing files")
    megabytes = sum(f.stat().st_size for f in export_folder.iterdir()) / 1e6
    assert "100%" in files and "3/3" in files and f"{megabytes:.1f} of {megabytes:.1f} MB" in files
    articles = final(err, "courier.TXT")
    assert "100%" in articles and "3/3" in articles and "article" in articles


def test_no_bar_for_a_step_under_two_seconds(export_folder, monkeypatch, capsys):
    monkeypatch.delenv(progress.ENVIRONMENT, raising=False)
    load_corpus(export_folder, metadata=None, cache_dir=export_folder.parent / "cache", progress=True)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("off", ["argument", "environment", "workbench.toml"])
def test_bars_turned_off(export_folder, at_once, monkeypatch, capsys, off):
    if off == "argument":
        load_corpus(export_folder, metadata=None, cache_dir=export_folder.parent / "cache",
                    progress=False)
    elif off == "environment":
        monkeypatch.setenv(progress.ENVIRONMENT, "0")
        load_corpus(export_folder, metadata=None, cache_dir=export_folder.parent / "cache")
    else:
        (export_folder.parent / "workbench.toml").write_text(
            '[corpus]\npath = "corpus"\nprogress = false\n', encoding="utf-8")
        assert Project.find(export_folder.parent).load_options().progress is False
        Project.find(export_folder.parent).open_corpus()
    assert capsys.readouterr().err == ""


def test_a_setting_that_is_not_true_or_false_is_refused(tmp_path):
    (tmp_path / "workbench.toml").write_text('[corpus]\nprogress = "no"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="progress is 'no'; write true or false"):
        Project.find(tmp_path)


@pytest.fixture(scope="module")
def fresh_corpus(tmp_path_factory):
    """The seed corpus in a cache of its own, so mentions, tone and quotations are found anew."""
    return load_corpus(SEEDS, metadata=DATA / "sources.csv", progress=False,
                       cache_dir=tmp_path_factory.mktemp("fresh-cache"))


def test_mentions_tone_and_quotations_count_documents(fresh_corpus, at_once, capsys):
    documents = len(fresh_corpus.documents)
    english = int(fresh_corpus.documents.language.eq("en").sum())
    mentions = find_mentions(fresh_corpus, PROJECT.actors(), progress=True)
    profiling.sentence_tone(fresh_corpus, progress=True)
    profiling.voices(fresh_corpus, cues=PROJECT.speech_cues, mentions=mentions, progress=True)
    err = capsys.readouterr().err
    assert f"{documents}/{documents}" in final(err, "finding mentions")
    assert f"{english}/{english}" in final(err, "scoring tone") and english > 0
    assert f"{documents}/{documents}" in final(err, "finding quotations")
    assert all("document" in final(err, d) for d in ("finding mentions", "scoring tone",
                                                     "finding quotations"))
