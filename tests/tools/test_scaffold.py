"""``make new``: a skeleton entry in the right file, flagged line by line until filled in."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.content.load import load_content
from macros.render.site import render_site
from macros.tools.scaffold import ScaffoldError, add

from ..conftest import content_errors, copy_project


def test_new_term_is_appended_and_check_points_at_each_empty_line(mini: Path) -> None:
    path, line = add(mini, "term", "tpu")
    assert (path.name, line) == ("glossary.yml", 18)
    lines = path.read_text().splitlines()
    assert lines[16] == "" and lines[17] == "  - id: tpu  # Entry id; the anchor on the glossary page."
    assert content_errors(mini) == [
        "content/glossary.yml:19:11: entries[2].term: text is empty (write something)",
        "content/glossary.yml:20:11: entries[2].kind: '' is not allowed (allowed: 'concept', "
        "'person', 'organization', 'product' or 'policy')",
        "content/glossary.yml:21:12: entries[2].short: text is empty (write something)",
        "content/glossary.yml:22:11: entries[2].body: text is empty (write something)",
    ]


@pytest.mark.parametrize(("kind", "taken"), [("term", "gpu"), ("event", "later"),
                                             ("source", "src-one"), ("section", "alpha")])
def test_taken_id_is_refused_and_nothing_changes(mini: Path, kind: str, taken: str) -> None:
    before = {p: p.read_bytes() for p in mini.rglob("*.yml")}
    with pytest.raises(ScaffoldError, match=f"id '{taken}' is already taken"):
        add(mini, kind, taken)
    assert {p: p.read_bytes() for p in mini.rglob("*.yml")} == before


def test_bad_kind_and_bad_id_are_refused(mini: Path) -> None:
    with pytest.raises(ScaffoldError, match=r"unknown kind 'person' \(use one of: term, event, "):
        add(mini, "person", "x")
    with pytest.raises(ScaffoldError, match="'Bad Id' is not a valid id"):
        add(mini, "term", "Bad Id")


def test_new_section_gets_its_own_file_with_the_schema_line(mini: Path) -> None:
    path, line = add(mini, "section", "gamma")
    lines = path.read_text().splitlines()
    assert path == mini / "sections" / "gamma.yml" and line == 2
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/section.schema.json"
    assert lines[2].startswith("order: 3  #")
    assert any(e.startswith("content/sections/gamma.yml:4:8: title: text is empty")
               for e in content_errors(mini))


def test_make_new_from_the_command_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "schemas").mkdir()
    run = subprocess.run([sys.executable, "-m", "macros.tools.cli", "new", "event", "gpu-ban"],
                         cwd=project, capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Added event 'gpu-ban' at content/timeline.yml:")
    again = subprocess.run([sys.executable, "-m", "macros.tools.cli", "new", "event", "gpu-ban"],
                           cwd=project, capture_output=True, text=True, timeout=60,
                           env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})
    assert again.returncode == 1
    assert again.stderr == ("error: id 'gpu-ban' is already taken in timeline.yml; choose "
                            "another, or edit the existing entry\n")


def test_the_worked_example_in_contributing_works(tmp_path: Path) -> None:
    """CONTRIBUTING.md's worked example, step by step, on a copy of the real content."""
    content = Path(shutil.copytree(copy_project(tmp_path / "p") / "content", tmp_path / "c"))
    guide = (Path(__file__).parents[2] / "CONTRIBUTING.md").read_text("utf-8")
    entry = re.search(r"so that it reads:\n   ```yaml\n(.*?)   ```", guide, re.S).group(1)
    add(content, "term", "fp8")
    glossary = content / "glossary.yml"
    text = glossary.read_text("utf-8")
    skeleton_start = text.index("  - id: fp8")
    filled = textwrap.indent(textwrap.dedent(entry).rstrip(), "  ") + "\n"
    glossary.write_text(text[:skeleton_start] + filled, "utf-8")
    section = content / "sections" / "open-source-test-time-scaling.yml"
    text = section.read_text("utf-8")
    section.write_text(text.replace("body: |\n", "body: |\n  V3 was trained in FP8 "
                                    "[@deepseek-v3-github-readme].\n\n", 1), "utf-8")
    site = render_site(load_content(content, content.parent))
    page = site.pages["section:open-source-test-time-scaling"]
    assert 'href="../../glossary/#fp8"' in page
    assert not [w for w in site.warnings if "fp8" in w.message]

