"""The schemas' ``examples``: one real entry per content file, taken from the site's own
content when the schemas are generated (``python -m macros.tools.cli schemas``).

Editors see them in VS Code's hover and completion.  The engine holds no example text of
its own, so a site on another topic gets examples on its own topic.  They are snapshots:
when the content changes they may lag behind, which is harmless (a test checks that the
committed examples still fit the model).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.yamlload import load_file

# Per schema: the content file and, for lists of entries, the key of the list.
SOURCES: dict[str, tuple[str, str | None]] = {
    "section": ("sections/*.yml", None), "glossary": ("glossary.yml", "entries"),
    "timeline": ("timeline.yml", "events"), "sources": ("sources.yml", "sources"),
    "home": ("home.yml", None), "pages": ("pages.yml", None),
    "figures": ("figures.yml", "figures"), "about": ("about.yml", None),
}


def _first_of_each_list(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every list cut to its first item: an example, not a copy."""
    return {key: list(value[:1]) if isinstance(value, (list, tuple)) else value
            for key, value in data.items()}


def _data(path: Path) -> Any:
    """The plain data of a content file (strings stay strings; a broken file gives None)."""
    doc, _ = load_file(path, path.name)
    return doc.data if doc else None


def _first_section(content: Path) -> dict[str, Any] | None:
    sections = [_data(p) for p in sorted(content.glob("sections/*.yml"))]
    sections = [s for s in sections if isinstance(s, dict)]
    if not sections:
        return None
    first = min(sections, key=lambda s: (s.get("order", 99), str(s.get("id", ""))))
    return _first_of_each_list(first)


def example(content: Path, name: str) -> dict[str, Any] | None:
    """The example for schema ``name`` from the content folder ``content``, if it has one."""
    pattern, key = SOURCES[name]
    if name == "section":
        return _first_section(content)
    path = content / pattern
    data = _data(path) if path.exists() else None
    if not isinstance(data, dict):
        return None
    if key is None:
        return data
    items = data.get(key)
    return _first_of_each_list(data) if isinstance(items, (list, tuple)) and items else None
