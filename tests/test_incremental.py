"""``make serve`` rebuilds incrementally, yet what it serves is exactly a clean build.

Two builds run in one process, as ``mkdocs serve`` runs them (``on_startup`` says
``serve``): the second, after an edit to one content file, re-parses only that file and
reuses the pages whose Markdown did not change (and their search entries); its output
must be byte-identical to a clean ``mkdocs build`` of the edited project.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import TEST_REPO_URL, run_build

SERVE_TWICE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, first, second, edited, old, new = sys.argv[1:7]
def config(site):
    return load_config(config_file=project + "/mkdocs.yml", site_dir=site)
c = config(first)
c.plugins.on_startup(command="serve", dirty=False)
build(c)
path = Path(edited)
path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
build(config(second))
from macros import glue
print(json.dumps({"parses": glue._serving["content"].parses, "reused": glue._serving["reused"],
                  "search_reused": glue._serving["search"].reused,
                  "chunks_reused": glue._serving["search"].chunks.reused,
                  "fragments_reused": glue._serving["fragments"].hits}))
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _without_csp(tree: dict[str, bytes]) -> dict[str, bytes]:
    """A clean build's pages without their Content-Security-Policy tag: ``mkdocs serve``
    writes none (its live-reload script is injected inline), and nothing else may differ."""
    tag = re.compile(rb'\n  <meta http-equiv="Content-Security-Policy" content="[^"]*">')
    return {name: tag.sub(b"", data, count=1) if name.endswith(".html") else data
            for name, data in tree.items()}


# Edits of three kinds, each found in the content: a section's title (its pages' labels
# change), a glossary definition (every term link's tooltip may change) and a sentence of
# a section's body. The regular expression finds the text, which the edit replaces.
EDITS = {
    "section title": ("sections/*.yml", r"(?m)^title:.*$", 'title: "An edited title"',
                      "An edited title"),
    "glossary definition": ("glossary.yml", r"(?m)^    short: >-\n +",
                            "An edited definition. ", "An edited definition."),
    "section sentence": ("sections/*.yml", r"(?m)^  [A-Z]", "An edited sentence. ",
                         "An edited sentence."),
}


@pytest.mark.parametrize("kind", EDITS)
def test_a_serve_rebuild_after_an_edit_equals_a_clean_build(project: Path, tmp_path: Path,
                                                            kind: str) -> None:
    pattern, find, insert, shown = EDITS[kind]
    edited_file = sorted((project / "content").glob(pattern))[0]
    found = re.search(find, edited_file.read_text("utf-8"))
    assert found, (edited_file, find)
    old = found.group(0)
    new = (insert if kind == "section title" else old + insert)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=TEST_REPO_URL,
               SOURCE_DATE_EPOCH="1737331200")
    result = subprocess.run(
        [sys.executable, "-c", SERVE_TWICE, str(project), str(tmp_path / "first"),
         str(tmp_path / "second"), str(edited_file), old, new],
        cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    edited = edited_file.relative_to(project).as_posix()
    files = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*.yml"))
    assert report["parses"] == dict.fromkeys(files, 1) | {edited: 2}
    assert report["reused"] > 0  # some pages did not change, and were not rendered again
    assert report["search_reused"] > 0  # nor parsed again for the search index
    assert report["chunks_reused"] > 0  # nor were the unchanged parts of changed pages
    if kind != "glossary definition":  # which may change any term link, so none is kept
        assert report["fragments_reused"] > 0
    clean = run_build(project, tmp_path / "clean", SOURCE_DATE_EPOCH="1737331200")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    second, expected = _tree(tmp_path / "second"), _without_csp(_tree(tmp_path / "clean"))
    assert not any(b"Content-Security-Policy" in d for n, d in second.items() if n.endswith(".html"))
    assert any(shown.encode() in data for name, data in second.items() if name.endswith(".html"))
    assert sorted(second) == sorted(expected)
    assert [name for name in expected if second[name] != expected[name]] == []
