"""mkdocs-macros' ``git`` variable, read again only when the repository's refs change.

mkdocs-macros runs git thirteen times at every build (commit, tag, author, date, message,
top directory) to fill the ``git`` variable of page templates; under ``mkdocs serve`` that
is about 50 ms of each rebuild, for answers that change only when a commit is made, a
branch is checked out or a tag is added. :func:`memoized` keeps the last answer while the
files that hold those refs are untouched: ``HEAD``, the branch file it names,
``packed-refs`` and the tags directory, each by its size and modification time, with the
working directory git is run from and git's own variables that point it elsewhere.
Outside a repository git's answers are all failures, kept until a repository appears.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Stamp = tuple[int, int, int] | None
# Variables with which git finds a repository other than the working directory's.
_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES")


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def git_dirs(start: Path) -> tuple[Path, Path] | None:
    """The git directory of the work tree holding ``start`` and its common directory (the
    same, except in a linked work tree), or ``None`` outside a repository."""
    for folder in (start, *start.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot, dot
        if dot.is_file():
            text = dot.read_text("utf-8", "replace").strip()
            if not text.startswith("gitdir:"):
                return None
            git_dir = (folder / text.removeprefix("gitdir:").strip()).resolve()
            common = git_dir / "commondir"
            if common.is_file():
                return git_dir, (git_dir / common.read_text("utf-8").strip()).resolve()
            return git_dir, git_dir
    return None


def refs_state(start: Path) -> tuple[Any, ...]:
    """What git's answers about ``HEAD`` and its tags depend on, as seen from ``start``."""
    where = (str(start), *(os.environ.get(name) for name in _GIT_ENV))
    dirs = git_dirs(start)
    if dirs is None:
        return where
    git_dir, common = dirs
    try:
        head = (git_dir / "HEAD").read_text("utf-8", "replace").strip()
    except OSError:
        head = ""
    branch: Stamp = None
    if head.startswith("ref:"):
        name = head.removeprefix("ref:").strip()
        branch = _stamp(git_dir / name) or _stamp(common / name)
    return (*where, str(git_dir), head, branch, _stamp(common / "packed-refs"),
            _stamp(common / "refs" / "tags"))


def memoized(read: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """``read`` (mkdocs-macros' ``get_git_info``), answered from memory while the refs it
    reads are unchanged; each call gets its own copy of the answer."""
    kept: dict[str, Any] = {}

    def cached() -> dict[str, Any]:
        state = refs_state(Path(os.getcwd()))
        if kept.get("state") != state:
            kept.update(state=state, info=read())
        return dict(kept["info"])

    cached.__wrapped__ = read  # type: ignore[attr-defined]
    return cached


__all__ = ["git_dirs", "memoized", "refs_state"]
