"""The GitHub workflows keep their safety rules: read-only by default, actions pinned by
commit SHA with a version comment, no persisted credentials, a timeout on every job."""

from __future__ import annotations

import re

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
