"""`workbench app`: its options reach Voilà, its index lists the notebooks by title with the
titles inert, Voilà finds the app's template and index, and the app serves a page run in the
project and stops with Voilà. (Its dashboards in a browser: tests/browser/test_app_in_browser.py.)"""

from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jinja2
import nbformat
import pytest
from seed_paths import ROOT

from workbench.app import serve
from workbench.app.cli import main


@pytest.fixture
def served(monkeypatch):
    """The options `workbench app` would serve with, recorded instead of starting Voilà."""
    seen = []
    monkeypatch.setattr(serve, "serve", lambda options: seen.append(options) or 0)
    return seen


def test_the_app_serves_the_project_s_notebooks_on_this_machine_by_default(served, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")  # as from a terminal in the project
    assert main(["app"]) == 0
    assert served == [serve.Options(ROOT / "notebooks", host="127.0.0.1", port=8866, browser=True)]


def test_port_host_browser_and_voila_s_own_options(served, tmp_path):
    assert main(["app", "--port", "9001", "--host", "0.0.0.0", "--no-browser",
                 "--notebooks", str(tmp_path), "--MappingKernelManager.cull_idle_timeout=600"]) == 0
    options = served[0]
    assert (options.notebooks, options.host, options.port, options.browser) == (tmp_path, "0.0.0.0",
                                                                                 9001, False)
    command = serve.voila_command(options)
    assert command[:4] == [sys.executable, "-m", "voila", str(tmp_path)]
    assert {"--template=workbench", "--port=9001", "--Voila.ip=0.0.0.0", "--no-browser",
            "--Voila.port_retries=0"} <= set(command)
    # the researcher's option comes last, so it wins over the app's default culling
    assert command[-1] == "--MappingKernelManager.cull_idle_timeout=600"
    assert "--MappingKernelManager.cull_idle_timeout=600" in command
    assert "--no-browser" not in serve.voila_command(serve.Options(tmp_path))


def test_other_commands_refuse_voila_options_and_the_app_refuses_stray_words(served, capsys):
    for argv in (["check", "--Voila.ip=0.0.0.0"], ["app", "notebooks"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2 and "unrecognized arguments" in capsys.readouterr().err
    assert served == []


def test_a_folder_without_notebooks_is_an_error_not_a_server(tmp_path, capsys):
    assert main(["app", "--no-browser", "--notebooks", str(tmp_path)]) == 2
    assert f"no notebooks (NN-name.ipynb) in {tmp_path}" in capsys.readouterr().err


def test_a_port_in_use_is_an_error_not_a_server_elsewhere(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["app", "--no-browser", "--port", str(port), "--notebooks", str(ROOT / "notebooks")]) == 2
    assert f"cannot listen on 127.0.0.1 port {port}" in capsys.readouterr().err


def test_the_index_lists_the_notebooks_by_title_and_keeps_titles_inert(tmp_path):
    hostile = "<img src=x onerror=alert(1)> {{ 7 * 7 }} {% raw %}"
    for name, heading in (("00-corpus", "# 00 · The corpus"), ("01-odd", f"# {hostile}")):
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(heading)]),
                       tmp_path / f"{name}.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "scratch.ipynb")  # not a workbench page
    listed = serve.pages(tmp_path)
    assert listed == [("00-corpus.ipynb", "00 · The corpus"), ("01-odd.ipynb", hostile)]
    # Voilà renders the index as a Jinja template, with its base URL
    page = jinja2.Template(serve.index_page(listed)).render(base_url="/app/")
    assert '<a href="/app/voila/render/00-corpus.ipynb">00 · The corpus</a>' in page
    shown = re.search(r'render/01-odd.ipynb">([^<]*)</a>', page).group(1)
    assert html.unescape(shown) == hostile  # what the browser shows: the title as written
    assert "<img" not in page and "49" not in page


def test_voila_finds_the_app_s_template_and_index(tmp_path, monkeypatch):
    from voila.paths import collect_template_paths

    monkeypatch.setenv("MPLBACKEND", "agg")
    environ = serve.app_environment(tmp_path)
    assert "MPLBACKEND" not in environ  # figures inline, as in JupyterLab
    monkeypatch.setenv("JUPYTER_PATH", environ["JUPYTER_PATH"])
    (tmp_path / "voila" / "templates" / "workbench").mkdir(parents=True)
    paths = [Path(p) for p in collect_template_paths(["voila", "nbconvert"], "workbench", prune=True)]
    assert paths[:2] == [tmp_path / "voila/templates/workbench",
                         serve.SHARE / "voila/templates/workbench"]
    assert any(p.parts[-2:] == ("templates", "lab") for p in paths)  # the template it extends


@pytest.mark.slow
def test_the_app_serves_the_configured_corpus_and_stops_with_voila(tmp_path):
    """`python -m workbench app` as a colleague's server: a page runs in the project (its
    workbench.toml names the corpus), code hidden; SIGTERM stops Voilà with it."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "workbench.toml").write_text('[corpus]\npath = "elsewhere/corpus"\n', encoding="utf-8")
    cell = "import workbench\nprint('serving', workbench.project().corpus_path().name, 'of', " \
           "workbench.project().corpus_path().parent.name)"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 00 · Where"),
                                                   nbformat.v4.new_code_cell(cell)]),
                   tmp_path / "notebooks" / "00-where.ipynb")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_C")}
    environ.update(JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), IPYTHONDIR=str(tmp_path / "ipython"))
    app = subprocess.Popen([sys.executable, "-m", "workbench", "app", "--no-browser", "--port", str(port)],
                           cwd=tmp_path, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert app.stdout.readline() == f"The workbench app: {url} (Ctrl-C stops it)\n"
        index = _get(url)
        assert '<a href="/voila/render/00-where.ipynb">00 · Where</a>' in index
        page = _get(url + "voila/render/00-where.ipynb")
        assert "serving corpus of elsewhere" in page and "import workbench" not in page
    finally:
        app.terminate()
        assert app.wait(timeout=30) == 0 or app.returncode == -signal.SIGTERM
    with pytest.raises(OSError):  # Voilà stopped too: nothing answers
        urllib.request.urlopen(url, timeout=2)


def _get(url: str, timeout: float = 60) -> str:
    """The page at `url` once the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
