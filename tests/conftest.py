"""Shared fixtures: a throw-away copy of the project, and one strict build of the real site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .serve import serve

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "content", "macros", "docs", "overrides")
TEST_REPO_URL = "https://github.com/example-owner/example-repo"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's loader for tests: ``!ENV [NAME, default]`` reads the environment."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else \
        [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[k] for k in keys if k in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def site_config(root: Path = ROOT) -> dict:
    """A project's mkdocs.yml as data: tests read the site's name and address from it."""
    return yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)


CONFIG = site_config()
SITE_NAME: str = CONFIG["site_name"]
SITE_DESCRIPTION: str = " ".join(CONFIG["site_description"].split())


@cache
def real_index() -> Any:
    """The index of the real content (for tests that read expected values from it)."""
    from macros.content.load import load_content

    return load_content(ROOT / "content", ROOT).index


def section_url(which: str = "first") -> str:
    """The site path of a real section: the ``first`` in reading order, the first one with
    a diagram (``diagram``) or with claims (``claims``), the one that shows the most data
    figures (``charts``), or the first that shows none (``text``)."""
    index = real_index()
    sections = index.sections
    charts = [f.section for f in index.figures]
    pick = {"first": sections[0], "diagram": next((s for s in sections if s.diagrams), None),
            "claims": next((s for s in sections if s.claims), None),
            "charts": max(sections, key=lambda s: charts.count(s.id)) if charts else None,
            "text": next((s for s in sections if s.id not in charts), None),
            }[which]
    assert pick is not None, f"no section has {which}"
    return f"sections/{pick.id}/"


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """Copy what a build of ``root`` needs into ``dest`` (no venv, no git history)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def run_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=TEST_REPO_URL, **env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=environ, capture_output=True, text=True, timeout=300)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file, failing loudly if ``old`` is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small, valid fixture content."""
    return Path(shutil.copytree(MINI, tmp_path / "content"))


def content_errors(content: Path) -> list[str]:
    """The error lines (not warnings) that checking ``content`` raises; fails if it passes."""
    from macros.content.errors import ContentError
    from macros.content.load import load_content
    from macros.render.site import render_site

    with pytest.raises(ContentError) as info:
        render_site(load_content(content, content.parent))
    return [str(p) for p in info.value.problems if p.severity == "error"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with ``--strict``."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out, SOURCE_DATE_EPOCH="1737331200")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The real site, served gzip-compressed on 127.0.0.1."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser-deps` (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def sitemap_paths(site: Path) -> list[str]:
    """Every page listed in the built sitemap, as a path relative to the site root."""
    text = (site / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert locs, "sitemap.xml lists no pages"
    return [urlsplit(loc).path.lstrip("/") for loc in locs]
