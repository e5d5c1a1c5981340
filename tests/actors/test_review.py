"""The decisions on discovered actors, written to a project's own data files: a confirmed
person's rows, a rejection where the config says, nothing written for an unknown type."""

from __future__ import annotations

import pytest

from workbench import Project
from workbench.actors import confirm_actor, reject_actor


@pytest.fixture
def project(tmp_path):
    """A fresh project folder: no inputs of its own yet, so the workbench's copies are used."""
    (tmp_path / "workbench.toml").write_text("", encoding="utf-8")
    return Project.find(tmp_path)


def test_a_confirmed_person_gets_its_names_and_its_surname(project):
    written = confirm_actor(project, "Azay Guliyev", type="person",
                            aliases=["Azay Guliyev", "AZAY GULIYEV"])
    assert written == project.data / "actors.csv"
    rows = project.actors().query("actor == 'Azay Guliyev'")
    assert rows[["alias", "kind"]].values.tolist() == [
        ["Azay Guliyev", "name"], ["AZAY GULIYEV", "name"], ["Guliyev", "surname"]]
    assert set(rows["type"]) == {"person"}
    assert set(rows["note"]) == {"confirmed from discovery"}


def test_rejections_go_to_the_file_the_config_names(tmp_path):
    (tmp_path / "workbench.toml").write_text('[inputs]\nrejected_actors = "review/no.csv"\n',
                                             encoding="utf-8")
    project = Project.find(tmp_path)
    written = reject_actor(project, "Turkish TV", "a channel")
    assert written == tmp_path / "review" / "no.csv"
    assert project.discovery()["rejected"] == ("Turkish TV",)


def test_an_unknown_type_is_refused_before_anything_is_written(project):
    with pytest.raises(ValueError, match="type 'nation' is unknown"):
        confirm_actor(project, "Russian border guards", type="nation")
    assert not (project.data / "actors.csv").exists()
