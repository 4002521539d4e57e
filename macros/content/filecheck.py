"""Schema-check one content file on its own: the part of validation that needs no other file.

Its result depends only on the file's data, so a rebuild may reuse it for a file that did
not change (``cache.py``); the cross-file rules in ``validate.py`` always run on the whole.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .messages import schema_problems
from .model import Glossary, Section, Sources, Timeline
from .yamlload import Document, Path_

#: Each kind of content file: the model of the whole file and the field that lists its items
#: (``None``: the file is one item, a section).
FILE_MODELS: dict[str, tuple[type[BaseModel], str | None]] = {
    "section": (Section, None),
    "term": (Glossary, "entries"),
    "category": (Timeline, "categories"),
    "event": (Timeline, "events"),
    "source": (Sources, "sources"),
}


@dataclass(frozen=True)
class FileCheck:
    """The schema-valid items of one file, where each sits, its problems and declared ids."""

    kind: str
    items: tuple[tuple[Any, Path_], ...]
    problems: tuple[Problem, ...]
    # Ids declared in the raw data, valid or not: a reference to an entry that has its own
    # error is not reported a second time as "unknown".
    declared: frozenset[str]


def _declared(data: Any) -> str | None:
    key = data.get("id") if isinstance(data, dict) else None
    return key if isinstance(key, str) else None


def schema_check(doc: Document, kind: str) -> FileCheck:
    """Validate ``doc`` against the model of its ``kind``; keep every item valid on its own."""
    model, attr = FILE_MODELS[kind]
    obj, problems = schema_problems(doc, model)
    if attr is None:
        declared = _declared(doc.data)
        return FileCheck(kind, () if obj is None else ((obj, ()),), tuple(problems),
                         frozenset({declared} if declared else ()))
    raw = doc.data.get(attr) if isinstance(doc.data, dict) else None
    raw = raw if isinstance(raw, (list, tuple)) else ()
    declared_ids = frozenset(i for i in map(_declared, raw) if i)
    if obj is not None:  # the whole file is valid: its items are already validated
        return FileCheck(kind, tuple((item, (attr, i)) for i, item in enumerate(getattr(obj, attr))),
                         (), declared_ids)
    # Keep every entry that is valid on its own, so one bad entry does not turn each
    # reference to the others into a second, misleading error.
    item_model = get_args(model.model_fields[attr].annotation)[0]  # tuple[Item, ...]
    items = []
    for i, item in enumerate(raw):
        with suppress(ValidationError):
            items.append((item_model.model_validate(item), (attr, i)))
    return FileCheck(kind, tuple(items), tuple(problems), declared_ids)
