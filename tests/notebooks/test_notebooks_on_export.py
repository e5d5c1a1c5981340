"""The notebooks run unchanged on a tabular export, and on a folder of news-archive exports,
chosen only by the config file, and show what their defaults (outlets, terms, actors, dates
taken from the corpus) find there: no cell marked `# EDIT` shows nothing or an empty table.

The exports are built from the seed articles' paragraphs: a gzipped JSON Lines file whose
columns have other names than the workbench's, a list-valued `sources` column for the
outlet, dates over four years and an extra column, as large exports look; and LexisNexis text,
Nexis Uni Word and LexisNexis HTML exports of the seed articles, one per article. Their outlets
are none of the seed articles' outlets, so a notebook naming a seed outlet would show nothing.
"""

from __future__ import annotations

import gzip
import json

import pytest
import nexis_exports
from lexis_exports import Story, encode_export, html_export, text_export
from notebook_outputs import empty_edit_cells, errors, shown
from seed_paths import SEEDS

from workbench.index import largest_groups
from workbench.ingest.read import read_file

pytestmark = pytest.mark.slow  # each notebook runs again, on an export

OUTLETS = ("Caspian Daily", "Kura Herald", "Ararat Review", "Volga Monitor")
NOTEBOOKS = ("00-corpus", "01-source-profiling", "02-keyword-trends", "03-actor-networks")


@pytest.fixture
def export_config(tmp_path, monkeypatch):
    """A workbench.toml naming a gzipped JSONL export with its column mapping."""
    rows = []
    for path in sorted(SEEDS.iterdir()):
        text = next(iter(read_file(path, path.name).docs)).text
        paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 12]
        for i in range(0, len(paragraphs), 2):
            n = len(rows)
            rows.append({"uid": f"{path.stem[:3]}-{i}", "published": f"{2021 + n % 4}-{1 + n % 12:02d}-15",
                         "sources": [OUTLETS[n % len(OUTLETS)], "Wikipedia"],
                         "body": "\n".join(paragraphs[i:i + 2]), "section": "politics"})
    export = tmp_path / "export.jsonl.gz"
    export.write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()))
    config = tmp_path / "workbench.toml"
    config.write_text('[corpus]\npath = "export.jsonl.gz"\nmetadata = ""\ncache = "cache"\n'
                      '[corpus.columns]\ntext = "body"\ndate = "published"\noutlet = "sources"\n'
                      'id = "uid"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    return len(rows)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_unchanged_on_an_export_named_in_the_config(export_config, run_notebook, name):
    from workbench import open_corpus

    corpus = open_corpus()
    skipped = corpus.report[corpus.report.status == "skipped"]
    assert len(corpus.documents) + len(skipped) == export_config and skipped.reason.str.len().all()
    assert set(corpus.documents.outlet) == set(OUTLETS)
    shown = _shown(run_notebook(f"notebooks/{name}.ipynb"))
    if name == "00-corpus":
        assert f"{len(corpus.documents)} documents" in shown
    if name == "03-actor-networks":  # the two largest outlets compared by default
        assert all(f"weight_{outlet}" in shown for outlet in largest_groups(corpus, 2))


def _shown(nb) -> str:
    """The text a notebook that ran without an error, and whose defaults found something, shows."""
    failed = errors(nb)
    assert not failed, failed[0].get("evalue")
    assert not empty_edit_cells(nb), f"defaults that show nothing: {empty_edit_cells(nb)}"
    return shown(nb)


@pytest.fixture
def archive_config(tmp_path, monkeypatch):
    """A workbench.toml naming a folder of news-archive exports (a LexisNexis text export, a
    Nexis Uni Word export and a LexisNexis HTML one) holding the seed articles, one per article,
    with outlets and dates over years."""
    stories = []
    for n, path in enumerate(sorted(SEEDS.iterdir())):
        text = next(iter(read_file(path, path.name).docs)).text
        paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 12]
        stories.append(Story(OUTLETS[n % len(OUTLETS)], f"March {n + 3}, {2021 + n % 4} Tuesday",
                             f"Seed article {n}", paragraphs))
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "first.TXT").write_bytes(encode_export(text_export(stories[:2], search="Azerbaijan")))
    (folder / "second.docx").write_bytes(nexis_exports.docx_export(
        [nexis_exports.Story(s.title, s.outlet, s.date, s.body) for s in stories[2:4]]))
    (folder / "third.html").write_text(html_export(stories[4:]), encoding="utf-8")
    (tmp_path / "workbench.toml").write_text('[corpus]\npath = "exports"\nmetadata = ""\ncache = "cache"\n',
                                             encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "workbench.toml"))
    return len(stories)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_unchanged_on_a_folder_of_archive_exports(archive_config, run_notebook, name):
    from workbench import open_corpus

    corpus = open_corpus()
    assert len(corpus.documents) == archive_config and corpus.documents.row.notna().all()
    shown = _shown(run_notebook(f"notebooks/{name}.ipynb"))
    if name == "00-corpus":
        assert "nexis-html" in shown and "Azerbaijan" in shown
