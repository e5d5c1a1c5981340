"""Browser fixtures: one JupyterLab server and one headless Chromium per test session.

JupyterLab runs from this environment on a random free port with a token and no browser
window, serving notebooks/ and reading the corpus named by WORKBENCH_CORPUS: the seed
articles plus an article with hostile HTML (tests/browser/hostile/). Chromium is Debian's
(/usr/bin/chromium, or WORKBENCH_CHROMIUM) driven by Playwright; nothing is downloaded.
Without Chromium or Playwright the tests skip with the reason, except under CI=true,
where that is a failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
HOSTILE = Path(__file__).resolve().parent / "hostile"
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = Path(os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--enable-unsafe-swiftshader"]  # WebGL in software: the network's canvas
#: JupyterLab settings for a fully rendered notebook: every cell in the DOM (no windowing).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
#: the project's overrides of JupyterLab's defaults, as `make lab` passes them: no question about
#: news, no update check (tests/browser/test_notebooks_in_browser.py checks no question shows)
APP_SETTINGS = ROOT / "workbench" / "app" / "lab_settings"


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (f"Chromium not found at {CHROMIUM}: install Debian's package "
                "(apt-get install chromium) or set WORKBENCH_CHROMIUM")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: pip install -e '.[test]'"
    return None


def require_browser() -> None:
    """Skip with the reason when the browser is missing (under CI=true, tests/conftest.py makes
    the skip a failure)."""
    reason = _missing_browser()
    if reason is not None:
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: where it listens, its token, and its log file."""

    url: str
    token: str
    log: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        """Open `name` in a workspace of its own so no other notebook's tabs are restored."""
        workspace = Path(name).stem
        return f"{self.url}/lab/workspaces/{workspace}/tree/{name}?token={self.token}"

    def close_sessions(self) -> None:
        """Shut down every notebook's kernel, so the next notebook has the machine to itself."""
        auth = {"Authorization": f"token {self.token}"}
        with urllib.request.urlopen(urllib.request.Request(f"{self.url}/api/sessions",
                                                           headers=auth), timeout=10) as r:
            sessions = json.load(r)
        for session in sessions:
            request = urllib.request.Request(f"{self.url}/api/sessions/{session['id']}",
                                             method="DELETE", headers=auth)
            urllib.request.urlopen(request, timeout=30).close()

    def settings(self, plugin: str) -> dict:
        """A plugin's settings as JupyterLab serves them to the page: `schema`, whose defaults
        the app settings' overrides replace, and `raw`, the user's own settings."""
        request = urllib.request.Request(f"{self.url}/lab/api/settings/{plugin}",
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as r:
            return json.load(r)

    def log_tail(self, n: int = 40) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-n:])


def _wait_ready(lab: Lab, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lab.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {lab.process.returncode}:\n"
                               f"{lab.log_tail()}")
        try:
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not answer within {timeout}s:\n{lab.log_tail()}")


def stop_lab(lab: Lab) -> None:
    """Ask the server to shut down (kernels too); terminate, then kill, if it does not."""
    if lab.process.poll() is None:
        request = urllib.request.Request(f"{lab.url}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {lab.token}"})
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except OSError:
            pass
    for stop in (None, lab.process.terminate, lab.process.kill):
        if stop is not None:
            stop()
        try:
            lab.process.wait(timeout=15)
            return
        except subprocess.TimeoutExpired:
            continue


def start_lab(root_dir: Path, home: Path, *, env: dict[str, str] | None = None) -> Lab:
    """Start JupyterLab serving `root_dir`, with its settings, runtime files and log in `home`."""
    settings = home / "settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    environ = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # figures inline
    environ.update({"JUPYTER_CONFIG_DIR": str(home / "config"),
                    "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
                    "IPYTHONDIR": str(home / "ipython"), **(env or {})})
    log = home / "jupyterlab.log"
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.app_settings_dir={APP_SETTINGS}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}",
               "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environ,
                                   cwd=root_dir, stdin=subprocess.DEVNULL)
    lab = Lab(f"http://127.0.0.1:{port}", token, log, process)
    try:
        _wait_ready(lab)
    except BaseException:
        stop_lab(lab)
        raise
    return lab


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory) -> Path:
    """The seed articles plus one whose outlet, title and text are HTML/script injections."""
    folder = tmp_path_factory.mktemp("e2e") / "corpus"
    shutil.copytree(ROOT / "data" / "corpus", folder)
    for f in HOSTILE.iterdir():
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="session")
def lab(tmp_path_factory, hostile_corpus):
    """JupyterLab on notebooks/ reading the hostile corpus; always shut down at the end."""
    require_browser()
    server = start_lab(NOTEBOOKS, tmp_path_factory.mktemp("jupyterlab"),
                       env={"WORKBENCH_CORPUS": str(hostile_corpus)})
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="session")
def lab_on(tmp_path_factory):
    """`lab_on(folder)`: a JupyterLab serving `folder`, for notebooks a test writes itself;
    every one started is shut down at the end."""
    require_browser()
    started = []

    def start(folder: Path) -> Lab:
        started.append(start_lab(folder, tmp_path_factory.mktemp("jupyterlab")))
        return started[-1]

    try:
        yield start
    finally:
        for server in started:
            stop_lab(server)


@pytest.fixture(autouse=True)
def _close_kernels(request):
    """After each browser test, stop the kernels it started."""
    yield
    if "lab" in request.fixturenames:
        request.getfixturevalue("lab").close_sessions()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright, with the closed-network flags."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records JavaScript dialogs (dismissed) and uncaught page errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda d: (page.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
