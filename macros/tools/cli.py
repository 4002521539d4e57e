"""Command line: ``python -m macros.tools.cli check|build|schemas|new``.

``check`` validates content/ in well under a second, without MkDocs.  ``build`` runs a
strict MkDocs build into a temporary folder and swaps it in as ``site/`` only when the
build succeeds, so a failed build never leaves a half-written site.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..content.errors import ContentError, Problem
from ..render.site import build_site
from .scaffold import ScaffoldError, add
from .schema import write_schemas

PROJECT = Path(__file__).resolve().parents[2]


def _print(problems: list[Problem]) -> None:
    github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(problem.github_annotation() if github else str(problem))


def check(project: Path) -> int:
    """Validate and render all content; print every problem; 1 if any is an error."""
    try:
        site = build_site(project)
    except ContentError as err:
        _print(err.problems)
        errors = sum(p.severity == "error" for p in err.problems)
        print(f"{errors} error(s); content is not valid.", file=sys.stderr)
        return 1
    _print(site.warnings)
    print(f"content OK: {len(site.content.index.sections)} sections, "
          f"{len(site.content.index.terms)} terms, {len(site.content.index.events)} events, "
          f"{len(site.content.index.sources)} sources; {len(site.warnings)} warning(s).")
    return 0


def source_date_epoch(project: Path) -> str | None:
    """The last commit's time, so two builds of one commit are byte-identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, text=True,
                             capture_output=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


BUILDERS = ("mkdocs", "properdocs")  # ProperDocs: the maintained fork of MkDocs 1.6


def build(project: Path, target: Path, builder: str = "mkdocs") -> int:
    """Strict build into a temporary folder, then replace ``target`` atomically."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    epoch = env.get("SOURCE_DATE_EPOCH") or source_date_epoch(project)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", builder, "build", "--strict", "--quiet",
             "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(staging)],
            cwd=project, env=env, check=False)
        if result.returncode != 0:
            print(f"Build failed; {target.name}/ was left as it was.", file=sys.stderr)
            return result.returncode
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        print(f"Built {target}/")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def new(project: Path, kind: str, entry_id: str) -> int:
    """Append a skeleton entry; print where it is and what to fill in."""
    try:
        path, line = add(project / "content", kind, entry_id)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    shown = path.relative_to(project).as_posix()
    print(f"Added {kind} '{entry_id}' at {shown}:{line}. Fill in the empty values; "
          "`make check` lists each one still missing.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m macros.tools.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content/ without building")
    sub.add_parser("schemas", help="regenerate schemas/*.schema.json from the model")
    new_cmd = sub.add_parser("new", help="append a skeleton term, event, source, section or figure")
    new_cmd.add_argument("kind", help="term, event, source, section or figure")
    new_cmd.add_argument("id", help="the new entry's id, e.g. test-time-scaling")
    build_cmd = sub.add_parser("build", help="strict, atomic build into site/")
    build_cmd.add_argument("--site-dir", type=Path, default=PROJECT / "site")
    build_cmd.add_argument("--builder", choices=BUILDERS, default="mkdocs")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(PROJECT)
    if args.command == "new":
        return new(PROJECT, args.kind, args.id)
    if args.command == "schemas":
        for path in write_schemas(PROJECT / "schemas", PROJECT / "content"):
            print(f"wrote {path.relative_to(PROJECT)}")
        return 0
    return build(PROJECT, args.site_dir.resolve(), args.builder)


if __name__ == "__main__":
    raise SystemExit(main())
