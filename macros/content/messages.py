"""Schema errors as editors read them: one message per pydantic error, at its YAML position.

Each message says what is wrong and what is allowed; the table of wordings lives here so
the model, the validator and the schemas share it.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .yamlload import Document, Path_, dotted, kind_of

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "tuple_type": "a list",
    "model_type": "a mapping", "dict_type": "a mapping", "bool_type": "true or false",
    "model_attributes_type": "a mapping",
}



def problem_at(doc: Document, where: Path_, message: str, *, key: bool = False,
             severity: str = "error") -> Problem:
    """A problem at ``where`` in ``doc`` (at its key when ``key``)."""
    span = doc.key_span(where) if key else doc.span(where)
    return Problem(doc.path, span.line, span.col, dotted(where), message, severity)  # type: ignore[arg-type]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (to list its allowed fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = info.annotation
        while get_origin(current) is not None or get_args(current):
            args = [a for a in get_args(current) if a is not type(None) and a is not Ellipsis]
            nested = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if nested:
                current = nested[0]
                break
            if not args or args[0] is current:
                break
            current = args[0]
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _message(error: dict[str, Any], value: Any, model: type[BaseModel],
             loc: tuple[Any, ...]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return f"required field '{loc[-1]}' is missing (add it)"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc[:-1])
        allowed = ", ".join(holder.model_fields) if holder else "see the schema"
        return f"unknown field '{loc[-1]}' (allowed: {allowed})"
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {kind_of(value)}"
    if kind == "literal_error":
        return f"'{value}' is not allowed (allowed: {ctx.get('expected', '')})"
    if kind == "string_pattern_mismatch":
        if "https?" in str(ctx.get("pattern", "")):
            return f"'{str(value)[:60]}' is not an http(s) URL (write https://...)"
        if "<>" in str(ctx.get("pattern", "")):
            return "a page title cannot contain '<' or '>' (write them in words)"
        return (f"'{value}' is not a valid id (lowercase letters, digits and single hyphens, "
                "e.g. 'export-controls')")
    if kind == "string_too_long":
        return f"text is {len(value)} characters long (at most {ctx.get('max_length')})"
    if kind == "string_too_short":
        holder = _model_at(model, loc[:-1])
        field = holder.model_fields.get(str(loc[-1])) if holder else None
        optional = field is not None and not field.is_required()
        return "text is empty (write something" + (", or remove the field)" if optional else ")")
    if kind == "too_short":
        return f"list has {ctx.get('actual_length', 0)} item(s) (at least {ctx.get('min_length')})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{value} is out of range ({error['msg'].lower()})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def schema_problems(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate ``doc.data`` against ``model``; return the object or the problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    problems = []
    failing = [tuple(e["loc"]) for e in errors if e["type"] != "too_short"]
    for error in errors:
        loc = tuple(error["loc"])
        # A list that fails only because its items failed is not a problem of its own.
        if error["type"] == "too_short" and any(f[: len(loc)] == loc and f != loc for f in failing):
            continue
        value = _value_at(doc.data, loc)
        message = _message(error, value, model, loc)
        if error["type"] == "missing":
            problems.append(problem_at(doc, loc[:-1], message))
            problems[-1] = Problem(**{**problems[-1].__dict__, "field": dotted(loc)})
        else:
            problems.append(problem_at(doc, loc, message, key=error["type"] == "extra_forbidden"))
    return None, problems
