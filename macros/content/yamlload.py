"""Load a YAML file into plain data plus the line and column of every value.

PyYAML's constructors silently keep the last of two duplicate keys, expand aliases
(the "billion laughs" bomb) and honour ``!!python/...`` tags in unsafe loaders.  We
therefore only *compose* the file with libyaml (fast, and it keeps every key visible)
and build the data ourselves, refusing anything that is not plain data.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .spans import Span, SpanTable, line_starts, span_at
from .yamlsyntax import find_opener

try:  # libyaml is ten times faster; the pure-Python loader is the fallback.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# A bound on one content file, against runaway input: 100 times today's content at the real
# entry sizes (a glossary.yml of about 8.5 MB) still loads, in about a second with libyaml.
MAX_BYTES = 10_000_000
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_KIND = {dict: "a mapping", list: "a list", tuple: "a list", str: "text", int: "a number",
         float: "a number", bool: "true/false", type(None): "nothing (null)"}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """A loaded file: its data, its raw text, and where each value and key sits in it."""

    path: str
    text: str
    data: Any
    table: SpanTable = field(default_factory=SpanTable)

    def span(self, where: Path_) -> Span:
        """The span of the value at ``where``, or of its nearest parent that has one."""
        ordinal, _ = self.table.find(self.data, where)
        if ordinal < 0:
            return Span(1, 1, 0, len(self.text))
        return span_at(self._line_starts, *self.table.value(ordinal))

    def key_span(self, where: Path_) -> Span:
        """The span of the key that names ``where`` (falls back to the value's span)."""
        ordinal, depth = self.table.find(self.data, where)
        key = self.table.key(ordinal) if ordinal >= 0 and depth == len(where) else None
        return span_at(self._line_starts, *key) if key else self.span(where)

    def locate(self, where: Path_, needle: str, occurrence: int = 0) -> Span:
        """The span of ``needle`` inside the raw text of the value at ``where``.

        Used to point at one ``[[term]]`` or ``[@cite]`` inside a long text block.
        """
        outer = self.span(where)
        index = outer.start - 1
        for _ in range(occurrence + 1):
            index = self.text.find(needle, index + 1, outer.end)
            if index < 0:
                return outer
        return span_at(self._line_starts, index, index + len(needle))

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets where each line begins, so a span costs a binary search, not a scan."""
        return line_starts(self.text)


def kind_of(value: Any) -> str:
    """A reader's name for the type of a YAML value (``a mapping``, ``text`` ...)."""
    return _KIND.get(type(value), type(value).__name__)


def _tag_message(node: yaml.Node) -> str:
    return (f"unsupported tag {node.tag} (only plain YAML: text, numbers, true/false, "
            "dates, lists and mappings)")


def _mark_span(mark: Any, end: Any) -> Span:
    """The span between two of libyaml's marks, lines counted as libyaml counts them."""
    return Span(mark.line + 1, mark.column + 1, mark.index, end.index)


def _node_span(node: yaml.Node) -> Span:
    return _mark_span(node.start_mark, node.end_mark)


class _Builder:
    """Turns composed nodes into plain data, recording spans and problems."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._aliases: list[Span] | None = None

    def problem(self, span: Span, where: Path_, message: str) -> None:
        self.problems.append(Problem(self.doc.path, span.line, span.col, dotted(where), message))

    def build(self, node: yaml.Node, where: Path_, depth: int,
              key: yaml.Node | None = None) -> Any:
        """The plain data of ``node`` (at ``where``, named by ``key``), its spans recorded."""
        table = self.doc.table
        ordinal = table.add(node.start_mark.index, node.end_mark.index,
                            (key.start_mark.index, key.end_mark.index) if key else None)
        if id(node) in self._seen:
            alias = self._alias_span()
            self.problem(alias or _node_span(node), where, "YAML aliases (*name) are not "
                         "allowed (write the value out in full)")
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(_node_span(node), where, f"nesting is deeper than {MAX_DEPTH} levels "
                         "(flatten the structure)")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, where)
        if isinstance(node, yaml.MappingNode):
            result: Any = self._mapping(node, where, depth)
        elif node.tag != f"{_TAG}seq":
            self.problem(_node_span(node), where, _tag_message(node))
            return None
        else:
            result = tuple(self.build(item, (*where, i), depth + 1)
                           for i, item in enumerate(node.value))
        table.close(ordinal)
        return result

    def _alias_span(self) -> Span | None:
        """Where the next not-yet-reported ``*alias`` is (composed nodes forget it)."""
        if self._aliases is None:
            self._aliases = [
                _mark_span(e.start_mark, e.end_mark)
                for e in yaml.parse(self.doc.text, Loader=_Loader)
                if isinstance(e, yaml.AliasEvent) and e.start_mark and e.end_mark]
        return self._aliases.pop(0) if self._aliases else None

    def _mapping(self, node: yaml.MappingNode, where: Path_, depth: int) -> dict[str, Any]:
        if node.tag != f"{_TAG}map":
            self.problem(_node_span(node), where, _tag_message(node))
            return {}
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == f"{_TAG}merge":
                self.problem(_node_span(key_node), where,
                             "keys must be plain words (no lists, mappings or <<)")
                continue
            key = sys.intern(key_node.value)  # one object per field name, not per entry
            here = (*where, key)
            if key in first:
                self.problem(_node_span(key_node), here, f"duplicate key '{key}' (first defined "
                             f"at line {first[key].start_mark.line + 1}; each key may appear "
                             "once, so remove or merge one)")
                continue
            first[key] = key_node
            result[key] = self.build(value_node, here, depth + 1, key_node)
        return result

    def _scalar(self, node: yaml.ScalarNode, where: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(_node_span(node), where, _tag_message(node))
            return None
        if node.tag in (f"{_TAG}str", f"{_TAG}timestamp"):
            return node.value  # dates stay text: the validator parses them at their precision
        return _constructor.construct_object(node)


def dotted(where: Path_) -> str:
    """Render a path like ``claims[2].verdict``; the empty path is ``(file)``."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 1, 1, "(file)", f"file is {len(raw):,} bytes "
                              f"(at most {MAX_BYTES:,})")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        col = len(raw[line_start: err.start].decode("utf-8", "replace")) + 1
        return None, [Problem(path, line, col, "(file)",
                              f"byte 0x{raw[err.start]:02x} is not valid UTF-8 "
                              "(save the file as UTF-8)")]
    return text.replace("\r\n", "\n"), []


