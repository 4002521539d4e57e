"""mkdocs-macros' git answers are kept under serve until a commit, checkout or tag changes them."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs_macros.context
import pytest

from macros import glue
from macros.publish.git_memo import git_dirs, memoized, refs_state

READ: Callable[[], dict[str, Any]] = getattr(mkdocs_macros.context.get_git_info, "__wrapped__",
               mkdocs_macros.context.get_git_info)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    (root / "a.txt").write_text("one\n")
    _git(root, "add", "a.txt")
    _git(root, "commit", "-q", "-m", "first")
    monkeypatch.chdir(root)
    return root


def _counting() -> tuple[Callable[[], dict[str, Any]], list[int]]:
    calls: list[int] = []

    def read() -> dict[str, Any]:
        calls.append(1)
        return READ()
    return read, calls


def test_answers_are_kept_until_a_commit_or_a_tag(repo: Path) -> None:
    read, calls = _counting()
    cached = memoized(read)
    first = cached()
    assert first == READ() and first["short_commit"] == _git(repo, "rev-parse", "--short",
                                                              "HEAD")
    assert cached() == first and len(calls) == 1
    (repo / "a.txt").write_text("two\n")  # an edit without a commit changes nothing
    assert cached() == first and len(calls) == 1
    _git(repo, "commit", "-q", "-am", "second")
    second = cached()
    assert len(calls) == 2 and second["message"] == "second" and second == READ()
    _git(repo, "tag", "v1")
    assert cached()["tag"] == "v1" and len(calls) == 3
    _git(repo, "checkout", "-q", "-b", "other")
    assert cached() == READ() and len(calls) == 4


def test_each_call_gets_its_own_copy(repo: Path) -> None:
    cached = memoized(READ)
    cached()["commit"] = "changed by a template"
    assert cached()["commit"] == _git(repo, "rev-parse", "HEAD")


def test_outside_a_repository_the_failures_are_kept_until_one_appears(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if git_dirs(tmp_path) is not None:
        pytest.skip("the temporary directory is inside a git work tree")
    monkeypatch.chdir(tmp_path)
    read, calls = _counting()
    cached = memoized(read)
    assert cached() == cached() == READ() and len(calls) == 1
    assert cached()["commit"] == ""  # git's failure, as mkdocs-macros reports it
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "first")
    assert cached()["message"] == "first" and len(calls) == 2


def test_git_pointed_elsewhere_by_its_variables_reads_again(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = refs_state(repo)
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    assert refs_state(repo) != before


def test_a_linked_work_tree_reads_its_own_head_and_the_shared_refs(repo: Path) -> None:
    linked = repo.parent / "linked"
    _git(repo, "worktree", "add", "-q", "-b", "side", str(linked))
    (linked / "sub").mkdir()
    git_dir, common = git_dirs(linked / "sub") or (None, None)  # found from a subdirectory
    assert common == (repo / ".git").resolve()
    assert git_dir == (repo / ".git" / "worktrees" / "linked").resolve()
    before = refs_state(linked)
    _git(linked, "commit", "-q", "--allow-empty", "-m", "on side")
    assert refs_state(linked) != before
    assert refs_state(repo) is not None and refs_state(repo) != refs_state(linked)


def test_serve_installs_the_memo_and_a_build_removes_it() -> None:
    try:
        glue.on_startup("serve", dirty=False)
        installed = mkdocs_macros.context.get_git_info
        assert getattr(installed, "__wrapped__", None) is READ
        glue.on_startup("serve", dirty=False)  # a second serve wraps the function, not the memo
        assert getattr(mkdocs_macros.context.get_git_info, "__wrapped__", None) is READ
    finally:
        glue.on_startup("build", dirty=False)
    assert mkdocs_macros.context.get_git_info is READ
