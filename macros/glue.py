"""The thin MkDocs layer: build the site model, generate pages, set nav and edit links.

MkDocs loads ``macros/hooks.py``, which re-exports the event handlers defined here.
The engine itself never imports MkDocs.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .content.errors import ContentError
from .publish.cards import write_cards
from .publish.csp import apply_csp
from .publish.export import DEFAULT_STAMP, write_exports
from .publish.feed import atom_feed
from .publish.llms import llms_txt
from .publish.publication import Publication, page_description
from .publish.social import page_head
from .render.downloads import FEED_PATH, LLMS_PATH
from .render.site import PageSpec, Site, build_site

_current: dict[str, Any] = {}  # the site and its Publication, set by on_config


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is ``serve``: its live-reload script is injected inline on
    every response, so the served preview carries no Content-Security-Policy."""
    _current["serve"] = command == "serve"


def page_markdown(key: str) -> str:
    """The rendered Markdown of page ``key`` (the ``explainer_page`` macro)."""
    return _current["site"].pages[key]


def _project_dir(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _src_uri(spec: PageSpec) -> str:
    return "index.md" if not spec.url else spec.url.rstrip("/") + ".md"


def _git_repo_url(project: Path) -> str | None:
    try:
        remote = subprocess.run(["git", "remote", "get-url", "origin"], cwd=project,
                                capture_output=True, text=True, timeout=5, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    remote = remote.strip().removesuffix(".git")
    if remote.startswith("git@github.com:"):
        remote = "https://github.com/" + remote.removeprefix("git@github.com:")
    return remote if remote.startswith("https://") else None


def on_config(config: Any) -> Any:
    """Load and render all content; stop the build with every content error at once."""
    project = _project_dir(config)
    try:
        site = build_site(project, config.site_url or "")
    except ContentError as err:
        raise PluginError(str(err)) from None
    _current["site"], _current["pub"] = site, _publication(config)
    config.nav = [{spec.title: _src_uri(spec)} for spec in site.specs]
    if not config.repo_url:
        config.repo_url = _git_repo_url(project)
    return config


def _publication(config: Any) -> Publication:
    return Publication.of(config.site_name, config.site_description or "",
                          config.site_url or "http://127.0.0.1:8000/")


def _shell(spec: PageSpec, site: Site) -> str:
    meta = {"title": spec.title}
    description = page_description(site, spec)
    if description:
        meta["description"] = description
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True).strip()
    return f'---\n{front}\n---\n{{{{ explainer_page("{spec.key}") }}}}\n'


def on_files(files: Files, config: Any) -> Files:
    """Add one generated page per spec: a one-line macro call, never hand-written."""
    site = _current["site"]
    for spec in site.specs:
        files.append(File.generated(config, _src_uri(spec), content=_shell(spec, site)))
    return files


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Point "Edit this page" at the page's YAML file; hand the template its head data.

    ``explainer_head`` holds the page's Open Graph and Twitter tags and its JSON-LD
    (``overrides/main.html`` prints them in ``extrahead``).
    """
    site = _current["site"]
    spec = next((s for s in site.specs if _src_uri(s) == page.file.src_uri), None)
    if spec and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{spec.edit_path}"
    if spec:
        context["explainer_head"] = page_head(site, spec, _current["pub"])
    return context


def on_post_build(config: Any) -> None:
    """Write the data exports, the Atom feed, llms.txt, the social cards and the CSP."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = datetime.fromtimestamp(int(epoch), UTC) if epoch else DEFAULT_STAMP
    site, site_dir, pub = _current["site"], Path(config.site_dir), _current["pub"]
    write_exports(site, site_dir, config.site_url or "", stamp)
    (site_dir / FEED_PATH).write_bytes(atom_feed(site, pub, stamp))
    (site_dir / LLMS_PATH).write_text(llms_txt(site, pub), "utf-8")
    write_cards(site, pub, site_dir)
    if not _current.get("serve"):
        apply_csp(site_dir)
