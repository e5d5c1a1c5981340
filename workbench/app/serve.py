"""`workbench app`: the corpus overview and the three dashboards (notebooks 00-03) as a web app
for colleagues, served by Voilà: no code cells, one kernel per visitor, nothing from the internet.

Each notebook is a page (`/voila/render/01-source-profiling.ipynb`) run on the corpus the project
is configured for, as in JupyterLab (the kernel starts in the notebooks' folder, so it finds the
project's workbench.toml; WORKBENCH_CORPUS passes on). `?view=<name>` in a page's address opens
a saved view (`workbench.widgets.views.open_view_in_address`). The index (`/`) lists the pages by
their titles.

Voilà renders with the `workbench` template (`share/voila/templates/workbench`: its `lab`
template without the stylesheets it would fetch from a CDN), found through JUPYTER_PATH; the
index is written for each start into a folder of its own, also on JUPYTER_PATH.
"""

from __future__ import annotations

import html
import os
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .report import notebook_paths, notebook_title

#: the JUPYTER_PATH root that holds the app's Voilà template (voila/templates/workbench)
SHARE = Path(__file__).resolve().parent / "share"
TEMPLATE = "workbench"
#: a kernel whose page was left (Voilà keeps it) is stopped after ten minutes idle; a kernel whose
#: page is open is never stopped (MappingKernelManager.cull_connected is false)
CULL_IDLE = 600


@dataclass(frozen=True)
class Options:
    """Where the app listens and what it serves; `extra` are Voilà's own options, passed on."""

    notebooks: Path
    host: str = "127.0.0.1"
    port: int = 8866
    browser: bool = True
    extra: tuple[str, ...] = ()


def pages(notebooks: Path) -> list[tuple[str, str]]:
    """The app's pages: (notebook file name, its title), in reading order."""
    return [(path.name, notebook_title(nbformat.read(path, as_version=4), path.stem))
            for path in notebook_paths(notebooks)]


def index_page(listed: list[tuple[str, str]]) -> str:
    """The app's front page (Voilà's tree template, `tree-lab.html`): a link to each page, titles
    escaped, braces too (the page is read as a Jinja template)."""
    def text(value: str) -> str:
        return html.escape(value).replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;")

    items = "".join(f'<li><a href="{{{{ base_url }}}}voila/render/{text(name)}">{text(title)}</a>'
                    f"<small>{text(name)}</small></li>" for name, title in listed)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Media Workbench</title>"
            "<link rel='icon' href='data:;base64,='><style>"
            "body{font-family:sans-serif;max-width:50em;margin:2em auto;color:#222}"
            "li{margin:.6em 0;list-style:none}a{font-size:1.15em}small{display:block;color:#777}"
            "</style></head><body><h1>Media Workbench</h1><p>The corpus and the dashboards, "
            "one page each. A page opens a saved view when its address ends in "
            "<code>?view=&lt;name&gt;</code>.</p>"
            f"<ul class='wb-dashboards'>{items}</ul></body></html>")


def address(host: str, port: int) -> str:
    """The URL to give colleagues: the machine's name when the app listens on every interface."""
    shown = socket.gethostname() if host in ("", "0.0.0.0", "::") else host
    return f"http://{shown}:{port}/"


def voila_command(options: Options) -> list[str]:
    """The Voilà command line serving `options.notebooks`."""
    return [sys.executable, "-m", "voila", str(options.notebooks),
            f"--template={TEMPLATE}", f"--port={options.port}", f"--Voila.ip={options.host}",
            "--Voila.port_retries=0",  # the printed address is the one served, or Voilà stops
            f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE}",
            "--MappingKernelManager.cull_interval=60",
            *([] if options.browser else ["--no-browser"]), *options.extra]


def app_environment(index_root: Path) -> dict[str, str]:
    """The environment Voilà and its kernels run in: this one, with the template and the index on
    JUPYTER_PATH, and figures drawn inline (no MPLBACKEND)."""
    environ = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    paths = [str(index_root), str(SHARE), *filter(None, environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    return environ


def start(options: Options, index_root: Path, **popen) -> subprocess.Popen:
    """Write the index for `options.notebooks` into `index_root` and start Voilà on them;
    FileNotFoundError without notebooks, OSError when the port is taken."""
    listed = pages(options.notebooks)
    if not listed:
        raise FileNotFoundError(f"no notebooks (NN-name.ipynb) in {options.notebooks}")
    with socket.socket() as probe:
        try:
            probe.bind((options.host, options.port))
        except OSError as err:
            raise OSError(f"cannot listen on {options.host} port {options.port} ({err.strerror}); "
                          "choose another with --port") from err
    folder = index_root / "voila" / "templates" / TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tree-lab.html").write_text(index_page(listed), encoding="utf-8")
    return subprocess.Popen(voila_command(options), env=app_environment(index_root),
                            cwd=options.notebooks, **popen)


def serve(options: Options) -> int:
    """Run the app until Voilà stops, Ctrl-C or SIGTERM (passed on to Voilà, which stops its
    kernels); Voilà's exit code."""
    with tempfile.TemporaryDirectory(prefix="workbench-app-") as index_root:
        process = start(options, Path(index_root))
        print(f"The workbench app: {address(options.host, options.port)} (Ctrl-C stops it)",
              flush=True)
        previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
        try:
            return process.wait()
        except KeyboardInterrupt:
            process.terminate()
            return process.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)
