"""Find where an unclosed quote or bracket opened, for a YAML syntax error.

libyaml reports where it *noticed* a problem.  An unclosed ``"`` makes the quoted text run
on to the next quote in the file, often lines later, and the error lands there.  Only when
a file has already failed to parse, this module looks for the value that opened a quote or
a bracket and did not close it before the next line that starts a new key or list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLOSERS = {"[": "]", "{": "}"}
# A line that starts a value: "key: X" or "- X" (X at group "value").
_ENTRY = re.compile(r"^(?P<indent> *)(?:- +)?(?:(?:[^\s#'\"{}\[\],:][^:#]*?|\"[^\"]*\"):(?: +|$))?"
                    r"(?P<value>.*)$")
_STARTS_ENTRY = re.compile(r" *(- |[A-Za-z_][\w-]*:( |$))")
_BLOCK = re.compile(r"[|>][+-]?\d?\s*(#.*)?$")


@dataclass(frozen=True)
class Opener:
    """An unclosed quote or bracket: 1-based line and column, and the character."""

    line: int
    col: int
    char: str

    def message(self, noticed: int) -> str:
        """The error text, with the line where the parser stopped as context."""
        if self.char in "\"'":
            return (f"unclosed quoted text starting here (the YAML parser noticed at line "
                    f"{noticed}; end the text with {self.char} on this line)")
        return (f"unclosed {self.char} starting here (the YAML parser noticed at line {noticed}; "
                f"close it with {CLOSERS[self.char]})")


def _quote_end(value: str, start: int) -> int:
    """Index just past the quote that closes the one at ``start``, or -1."""
    quote, i = value[start], start + 1
    while i < len(value):
        if quote == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == quote:
            if quote == "'" and value[i + 1: i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def _unclosed(value: str) -> tuple[int, str] | None:
    """The offset and character of an opener in ``value`` left open at the line's end."""
    if value[:1] in ('"', "'"):
        return None if _quote_end(value, 0) >= 0 else (0, value[0])
    if value[:1] not in CLOSERS:
        return None
    stack: list[tuple[int, str]] = []
    i = 0
    while i < len(value):
        char = value[i]
        if char in "\"'" and stack:
            end = _quote_end(value, i)
            if end < 0:
                return i, char
            i = end
            continue
        if char in CLOSERS:
            stack.append((i, char))
        elif stack and char == CLOSERS[stack[-1][1]]:
            stack.pop()
            if not stack:
                return None
        elif char == "#" and value[i - 1: i] == " ":
            break
        i += 1
    return stack[0] if stack else None


def find_opener(text: str, noticed: int) -> Opener | None:
    """The first quote or bracket left open before a new entry, on or before line ``noticed``."""
    lines = text.split("\n")
    block_indent = -1  # inside a | or > block scalar deeper than this indentation
    for number, line in enumerate(lines[:noticed], start=1):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent >= 0 and (not line.strip() or indent > block_indent):
            continue
        block_indent = -1
        match = _ENTRY.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        value = match.group("value")
        if _BLOCK.match(value):
            block_indent = indent
            continue
        found = _unclosed(value)
        if found is None or not _ends_before_next_entry(lines, number, indent):
            continue
        return Opener(number, match.start("value") + found[0] + 1, found[1])
    return None


def _ends_before_next_entry(lines: list[str], number: int, indent: int) -> bool:
    """True when the next non-blank line starts a new entry rather than continuing the value
    of line ``number``: it is indented no deeper, or it reads as ``key:`` or ``- item``."""
    for line in lines[number:]:
        if line.strip() and not line.lstrip().startswith("#"):
            return len(line) - len(line.lstrip(" ")) <= indent or bool(_STARTS_ENTRY.match(line))
    return True
