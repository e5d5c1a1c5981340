"""One project configuration: the root, the data folder and one cache home are resolved once,
and every researcher-editable input is read through the project and validated in one style."""

from __future__ import annotations

import shutil

import pytest
from seed_paths import DATA, PROJECT, ROOT, SEEDS

import workbench
from workbench import Project, load_corpus
from workbench.ingest import LoadOptions
from workbench.project import InputError


@pytest.fixture
def project_dir(tmp_path):
    """A project folder holding a copy of the seed corpus and its curated metadata."""
    shutil.copytree(SEEDS, tmp_path / "data" / "corpus")
    shutil.copy(DATA / "sources.csv", tmp_path / "data" / "sources.csv")
    return tmp_path


def test_the_project_is_found_from_any_folder_below_its_root():
    assert Project.find(ROOT / "notebooks").root == ROOT == Project.find(SEEDS).root
    assert workbench.project(ROOT / "notebooks") is workbench.project(ROOT / "notebooks")


def test_load_corpus_and_open_corpus_share_one_cache_home(project_dir, monkeypatch):
    monkeypatch.chdir(project_dir / "data")
    opened = workbench.open_corpus()
    loaded = load_corpus(project_dir / "data" / "corpus", metadata=project_dir / "data/sources.csv")
    assert len(opened.documents) == len(loaded.documents) == 5
    assert (project_dir / ".cache" / "corpus").is_dir()
    assert not (project_dir / "data" / ".cache").exists()
    assert len(list((project_dir / ".cache" / "corpus").iterdir())) == 1  # one assembled entry


def test_load_corpus_has_no_stem_option_stemming_is_a_query_option(project_dir):
    with pytest.raises(TypeError, match="stem"):
        load_corpus(project_dir / "data" / "corpus", stem=True)


