"""``make new KIND=… ID=…``: append a skeleton entry with the schema's required fields.

The skeleton is well-formed YAML whose required values are empty, each with a comment
from the model's field description, so that ``make check`` points at every line still to
fill in and nothing half-written can reach the site.  An id that is already taken is
refused.  A new section gets its own file, with the schema line editors' tools read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..content.fields import ID_PATTERN, SOURCE_ID_PATTERN
from ..content.model import Event, Section, Source, Term


@dataclass(frozen=True)
class Kind:
    """Where entries of one kind live."""

    model: type[BaseModel]
    file: str | None  # None: one file per entry, under content/sections/
    list_key: str | None
    schema: str
    id_pattern: str
    also: tuple[str, ...] = ()  # optional fields an entry almost always needs


KINDS: dict[str, Kind] = {
    "term": Kind(Term, "glossary.yml", "entries", "glossary", ID_PATTERN, ("sources",)),
    "event": Kind(Event, "timeline.yml", "events", "timeline", ID_PATTERN, ("sections", "sources")),
    "source": Kind(Source, "sources.yml", "sources", "sources", SOURCE_ID_PATTERN,
                   ("published", "url", "accessed")),
    "section": Kind(Section, None, None, "section", ID_PATTERN),
}


class ScaffoldError(Exception):
    """The entry cannot be added; the message says why and what to do."""


def _empty_value(info: FieldInfo) -> str:
    if get_origin(info.annotation) is tuple:
        return '[""]' if info.is_required() else "[]"
    return "0" if info.annotation is int else '""'


def _comment(info: FieldInfo) -> str:
    text = re.sub(r"\s+", " ", info.description or "").replace("`", "")
    if not info.is_required():
        text = "Optional, but usually needed: " + text[:1].lower() + text[1:]
    return f"  # {text}" if text else ""


def skeleton(kind: Kind, entry_id: str, indent: str, first: str, extra: dict[str, str]) -> str:
    """The YAML lines of a new entry: ``id`` filled in, other required fields empty."""
    lines = []
    for name, info in kind.model.model_fields.items():
        if not info.is_required() and name not in kind.also:
            continue
        value = entry_id if name == "id" else extra.get(name, _empty_value(info))
        prefix = first if not lines else indent
        lines.append(f"{prefix}{name}: {value}{_comment(info)}")
    return "\n".join(lines) + "\n"


def _taken_ids(path: Path, list_key: str) -> set[str]:
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as err:
        raise ScaffoldError(f"{path.name} does not parse ({err.__class__.__name__}); "
                            "run `make check` and fix it first") from None
    return {str(item.get("id")) for item in data.get(list_key) or [] if isinstance(item, dict)}


def add(content: Path, kind_name: str, entry_id: str) -> tuple[Path, int]:
    """Add a skeleton ``kind_name`` entry with ``entry_id``; return the file and its line."""
    kind = KINDS.get(kind_name)
    if kind is None:
        raise ScaffoldError(f"unknown kind '{kind_name}' (use one of: {', '.join(KINDS)})")
    if not re.fullmatch(kind.id_pattern, entry_id or ""):
        raise ScaffoldError(f"'{entry_id}' is not a valid id (lowercase letters, digits and "
                            "single hyphens, e.g. 'export-controls')")
    if kind.file is None:
        return _add_section(content, kind, entry_id)
    path = content / kind.file
    if entry_id in _taken_ids(path, kind.list_key or ""):
        raise ScaffoldError(f"id '{entry_id}' is already taken in {path.name}; "
                            "choose another, or edit the existing entry")
    text = path.read_text("utf-8")
    if not text.endswith("\n"):
        text += "\n"
    text += "\n"  # entries are separated by a blank line
    line = text.count("\n") + 1
    path.write_text(text + skeleton(kind, entry_id, "    ", "  - ", {}), "utf-8")
    return path, line


def _add_section(content: Path, kind: Kind, entry_id: str) -> tuple[Path, int]:
    folder = content / "sections"
    path = folder / f"{entry_id}.yml"
    orders = [_order(p) for p in folder.glob("*.yml")]
    if path.exists():
        raise ScaffoldError(f"id '{entry_id}' is already taken: {path.name} exists")
    header = f"# yaml-language-server: $schema=../../schemas/{kind.schema}.schema.json\n"
    body = skeleton(kind, entry_id, "", "", {"order": str(max(orders, default=0) + 1)})
    path.write_text(header + body, "utf-8")
    return path, 2


def _order(path: Path) -> int:
    data: Any = yaml.safe_load(path.read_text("utf-8"))
    order = data.get("order") if isinstance(data, dict) else None
    return order if isinstance(order, int) else 0
