"""JSON Schemas for editors, generated from the content model (one source of truth).

Each content file's first line points the YAML language server at its schema, so VS Code
completes fields and flags mistakes while typing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content.about import About
from ..content.figure_model import Figures
from ..content.home_model import Home
from ..content.model import Glossary, Section, Sources, Timeline
from ..content.pages import Pages
from .schema_examples import example

SCHEMAS: dict[str, type[BaseModel]] = {
    "section": Section, "glossary": Glossary, "timeline": Timeline, "sources": Sources,
    "home": Home, "pages": Pages, "figures": Figures, "about": About,
}


def schema_data(model: type[BaseModel], name: str,
                example: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of ``model``, with ``example`` (an entry of the content) if given."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    if example is not None:
        schema["examples"] = [example]
    return schema


def schema_text(model: type[BaseModel], name: str, example: dict[str, Any] | None = None) -> str:
    """The JSON Schema of ``model`` as stable, pretty-printed text."""
    data = schema_data(model, name, example)
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path, content: Path) -> list[Path]:
    """Write every schema into ``folder``, with examples from ``content``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, name, example(content, name)), "utf-8")
        paths.append(path)
    return paths
