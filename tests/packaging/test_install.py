"""The wheel works where a researcher installs it: built from the package alone, installed (not
editable) into a fresh virtual environment outside the checkout, and run from an empty folder,
it has its default inputs, its console script and its version.

The fresh environment reaches the project environment's packages through a `.pth` line, so the
test installs only the workbench itself (`--no-deps`; `test_dependencies.py` checks that every
imported package is declared); that line adds a folder to the path without running the editable
install's hook, and the test asserts the workbench imported is the installed copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.metadata import version
from pathlib import Path

import pytest
from seed_paths import ROOT

pytestmark = pytest.mark.slow

STORIES = {
    "ceasefire.txt": "Ceasefire talks resume in Moscow\n\nMOSCOW, 4 May 2023. The foreign "
                     "ministers of Armenia and Azerbaijan met in Moscow on Thursday, the Russian "
                     "Foreign Ministry said. Sergey Lavrov hosted the talks.\n\nThe ministers "
                     "agreed to meet again in the summer, officials said.\n",
    "corridor.txt": "A new road to Nakhchivan\n\nBAKU, 9 June 2023. Azerbaijan opened the first "
                    "section of a road that will link the country to its exclave of Nakhchivan, "
                    "the transport ministry said.\n\nThe works are due to end in two years.\n",
    "gas.txt": "Gas exports grow\n\nBAKU, 2 February 2024. Azerbaijan exported more gas to Europe "
               "last year than the year before, the energy ministry said on Friday.\n\nMost of it "
               "went to Italy and Greece through the southern corridor.\n",
}


def _run(*args: str | Path, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """(bin folder of a fresh environment holding the installed wheel, its environment)."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"  # the files a wheel is built from, and nothing else of the checkout
    shutil.copytree(ROOT / "workbench", source / "workbench",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WORKBENCH_", "PYTHON", "VIRTUAL_ENV"))}
    built = _run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp / "dist", source,
                 cwd=tmp, env=env)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp / "dist").glob("media_workbench-*.whl"))
    venv = tmp / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp, env=env).returncode == 0
    site = Path(_run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp, env=env).stdout.strip())
    (site / "project-environment.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = _run(*pip, "--python", venv / "bin" / "python", "install", "--no-deps", wheel,
                cwd=tmp, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return venv / "bin", env


@pytest.fixture
def empty_folder(tmp_path) -> Path:
    folder = tmp_path / "somewhere"
    folder.mkdir()
    return folder


def test_the_installed_package_has_its_default_inputs(installed, empty_folder):
    bin_, env = installed
    run = _run(bin_ / "python", "-c", "import workbench; p = workbench.project(); "
               "print(workbench.__file__); print(len(p.actors())); "
               "print(len(p.table('cleaning_rules'))); print(len(p.speech_cues('en'))); "
               "print(len(p.stopwords()['en']))", cwd=empty_folder, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    where, actors, rules, cues, stopwords = run.stdout.split()
    assert Path(where).is_relative_to(bin_.parent) and not Path(where).is_relative_to(ROOT)
    assert int(actors) > 100 and int(rules) > 10 and int(cues) > 10 and int(stopwords) > 100


def test_workbench_check_reads_a_folder_of_texts_with_a_clean_report(installed, empty_folder):
    bin_, env = installed
    texts = empty_folder / "texts"
    texts.mkdir()
    for name, text in STORIES.items():
        (texts / name).write_text(text, encoding="utf-8")
    run = _run(bin_ / "workbench", "check", "texts", cwd=empty_folder, env=env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "3 documents" in run.stdout and "3 ok, 0 warning, 0 skipped" in run.stdout
    assert "Ceasefire talks resume in Moscow" in run.stdout  # its title, read from the page
    assert not (empty_folder / "data").exists()  # nothing written but the cache


@pytest.mark.parametrize("command", [["workbench"], ["python", "-m", "workbench"]])
def test_the_console_script_and_the_module_print_the_version(installed, empty_folder, command):
    bin_, env = installed
    run = _run(bin_ / command[0], *command[1:], "--version", cwd=empty_folder, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == f"workbench {version('media-workbench')}"


def test_the_installed_package_has_the_app_s_template(installed, empty_folder):
    bin_, env = installed
    run = _run(bin_ / "python", "-c", "from workbench.app.serve import SHARE, TEMPLATE; "
               "folder = SHARE / 'voila' / 'templates' / TEMPLATE; print(folder); "
               "print(*sorted(p.name for p in folder.iterdir()))", cwd=empty_folder, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    where, files = run.stdout.splitlines()
    assert not Path(where).is_relative_to(ROOT) and files == "conf.json index.html.j2"
