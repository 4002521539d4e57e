"""The GitHub workflows keep their safety rules: read-only by default, actions pinned by
commit SHA with a version comment, no persisted credentials, a timeout on every job; and
zizmor (pinned in requirements.txt, run offline) finds nothing of medium severity or above."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_pinned_read_only_and_bounded(path) -> None:
    text = path.read_text("utf-8")
    flow = yaml.safe_load(text)
    assert flow["permissions"] == {"contents": "read"}
    for line in re.findall(r"uses: (\S+.*)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), line
    for name, job in flow["jobs"].items():
        assert 0 < job["timeout-minutes"] <= 40, name
        extra = job.get("permissions", {})
        assert not extra or (path.name == "pages.yml" and name == "deploy"), name
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_only_the_pages_deploy_job_can_write() -> None:
    flow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text("utf-8"))
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in flow["jobs"]["build"]


def test_ci_runs_make_test_and_uploads_the_site() -> None:
    text = (ROOT / ".github/workflows/ci.yml").read_text("utf-8")
    assert "make test" in text and "path: site/" in text
    flow = yaml.safe_load(text)
    assert set(flow[True]) == {"pull_request", "push"}  # YAML 1.1 reads `on` as True


def zizmor_findings(github: Path) -> list[str]:
    """zizmor's findings of medium severity or above in ``github``, one line each."""
    zizmor = Path(sys.executable).with_name("zizmor")
    run = subprocess.run([str(zizmor), "--offline", "--no-progress", "--min-severity", "medium",
                          "--format", "json", str(github)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 11, 12, 13, 14), run.stderr  # 1x: findings of some severity
    found = []
    for finding in json.loads(run.stdout):
        where = finding["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]
        found.append(f"{finding['ident']} ({finding['determinations']['severity']}): "
                     f"{Path(where).name}")
    return found


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    assert zizmor_findings(ROOT / ".github") == []


def test_zizmor_catches_a_missing_dependabot_cooldown(tmp_path: Path) -> None:
    github = Path(shutil.copytree(ROOT / ".github", tmp_path / ".github"))
    text = (github / "dependabot.yml").read_text("utf-8")
    cooldown = "    cooldown:\n      default-days: 7\n"
    assert cooldown in text
    (github / "dependabot.yml").write_text(text.replace(cooldown, "", 1), "utf-8")
    assert zizmor_findings(github) == ["dependabot-cooldown (Medium): dependabot.yml"]
