"""The command line's own commands: `inputs` says where each input is read from and copies a
shipped one into the project to edit; `--version`. (`check` is tested on the seeds in
tests/ingest/test_seed_ingest.py, `report` in test_report.py, the installed script in
tests/packaging/test_install.py.)"""

from __future__ import annotations

import pytest

from workbench import __version__
from workbench.app.cli import main


def test_inputs_copies_the_named_inputs_and_lists_where_every_input_is_read(tmp_path, monkeypatch,
                                                                           capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["inputs", "--copy", "actors", "speech_cues"]) == 0
    out = capsys.readouterr().out
    assert f"actors: edit {tmp_path / 'data' / 'actors.csv'}" in out
    listed = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.startswith("  ")}
    assert listed["actors"] == listed["speech_cues"] == "project"
    assert listed["frames"] == listed["stopwords/en"] == "shipped"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["actors.csv", "speech_cues.csv"]


def test_inputs_refuses_an_unknown_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["inputs", "--copy", "actor"])
    assert "invalid choice: 'actor'" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"workbench {__version__}\n"


def test_check_names_an_archive_export_s_articles_by_number_and_headline(tmp_path, monkeypatch, capsys):
    from lexis_exports import story, text_export

    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "courier.TXT").write_text(text_export([story(1), story(2)]),
                                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "exports"]) == 0
    out = capsys.readouterr().out
    assert f"courier.TXT #1: {story(1).title}" in out and f"courier.TXT #2: {story(2).title}" in out
    assert "courier.TXT: archive export (nexis-text): 2 articles" in out
