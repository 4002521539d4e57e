"""A build lets go of each page's text once MkDocs is done with it; serve keeps it.

At a hundred times today's content, holding every page's Markdown (twice) and HTML to the
end of the build doubled its peak memory.  The build's output is unchanged by letting go:
``tests/test_incremental.py`` holds a serve rebuild, which keeps everything, to a clean
build byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, TEST_REPO_URL

BUILD_ONCE = """
import json, sys
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

project, site, command = sys.argv[1:4]
pages = []
build_page = mkdocs_build._build_page
def keep(page, *args, **kwargs):
    pages.append(page)
    return build_page(page, *args, **kwargs)
mkdocs_build._build_page = keep
config = load_config(config_file=project + "/mkdocs.yml", site_dir=site)
config.plugins.on_startup(command=command, dirty=False)
mkdocs_build.build(config)
from macros import glue
print(json.dumps({"pages": len(pages), "engine": len(glue._current["site"].pages),
                  "markdown": sum(p.markdown is not None for p in pages),
                  "html": sum(p.content is not None for p in pages)}))
"""


@pytest.mark.parametrize("command", ["build", "serve"])
def test_what_a_build_holds_once_its_pages_are_written(tmp_path: Path, command: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=TEST_REPO_URL,
               SOURCE_DATE_EPOCH="1737331200")
    result = subprocess.run([sys.executable, "-c", BUILD_ONCE, str(ROOT), str(tmp_path), command],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    held = json.loads(result.stdout.strip().splitlines()[-1])
    pages = held["pages"]
    assert pages > 1
    if command == "build":  # every page handed over, converted and written, then let go
        assert (held["engine"], held["markdown"], held["html"]) == (0, 0, 0)
    else:  # the next rebuild may reuse all of it
        assert (held["engine"], held["markdown"], held["html"]) == (pages, pages, pages)
