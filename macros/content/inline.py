"""The two inline forms editors write in any Markdown text field.

* Term reference: ``[[id-or-alias]]`` or ``[[id-or-alias|shown text]]``.
* Citation: ``[@source-id]``, with an optional locator ``[@id, p. 4]``, and several
  sources separated by semicolons ``[@one; @two, §2.1]``.

Both the validator (to report unknown ids at ``file:line``) and the Markdown renderer
use these patterns, so there is one definition of the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TERM_RE = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
CITE_RE = re.compile(r"\[(@[^\[\]\n]+?)\](?!\()")
_ITEM_RE = re.compile(r"^@([a-z0-9]+(?:[.-][a-z0-9]+)*)(?:\s*,\s*(\S.*?))?$")
MAX_LOCATOR = 80
_HEADING = re.compile(r"^###(?!#)[ \t]+(.+?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True)
class TermRef:
    """``[[key|label]]`` found in a text."""

    key: str
    label: str | None
    raw: str


@dataclass(frozen=True)
class CiteItem:
    """One source inside a citation, with its optional locator."""

    key: str
    locator: str | None


@dataclass(frozen=True)
class Cite:
    """``[@a; @b, p. 2]`` found in a text."""

    items: tuple[CiteItem, ...]
    raw: str


class CitationSyntaxError(ValueError):
    """A citation whose inside cannot be read."""


def parse_cite(inner: str) -> tuple[CiteItem, ...]:
    """Parse the inside of ``[...]`` (starting with ``@``) into cite items."""
    items = []
    for part in inner.split(";"):
        match = _ITEM_RE.match(part.strip())
        if not match:
            raise CitationSyntaxError(
                f"cannot read citation '[{inner}]' (write [@source-id], "
                "[@source-id, p. 4] or [@one; @two])")
        key, locator = match.groups()
        if locator and len(locator) > MAX_LOCATOR:
            raise CitationSyntaxError(f"locator '{locator[:20]}…' is longer than {MAX_LOCATOR} "
                                "characters (shorten it)")
        items.append(CiteItem(key, locator))
    return tuple(items)


def term_refs(text: str) -> Iterator[TermRef]:
    """Every term reference in ``text``, in order."""
    for match in TERM_RE.finditer(text):
        label = match.group(2)
        yield TermRef(match.group(1).strip(), label.strip() if label else None, match.group(0))


def cited_keys(text: str) -> list[str]:
    """The source keys ``text`` cites, in order of first use, each once; bad citations skipped."""
    keys: dict[str, None] = {}
    for cite in cites(text):
        if isinstance(cite, Cite):
            keys.update(dict.fromkeys(item.key for item in cite.items))
    return list(keys)


def cites(text: str) -> Iterator[Cite | CitationSyntaxError]:
    """Every citation in ``text``, in order; unreadable ones come back as problems."""
    for match in CITE_RE.finditer(text):
        try:
            yield Cite(parse_cite(match.group(1)), match.group(0))
        except CitationSyntaxError as problem:
            problem.raw = match.group(0)  # type: ignore[attr-defined]
            yield problem


# --- a body's ### subsections --------------------------------------------------------------

def split_body(body: str) -> list[tuple[str | None, str]]:
    """The body cut before each ``###`` subheading, as ``(subheading or None, text)``."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            parts.append((match.group(1), []))
        parts[-1][1].append(line)
    return [(heading, "\n".join(lines) + "\n") for heading, lines in parts
            if heading is not None or any(line.strip() for line in lines)]


def subheadings(body: str) -> list[str]:
    """The text of every ``###`` subheading in a body, in order."""
    return [heading for heading, _ in split_body(body) if heading is not None]
