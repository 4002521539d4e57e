"""The "Edit this page" links find the repository's web address from git's origin remote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from macros.publish.repository import git_repo_url


def _repo(path: Path, remote: str | None) -> Path:
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    if remote is not None:
        subprocess.run(["git", "-C", str(path), "remote", "add", "origin", remote], check=True)
    return path


@pytest.mark.parametrize(("remote", "expected"), [
    ("git@github.com:owner/site.git", "https://github.com/owner/site"),
    ("https://example.org/owner/site.git", "https://example.org/owner/site"),
    ("https://example.org/owner/site", "https://example.org/owner/site"),
    ("/srv/git/site.git", None),  # a path on disk is no web address
])
def test_the_origin_remote_as_a_web_address(tmp_path: Path, remote: str,
                                             expected: str | None) -> None:
    assert git_repo_url(_repo(tmp_path / "repo", remote)) == expected


def test_no_remote_and_no_repository_give_none(tmp_path: Path) -> None:
    assert git_repo_url(_repo(tmp_path / "repo", None)) is None
    (tmp_path / "plain").mkdir()
    assert git_repo_url(tmp_path / "plain") is None
