"""Where each value of a loaded YAML file sits, packed into arrays of offsets.

A span per value, held as an object in a dict keyed by its path, cost about 300 bytes; at a
hundred times today's content that was 160 MB, kept for the whole build, though a span is
only read to point at a problem.  The loader instead appends each value's offsets in the
order it walks the file (depth first, the order of ``dict`` keys and list items), with the
number of values in its subtree.  A path is then found by walking the loaded data beside the
table: a child's ordinal is its parent's plus one plus the sizes of the siblings before it.
Line and column come from the offset, counting line breaks as libyaml counts them.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

# libyaml's line breaks (the text reaches it with "\r\n" already turned into "\n").
_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
_NO_KEY = -1


@dataclass(frozen=True)
class Span:
    """Where a value sits in its file: 1-based line and column, and raw text offsets."""

    line: int
    col: int
    start: int
    end: int


class SpanTable:
    """The offsets of every value in walk order, and of the key that names it, if any."""

    def __init__(self) -> None:
        self._start, self._end = array("i"), array("i")
        self._key_start, self._key_end = array("i"), array("i")
        self._size = array("i")
        self._children: dict[int, array[int]] = {}

    def add(self, start: int, end: int, key: tuple[int, int] | None) -> int:
        """Record the next value in walk order (``key``: its key's offsets); its ordinal."""
        self._start.append(start)
        self._end.append(end)
        self._key_start.append(key[0] if key else _NO_KEY)
        self._key_end.append(key[1] if key else _NO_KEY)
        self._size.append(1)
        return len(self._start) - 1

    def close(self, ordinal: int) -> None:
        """Mark the end of the subtree of ``ordinal``: every value added since is inside it."""
        self._size[ordinal] = len(self._start) - ordinal

    def find(self, data: Any, where: tuple[str | int, ...]) -> tuple[int, int]:
        """The ordinal of the value at ``where``, or of its nearest recorded parent, and how
        many parts of ``where`` were followed (``(-1, 0)`` for an empty table)."""
        if not self._start:
            return -1, 0
        ordinal = 0
        for depth, part in enumerate(where):
            if isinstance(data, dict) and isinstance(part, str) and part in data:
                position = list(data).index(part)
            elif isinstance(data, tuple) and isinstance(part, int) and 0 <= part < len(data):
                position = part
            else:
                return ordinal, depth
            ordinal, data = self._kids(ordinal, len(data))[position], data[part]
        return ordinal, len(where)

    def _kids(self, ordinal: int, count: int) -> array[int]:
        """The ordinals of the ``count`` children of ``ordinal``, worked out once."""
        kids = self._children.get(ordinal)
        if kids is None:
            kids, child = array("i"), ordinal + 1
            for _ in range(count):
                kids.append(child)
                child += self._size[child]
            self._children[ordinal] = kids
        return kids

    def value(self, ordinal: int) -> tuple[int, int]:
        """The start and end offsets of the value ``ordinal``."""
        return self._start[ordinal], self._end[ordinal]

    def key(self, ordinal: int) -> tuple[int, int] | None:
        """The start and end offsets of the key naming ``ordinal`` (None for a list item)."""
        start = self._key_start[ordinal]
        return None if start == _NO_KEY else (start, self._key_end[ordinal])


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` begins, line breaks counted as libyaml does."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def span_at(starts: list[int], start: int, end: int) -> Span:
    """The span from ``start`` to ``end``, given the text's :func:`line_starts`."""
    line = bisect_right(starts, start)
    return Span(line, start - starts[line - 1] + 1, start, end)
