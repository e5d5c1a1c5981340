"""On real archive exports (../shared/archives-dev, read in place, never copied), each format
meets every target of the dev set's scorer: articles found, field precision and recall,
body start and end, nothing leaked, no extra document."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from seed_paths import ROOT, SHARED

pytestmark = pytest.mark.shared("archives-dev/score.py")
READ = ("LN-TXT", "LN-DOCX", "LN-HTML", "FACTIVA-HTML")


@pytest.fixture(scope="module")
def verdicts() -> dict[str, str]:
    run = subprocess.run([sys.executable, str(SHARED / "archives-dev" / "score.py")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    summary = run.stdout.strip().splitlines()[-1]
    assert summary.startswith("archives: "), run.stdout[-2000:] + run.stderr[-2000:]
    return dict(re.findall(r"([A-Z-]+) \d+/\d+ (ok|short: [\w+]+)", summary))


@pytest.mark.parametrize("fmt", READ)
def test_the_format_meets_every_target(verdicts, fmt):
    assert verdicts[fmt] == "ok"
