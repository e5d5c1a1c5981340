"""Progress bars for the steps that can take more than two seconds: loading files (and a large
file's articles), learning site templates, finding mentions, tone, quotations. tqdm's: a bar
widget in a notebook or the app (`tqdm.auto`), a line of text in a terminal; drawn only once a
step has run `DELAY` seconds, so a quick step shows none. It imports nothing of the workbench.

Whether bars are drawn: a step's `progress` argument (True or False), else the environment
variable `WORKBENCH_PROGRESS` ("0", "false", "no" or "off": none, as the test suite sets it),
else yes. Loading the configured corpus also reads `[corpus] progress` of workbench.toml.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from tqdm.auto import tqdm

ENVIRONMENT = "WORKBENCH_PROGRESS"
DELAY = 2.0  # seconds a step runs before its bar is drawn
_OFF = {"0", "false", "no", "off"}


def shown(setting: bool | None = None) -> bool:
    """Whether to draw bars: `setting` if given, else what `WORKBENCH_PROGRESS` says (yes unless
    it says no)."""
    if setting is not None:
        return bool(setting)
    return os.environ.get(ENVIRONMENT, "").strip().lower() not in _OFF


def progress_bar(total: int | None = None, *, desc: str, unit: str, show: bool | None = None,
                 **options) -> tqdm:
    """A bar of `total` `unit`s (None: counted without an end), drawn after `DELAY` seconds when
    `shown(show)`; `options` are tqdm's (`file`, `postfix`, …)."""
    return tqdm(total=total, desc=desc, unit=unit, delay=DELAY, disable=not shown(show),
                dynamic_ncols=True, **options)


def counted(items: Iterable, *, total: int | None, desc: str, unit: str,
            show: bool | None = None) -> Iterator:
    """`items`, one `unit` of the bar each as it is taken."""
    with progress_bar(total, desc=desc, unit=unit, show=show) as bar:
        for item in items:
            yield item
            bar.update()
