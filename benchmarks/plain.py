"""The baseline: the engine's rendered pages, built by plain Material without the engine.

``make_plain_project`` takes a project and a folder written by ``benchmarks.probe --dump``
(``docs/*.md`` and ``nav.json``) and makes a MkDocs project with the same theme, Markdown
extensions, CSS and JS, but without the macros plugin, the hooks and the content watch.
Building both and comparing the times gives the engine's overhead over Material itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml


def _load_config(path: Path) -> dict[str, Any]:
    """Read ``mkdocs.yml`` as MkDocs does (``!ENV`` tags resolved)."""
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as fh:
        return yaml_load(fh)


def make_plain_project(project: Path, rendered: Path, dest: Path) -> Path:
    """Write a plain Material project into ``dest``; return its ``mkdocs.yml``."""
    config = _load_config(project / "mkdocs.yml")
    config.pop("hooks", None)
    config.pop("watch", None)
    plugins = config.get("plugins") or []
    config["plugins"] = [p for p in plugins
                         if not (isinstance(p, dict) and "macros" in p) and p != "macros"]
    config["nav"] = json.loads((rendered / "nav.json").read_text("utf-8"))
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], dest / theme["custom_dir"],
                        dirs_exist_ok=True)
    shutil.copytree(project / "docs", dest / "docs", dirs_exist_ok=True)
    shutil.copytree(rendered / "docs", dest / "docs", dirs_exist_ok=True)
    target = dest / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return target


__all__ = ["make_plain_project"]
