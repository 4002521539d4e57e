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

from .errors import ContentError
from .export import plain, write_exports
from .site import PageSpec, Site, build_site

_current: dict[str, Site] = {}


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
    _current["site"] = site
    config.nav = [{spec.title: _src_uri(spec)} for spec in site.specs]
    if not config.repo_url:
        config.repo_url = _git_repo_url(project)
    return config


def _shell(spec: PageSpec, site: Site) -> str:
    meta = {"title": spec.title}
    description = _description(spec, site)
    if description:
        meta["description"] = description
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True).strip()
    return f'---\n{front}\n---\n{{{{ explainer_page("{spec.key}") }}}}\n'


def _description(spec: PageSpec, site: Site) -> str:
    index = site.content.index
    if spec.key.startswith("section:"):
        text = next(s.summary for s in index.sections if f"section:{s.id}" == spec.key)
    elif spec.key == "home":
        text = site.content.home.hook
    else:
        return {"glossary": "Terms, people and organizations in the DeepSeek R1 story.",
                "whos-who": "The people and organizations in the DeepSeek R1 story.",
                "timeline": "The DeepSeek R1 story in dated, cited events.",
                "sources": "Every source behind the DeepSeek R1 explainer."}.get(spec.key, "")
    text = plain(text.replace("*", ""))
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"


def on_files(files: Files, config: Any) -> Files:
    """Add one generated page per spec: a one-line macro call, never hand-written."""
    site = _current["site"]
    for spec in site.specs:
        files.append(File.generated(config, _src_uri(spec), content=_shell(spec, site)))
    return files


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Point "Edit this page" at the YAML file that holds the page's content."""
    site = _current["site"]
    spec = next((s for s in site.specs if _src_uri(s) == page.file.src_uri), None)
    if spec and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{spec.edit_path}"
    return context


def on_post_build(config: Any) -> None:
    """Write the machine-readable exports next to the pages."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = datetime.fromtimestamp(int(epoch), UTC) if epoch else None
    write_exports(_current["site"], Path(config.site_dir), config.site_url or "", stamp)
