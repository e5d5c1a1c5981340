"""Reviewing discovered actors in the networks dashboard: confirm, rename, merge, reject, each
written to the project's own data files and in force from the next run on."""

from __future__ import annotations

import pytest
from dashboards import networks_dash

from workbench import Project


@pytest.fixture
def project(tmp_path):
    """A fresh project folder: no inputs of its own yet, so the workbench's copies are used."""
    (tmp_path / "workbench.toml").write_text("", encoding="utf-8")
    return Project.find(tmp_path)


@pytest.fixture
def dash(seed_corpus, project, tmp_path):
    return networks_dash(seed_corpus, tmp_path / "exports", project=project)


def options(dash):
    return {value for _, value in dash.controls["candidate"].options}


def test_discovered_actors_are_listed_with_their_passages(dash):
    assert {"Russian border guards", "European Commission"} <= options(dash)
    dash.controls["candidate"].value = "Russian border guards"
    assert dash.controls["name"].value == "Russian border guards"
    assert dash.candidate["match"].tolist() == ["Russian border guards"]
    assert "withdrawn from Zvartnots airport" in dash.candidate["sentence"].iloc[0]
    assert "Russian border guards" in set(dash.graph)  # in the network, as a group
    dash.controls["discovered"].value = False
    assert not dash.mentions["discovered"].any() and "Russian border guards" not in dash.graph


def test_confirming_under_a_new_name_writes_the_dictionary_and_lists_the_actor(dash, project):
    dash.controls["candidate"].value = "Russian border guards"
    dash.controls["name"].value = "Russian Border Service"
    dash.controls["confirm"].click()
    assert dash.error is None
    rows = project.actors().query("actor == 'Russian Border Service'")
    assert rows[["alias", "kind", "type"]].values.tolist() == [
        ["Russian border guards", "name", "group"]]
    assert (project.data / "actors.csv").exists()  # the project's own copy, not the shipped one
    found = dash.mentions[dash.mentions["actor"] == "Russian Border Service"]
    assert len(found) == 1 and not found["discovered"].any()
    assert "Russian border guards" not in options(dash)
    assert dash.decision == ("Russian border guards confirmed as Russian Border Service in "
                             "actors.csv: listed from now on.")


def test_merging_into_a_listed_actor_adds_its_forms_as_aliases(dash, project):
    dash.controls["candidate"].value = "Russian soldiers"
    dash.controls["merge_into"].value = "Russian peacekeepers"
    dash.controls["confirm"].click()
    aliases = project.actors().query("actor == 'Russian peacekeepers'")["alias"]
    assert "Russian soldiers" in set(aliases)
    soldiers = dash.mentions[dash.mentions["surface"] == "Russian soldiers"]
    assert soldiers["actor"].tolist() == ["Russian peacekeepers"]


def test_a_rejected_name_stays_rejected_in_the_next_run(dash, project, seed_corpus, tmp_path):
    dash.controls["candidate"].value = "European Commission"
    dash.controls["reject"].click()
    assert "European Commission" not in options(dash)
    assert project.table("rejected_actors")["name"].tolist() == ["European Commission"]
    again = networks_dash(seed_corpus, tmp_path / "exports", project=Project.find(project.root))
    assert "European Commission" not in options(again)
    assert "Russian border guards" in options(again)
