"""JSON Schemas for editors, generated from the content model (one source of truth).

Each content file's first line points the YAML language server at its schema, so VS Code
completes fields and flags mistakes while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..content.model import Glossary, Home, Section, Sources, Timeline
from .schema_examples import EXAMPLES

SCHEMAS: dict[str, type[BaseModel]] = {
    "section": Section, "glossary": Glossary, "timeline": Timeline, "sources": Sources,
    "home": Home,
}


def schema_text(model: type[BaseModel], name: str) -> str:
    """The JSON Schema of ``model`` as stable, pretty-printed text."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    schema["examples"] = [EXAMPLES[name]]
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, name), "utf-8")
        paths.append(path)
    return paths
