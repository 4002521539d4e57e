"""The JSON Schemas editors get in VS Code: complete, with examples, true to the content,
and strict enough to reject the robustness suite's bad inputs that a schema can express."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from yamllint import linter
from yamllint.config import YamlLintConfig

from ..conftest import ROOT
from ..content.test_robustness import MATRIX, plant

SCHEMAS = ROOT / "schemas"
FILES = {"section": "sections/*.yml", "glossary": "glossary.yml", "timeline": "timeline.yml",
         "sources": "sources.yml", "home": "home.yml", "pages": "pages.yml",
         "figures": "figures.yml", "about": "about.yml"}
KIND_SCHEMA = {"section": "section", "glossary": "glossary", "timeline": "timeline",
               "sources": "sources"}
# The matrix cases a JSON Schema can express (the rest need the engine: dates that do not
# exist, duplicate keys, cross-file references, YAML tags and aliases).
EXPRESSIBLE = {"list for mapping", "wrong scalar type", "unknown field", "missing field",
               "overlong string", "malformed id", "unsafe url"}


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text()))


def properties(node: object, where: str = "") -> list[tuple[str, dict]]:
    """Every (path, property schema) under ``properties`` anywhere in a schema."""
    found = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((f"{where}.{key}", value))
        for key, value in node.items():
            found += properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += properties(value, f"{where}[{i}]")
    return found


@pytest.mark.parametrize("name", FILES)
def test_every_field_has_a_description_and_the_schema_an_example(name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    undescribed = [path for path, prop in properties(schema) if not prop.get("description")
                   and "examples" not in path]
    assert undescribed == []
    assert schema["examples"] and list(validator(name).iter_errors(schema["examples"][0])) == []


@pytest.mark.parametrize("name", FILES)
def test_current_content_validates_against_its_schema(name: str) -> None:
    for path in sorted((ROOT / "content").glob(FILES[name])):
        data = yaml.safe_load(path.read_text("utf-8"))
        errors = [f"{path.name}: {'.'.join(map(str, e.path))}: {e.message}"
                  for e in validator(name).iter_errors(data)]
        assert errors == []


CASES = [(kind, case) for kind, (_, cases) in MATRIX.items() for case in cases
         if case in EXPRESSIBLE]


@pytest.mark.parametrize(("kind", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_schema_rejects_what_it_can_express(mini: Path, kind: str, case: str) -> None:
    name, _ = plant(mini, kind, case)
    content = mini
    data = yaml.safe_load((content / name).read_text("utf-8"))
    assert list(validator(KIND_SCHEMA[kind]).iter_errors(data)), f"{kind}: {case} passed"


def test_yamllint_with_our_config_passes_on_all_content() -> None:
    config = YamlLintConfig(file=str(ROOT / ".yamllint.yml"))
    problems = [f"{path.relative_to(ROOT)}:{p.line}:{p.column}: {p.message}"
                for path in sorted((ROOT / "content").rglob("*.yml"))
                for p in linter.run(path.read_text("utf-8"), config)]
    assert problems == []


def test_pre_commit_hooks_are_pinned_and_match_our_versions() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    pins = dict(re.findall(r"^([\w.-]+)==(\S+)$", (ROOT / "requirements.in").read_text(), re.M))
    revs = {repo["repo"].rsplit("/", 1)[-1]: repo.get("rev") for repo in config["repos"]}
    assert revs["yamllint"] == f"v{pins['yamllint']}"
    assert revs["ruff-pre-commit"] == f"v{pins['ruff']}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", revs["check-jsonschema"])
    hooked = {a[1] for repo in config["repos"] for h in repo["hooks"]
              for a in [h.get("args", [None, None])] if h["id"] == "check-jsonschema"}
    assert hooked == {f"schemas/{n}.schema.json" for n in FILES}
