"""The project's repository address, read from git, for "Edit this page" links."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git_repo_url(project: Path) -> str | None:
    """The https address of the ``origin`` remote of the git work tree at ``project``, or
    ``None`` (no git, no remote, or a remote that is not a web address)."""
    try:
        remote = subprocess.run(["git", "remote", "get-url", "origin"], cwd=project,
                                capture_output=True, text=True, timeout=5, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    remote = remote.strip().removesuffix(".git")
    if remote.startswith("git@github.com:"):
        remote = "https://github.com/" + remote.removeprefix("git@github.com:")
    return remote if remote.startswith("https://") else None
