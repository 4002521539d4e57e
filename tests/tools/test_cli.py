"""``python -m macros.tools.cli check`` as CI runs it: GitHub annotations when GITHUB_ACTIONS is set."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..conftest import copy_project


def test_make_check_prints_github_annotations_in_actions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    timeline = project / "content" / "timeline.yml"
    timeline.write_text(timeline.read_text("utf-8").replace('"2025-01-20"', '"2025-02-30"', 1))
    run = subprocess.run([sys.executable, "-m", "macros.tools.cli", "check"], cwd=project,
                         capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin",
                              "GITHUB_ACTIONS": "true"})
    assert run.returncode == 1
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1, run.stdout
    assert re.fullmatch(r"::error file=content/timeline\.yml,line=\d+,col=\d+::events\[\d+\]\.date: "
                        r"'2025-02-30' has day 30, but that month has 28 days", errors[0])
    assert all(line.startswith("::warning ") for line in run.stdout.splitlines()
               if line.startswith("::") and line not in errors)
