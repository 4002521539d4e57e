"""A Python-Markdown extension that passes the engine's finished HTML blocks through as they are.

The engine writes each page as Markdown headings between blocks of finished HTML. Left alone,
Python-Markdown's raw-HTML preprocessor (and MkDocs's own scan for anchor ids before it) parses
every byte of that HTML again, only to find where each block ends and copy it to the output
unchanged: on long pages, most of a page's render time. This preprocessor stashes each such
block as raw HTML itself, just as Python-Markdown would, so the output is the same without the
parse.

A block is taken only when it is unambiguous: it starts a line after a blank line (or the
text's start) with a block-level start tag, ends a line with that tag's end tag once the tags
of that name balance, and is followed by a blank line, the end, or another such element on
the next line (the run is then one block, as Python-Markdown makes it). Anything else is left
to Python-Markdown.
"""

from __future__ import annotations

import functools
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from . import text_steps

_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# After Python-Markdown's whitespace normalisation (30), before MkDocs's anchor scan (21) and
# Python-Markdown's raw-HTML preprocessor (20).
PRIORITY = 25


@functools.lru_cache(maxsize=64)
def _tags(tag: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(rf"<{tag}(?=[\s>/])"), re.compile(rf"</{tag}\s*>")


def _closing_line(md: Markdown, lines: list[str], start: int) -> int | None:
    """The line that closes the block-level element opening ``lines[start]``, if that line
    ends with its end tag once the tags of its name balance."""
    match = _START.match(lines[start])
    if not match or match.group(1) in _VOID or not md.is_block_level(match.group(1)):
        return None
    tag = match.group(1)
    opens, closes = _tags(tag)
    depth = 0
    for end in range(start, len(lines)):
        line = lines[end]
        depth += len(opens.findall(line)) - len(closes.findall(line))
        if depth <= 0:
            return end if depth == 0 and line.rstrip().endswith(f"</{tag}>") else None
    return None


def block_end(md: Markdown, lines: list[str], start: int) -> int | None:
    """The index of the last line of the HTML block that starts at ``lines[start]``, or
    ``None`` if the block is not one to take (see the module's docstring). Elements that
    follow each other line after line, without a blank line, make one block."""
    end = _closing_line(md, lines, start)
    while end is not None and end + 1 < len(lines) and lines[end + 1].strip():
        end = _closing_line(md, lines, end + 1)
    return end


class RawBlocks(Preprocessor):
    """Stashes each finished HTML block of a page, as Python-Markdown's raw-HTML step would."""

    def run(self, lines: list[str]) -> list[str]:
        """The lines, each taken block replaced by its placeholder."""
        out: list[str] = []
        at = 0
        while at < len(lines):
            end = None
            if lines[at].startswith("<") and (at == 0 or not lines[at - 1].strip()):
                end = block_end(self.md, lines, at)
            if end is None:
                out.append(lines[at])
                at += 1
            else:
                # With the newline that ends it, as Python-Markdown stores a block.
                out.append(self.md.htmlStash.store("\n".join(lines[at:end + 1]) + "\n"))
                at = end + 1
        return out


class RawBlocksExtension(Extension):
    """Registers :class:`RawBlocks` (see the module's docstring), and the whole-text steps
    of :mod:`.text_steps`: both are for long pages of finished HTML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Add the preprocessor to ``md``."""
        text_steps.install(md)
        md.preprocessors.register(RawBlocks(md), "explainer_raw_blocks", PRIORITY)


__all__ = ["PRIORITY", "RawBlocks", "RawBlocksExtension", "block_end"]
