"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs.

Same ``mkdocs.yml``, plugin and hooks, same ``SOURCE_DATE_EPOCH``: every file is byte-for-
byte the same, except that each page's ``<meta name="generator">`` names its builder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, TEST_REPO_URL

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
EPOCH = "1737331200"  # the one the ``site`` fixture is built with


def properdocs_build(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``properdocs build --strict`` of the project into ``site_dir``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               REPO_URL=TEST_REPO_URL, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict",
                           "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def differences(one: Path, other: Path) -> list[str]:
    """Files only in one site, or whose bytes differ beyond the generator tag."""
    names = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        a, b = one / name, other / name
        if not (a.is_file() and b.is_file()):
            found.append(f"{name}: only in {'the first' if a.is_file() else 'the second'}")
            continue
        left, right = a.read_bytes(), b.read_bytes()
        if name.suffix == ".html":
            left, right = GENERATOR.sub(b"", left, 1), GENERATOR.sub(b"", right, 1)
        if left != right:
            found.append(f"{name}: differs")
    return found


def test_properdocs_builds_the_same_site(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    result = properdocs_build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(site, out) == []
    generator = GENERATOR.search((out / "index.html").read_bytes())
    assert generator and b"ProperDocs" in generator.group(0)
    assert b"ProperDocs" not in GENERATOR.search((site / "index.html").read_bytes()).group(0)


def test_the_comparison_sees_a_changed_file(site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "copy"))
    page = copy / "glossary" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</article>", b"<p>x</p></article>", 1))
    (copy / "feed.xml").unlink()
    assert differences(site, copy) == ["feed.xml: only in the first", "glossary/index.html: differs"]