def load_text(path: str, text: str) -> tuple[Document | None, list[Problem]]:
    """Compose ``text`` (the contents of ``path``) into a :class:`Document`."""
    doc = Document(path, text, None)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = err.problem or err.context or "invalid YAML"
        at_tab = mark is not None and text[mark.index: mark.index + 1] == "\t"
        opener = None if at_tab else find_opener(text, line)
        if opener:  # libyaml noticed late: point at the quote or bracket left open
            return None, [Problem(path, opener.line, opener.col, "(file)", opener.message(line))]
        hint = " (indent with spaces, not tabs)" if at_tab or "tab" in what else \
            " (fix the YAML syntax: check indentation, colons and quotes)"
        return None, [Problem(path, line, col, "(file)", f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as err:
        return None, [Problem(path, 1, 1, "(file)", f"YAML error: {err}")]
    except RecursionError:
        return None, [Problem(path, 1, 1, "(file)", f"nesting is deeper than {MAX_DEPTH} "
                              "levels (flatten the structure)")]
    if node is None:
        return None, [Problem(path, 1, 1, "(file)", "file is empty (expected a mapping of fields)")]
    builder = _Builder(doc)
    doc.data = builder.build(node, (), 0)
    return doc, builder.problems


def load_file(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read and compose one content file; ``display`` is the path shown in messages."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(display, 1, 1, "(file)", f"cannot read file: {err.strerror}")]
    return load_bytes(display, raw)


def load_bytes(display: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Decode and compose the bytes of one content file (see :func:`load_file`)."""
    text, problems = _decode(display, raw)
    if text is None:
        return None, problems
    return load_text(display, text)
