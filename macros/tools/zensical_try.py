"""Try the site with Zensical and report how far it gets (``make zensical-try``).

Zensical runs no MkDocs hooks, so our glue's page generation cannot happen inside it.
This tool does that part itself: it renders every page with the engine, writes the
Markdown into ``.zensical/docs/`` (with the site's assets), writes ``.zensical.yml``, a
copy of ``mkdocs.yml`` with that folder as ``docs_dir``, the navigation spelled out and
without ``hooks:`` and the macros plugin, and runs ``zensical build`` on it.  What the
hooks do after the pages (exports, feed, llms.txt, cards, the CSP) is not attempted.

It never fails the caller: a missing Zensical, or a build that stops, is reported.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..render.site import build_site

PROJECT = Path(__file__).resolve().parents[2]
WORK = ".zensical"
CONFIG = ".zensical.yml"
INSTALL = ("python3.11 -m venv /tmp/zensical && /tmp/zensical/bin/pip install zensical==0.1.1; "
           "then: make zensical-try ZENSICAL=/tmp/zensical/bin/zensical")


def _src_uri(url: str) -> str:
    return "index.md" if not url else url.rstrip("/") + ".md"


def write_docs(project: Path) -> list[tuple[str, str]]:
    """Render every page into ``.zensical/docs``; the navigation as (title, file) pairs."""
    site = build_site(project, os.environ.get("SITE_URL", ""))
    docs = project / WORK / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / "docs", docs)
    nav = []
    for spec in site.specs:
        path = docs / _src_uri(spec.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump({"title": spec.title}, allow_unicode=True).strip()
        path.write_text(f"---\n{front}\n---\n{site.pages[spec.key]}", "utf-8")
        nav.append((spec.title, _src_uri(spec.url)))
    return nav


def write_config(project: Path, nav: list[tuple[str, str]]) -> Path:
    """``mkdocs.yml`` without hooks and macros, reading the generated docs."""
    text = (project / "mkdocs.yml").read_text("utf-8")
    text = re.sub(r"^hooks:\n(  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^  - macros:\n(      .*\n)+", "", text, flags=re.M)
    text = text.replace("!ENV [SITE_URL, ", "").replace('"http://127.0.0.1:8000/"]',
                                                          '"http://127.0.0.1:8000/"')
    text = re.sub(r"^repo_url: .*$", 'repo_url: ""', text, flags=re.M)
    entries = "".join(f"  - {yaml.safe_dump({title: uri}, allow_unicode=True)}"
                      for title, uri in nav)
    text += f"\ndocs_dir: {WORK}/docs\nsite_dir: {WORK}/site\nnav:\n{entries}"
    path = project / CONFIG
    path.write_text(text, "utf-8")
    return path


def main() -> int:
    """Generate, build with Zensical, and report; always exit 0."""
    zensical = os.environ.get("ZENSICAL") or shutil.which("zensical")
    if not zensical or not Path(zensical).exists():
        print(f"zensical-try: Zensical is not installed, so nothing was tried. To try: {INSTALL}")
        return 0
    nav = write_docs(PROJECT)
    config = write_config(PROJECT, nav)
    print(f"zensical-try: wrote {len(nav)} pages to {WORK}/docs and {CONFIG}")
    run = subprocess.run([zensical, "build", "-f", str(config)], cwd=PROJECT,
                         capture_output=True, text=True, timeout=600, check=False)
    output = (run.stdout + run.stderr).strip().splitlines()
    print("\n".join(output[-15:]))
    built = sorted((PROJECT / WORK / "site").rglob("index.html"))
    if run.returncode == 0:
        print(f"zensical-try: Zensical built {len(built)} pages into {WORK}/site; not tried: "
              "data exports, feed, llms.txt, social cards, head data, edit links and the CSP "
              "(the MkDocs hooks do those).")
    else:
        print(f"zensical-try: zensical build stopped (exit {run.returncode}); "
              "the last lines of its output are above.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