def test_the_config_sets_the_load_options_that_open_corpus_takes(project_dir):
    (project_dir / "workbench.toml").write_text(
        '[corpus]\npath = "texts"\nmetadata = ""\ncopies = "aside"\n[corpus.columns]\ntext = "story"\n',
        encoding="utf-8")
    project = Project.find(project_dir)
    assert project.corpus_path() == project_dir / "texts"
    assert project.load_options() == LoadOptions(metadata=None, columns={"text": "story"},
                                                 copies="aside")
    (project_dir / "workbench.toml").write_text('[corpus]\ncopies = "drop"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="copies='drop' is invalid"):
        Project.find(project_dir).load_options()


def test_an_input_kept_elsewhere_is_read_from_there(project_dir):
    (project_dir / "lexicons").mkdir()
    (project_dir / "lexicons" / "my-frames.csv").write_text(
        "frame,terms\nlaw,\"treaty, law*\"\n", encoding="utf-8")
    (project_dir / "workbench.toml").write_text('[inputs]\nframes = "lexicons/my-frames.csv"\n',
                                                encoding="utf-8")
    project = Project.find(project_dir)
    assert list(project.frames()) == ["law"]
    assert project.input_path("actors") == PROJECT.input_path("actors")  # the shipped one


def test_an_edited_input_is_read_again(project_dir):
    path = project_dir / "data" / "keywords.csv"
    path.write_text("group,terms\nwar,war\n", encoding="utf-8")
    project = Project.find(project_dir)
    assert list(project.keyword_groups()) == ["war"]
    path.write_text("group,terms\nwar,war\npeace,\"peace, truce\"\n", encoding="utf-8")
    assert list(project.keyword_groups()) == ["war", "peace"]


@pytest.mark.parametrize(("file", "text", "problem"), [
    ("keywords.csv", "group,terms\nwar,\n", "line 2: terms is empty; write terms in the query"),
    ("frames.csv", "frame,words\nlaw,treaty\n", "line 1: the header lacks terms; name the columns"),
    ("naming_variants.csv", "concept,variant,terms\nkyiv,,Kyiv\n", "line 2: variant is empty"),
    ("events.csv", "date,label\n2024-13-45,x\n", "line 2: date '2024-13-45' is not understood"),
    ("events.csv", "date,label\nDecember 5,x\n", "line 2: date 'December 5' is not understood"),
    ("outlets.csv", "outlet,domains,names,self\nX,x.az,(x,\n", "line 2: names '(x' is not a valid"),
    ("outlets.csv", "outlet,domains,names,self\nX,x_az,,\n", "line 2: domains 'x_az' has 'x_az', which"),
    ("self_references.csv", "language,pattern\nen,reports\n", "line 2: pattern 'reports' has no {outlet}"),
    ("title_words.csv", "language,word\nen,\n", "line 2: word is empty"),
    ("speech_cues.csv", "# a comment\nlanguage,cue\n,said\n", "line 3: language is empty"),
    ("actors.csv", "actor,type,affiliation,alias,kind,since,until,note\nX,state,,X,name,2020s,,\n",
     "line 2: since '2020s' is not a year"),
    ("discovery_words.csv", "language,role,word\nen,org_noun,Ministry\n",
     "line 2: role 'org_noun' is unknown; write one of org_head"),
    ("rejected_actors.csv", "name,note\n,why\n", "line 2: name is empty"),
])
def test_a_bad_input_line_is_named_with_its_file_line_and_fix(project_dir, file, text, problem):
    (project_dir / "data" / file).write_text(text, encoding="utf-8")
    project = Project.find(project_dir)
    read = {"keywords.csv": project.keyword_groups, "frames.csv": project.frames,
            "naming_variants.csv": project.naming_variants, "events.csv": project.events,
            "outlets.csv": project.context, "self_references.csv": project.context,
            "title_words.csv": project.title_words,
            "speech_cues.csv": project.speech_cues, "actors.csv": project.actors,
            "discovery_words.csv": project.discovery,
            "rejected_actors.csv": project.discovery}[file]
    with pytest.raises(InputError) as err:
        read()
    message = str(err.value)
    assert f"{project_dir / 'data' / file} {problem}" in message
    assert message.count("; ") >= 1  # every problem says how to fix it


@pytest.mark.parametrize(("config", "problem"), [
    ("[corpus]\npaht = 'x'\n", "[corpus] paht is unknown; use one of cache, columns"),
    ("[stopword]\nalso = ['en']\n", "[stopword] is not a section the workbench reads"),
    ("[stopwords]\nalso = 'en'\n", "[stopwords] also must be a list of language codes"),
    ("[inputs]\nactor = 'a.csv'\n", "[inputs] actor is unknown; use one of actors,"),
    ("[corpus\n", "is not valid TOML"),
    ("[corpus]\nworkers = 0\n", "[corpus] workers is 0; use a whole number of worker processes"),
    ("[corpus]\nworkers = '4'\n", "[corpus] workers is '4'; use a whole number"),
    ("[cluster]\nadress = 'tcp://h:8786'\n", "[cluster] adress is unknown; use one of address, "
                                               "scheduler_file"),
    ("[cluster]\naddress = 8786\n", "[cluster] names one scheduler, as address ="),
    ("[cluster]\naddress = 'tcp://h:8786'\nscheduler_file = 's.json'\n", "[cluster] names one scheduler"),
])
def test_a_bad_config_file_is_named_with_the_fix(project_dir, config, problem):
    (project_dir / "workbench.toml").write_text(config, encoding="utf-8")
    with pytest.raises(InputError, match="workbench.toml") as err:
        Project.find(project_dir)
    assert problem in str(err.value)


@pytest.mark.parametrize("name", ["actors", "naming_variants", "frames", "keyword_groups", "events",
                                  "title_words", "speech_cues", "mwe", "stopwords", "discovery"])
def test_every_shipped_input_is_valid_and_not_empty(name):
    assert len(getattr(PROJECT, name)()) > 0


def test_the_shipped_cleaning_rules_and_outlet_cues_reach_ingest():
    context = PROJECT.context()
    assert len(context.rules.patterns) >= 10 and {o.name for o in context.outlets.known} >= {"Trend"}
    assert len(context.outlets.formulas) >= 5


def test_a_project_without_data_reads_the_shipped_inputs_and_its_own_file_replaces_one(tmp_path):
    bare = Project.find(tmp_path)
    sources = bare.inputs().set_index("input")["source"]
    assert (sources.drop(["rejected_actors"]) == "shipped").all()
    assert sources["rejected_actors"] == "none"  # optional: written by the first rejection
    assert len(bare.actors()) == len(PROJECT.actors()) > 100
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "frames.csv").write_text("frame,terms\nlaw,\"treaty, law*\"\n",
                                                  encoding="utf-8")
    (tmp_path / "data" / "stopwords").mkdir()
    (tmp_path / "data" / "stopwords" / "en.txt").write_text("the\nof\n", encoding="utf-8")
    own = Project.find(tmp_path)
    assert list(own.frames()) == ["law"]  # the whole shipped file is replaced, not merged
    assert own.stopwords()["en"] == {"the", "of"} and own.stopwords()["ru"] == bare.stopwords()["ru"]
    where = own.inputs().set_index("input")
    assert where.loc["frames", "source"] == where.loc["stopwords/en", "source"] == "project"
    assert where.loc["frames", "path"] == str(tmp_path / "data" / "frames.csv")


def test_own_input_copies_a_shipped_input_once_to_edit_it(tmp_path):
    project = Project.find(tmp_path)
    path = project.own_input("cleaning_rules")
    assert path == tmp_path / "data" / "cleaning_rules.csv"
    assert path.read_bytes() == PROJECT.input_path("cleaning_rules").read_bytes()
    path.write_text(path.read_text(encoding="utf-8") + "Trend,promo,^Read more on Trend$,\n",
                    encoding="utf-8")
    assert project.own_input("cleaning_rules") == path  # kept, edits and all
    assert "promo" in set(project.table("cleaning_rules").rule)
