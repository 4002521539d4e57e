"""Python-Markdown's first step, whitespace normalisation, without its slow search.

``NormalizeWhitespace`` (``markdown/preprocessors.py``) removes the spaces of every line
that holds nothing else with ``re.sub(r'(?<=\\n) +\\n', '\\n', text)``. A pattern that starts
with a look-behind is tried at every character of the text, so on the engine's long pages
(half a megabyte of finished HTML) that one search is most of the step, and the step about
a quarter of Python-Markdown's time on them. :class:`Whitespace` takes the same lines out
with a pattern that starts with the newline itself, which the regular-expression engine
finds with a fast scan, and skips each replacement the text has nothing for. The output is
the same, text for text (``tests/render/test_whitespace.py``).
"""

from __future__ import annotations

import re

from markdown import Markdown, util
from markdown.preprocessors import NormalizeWhitespace

PRIORITY = 30  # Python-Markdown's own, first of its preprocessors
# A newline, then spaces up to the next newline: the spaces go.
_SPACE_LINE = re.compile(r"\n +(?=\n)")


class Whitespace(NormalizeWhitespace):
    """``NormalizeWhitespace`` with the same output, faster on long texts."""

    def run(self, lines: list[str]) -> list[str]:
        """The lines, normalised as Python-Markdown's own step does."""
        source = "\n".join(lines)
        if util.STX in source or util.ETX in source:
            source = source.replace(util.STX, "").replace(util.ETX, "")
        if "\r" in source:
            source = source.replace("\r\n", "\n").replace("\r", "\n")
        source += "\n\n"
        if "\t" in source:
            source = source.expandtabs(self.md.tab_length)
        if " \n" in source:
            source = _SPACE_LINE.sub("\n", source)
        return source.split("\n")


def install(md: Markdown) -> None:
    """Put :class:`Whitespace` in the place of ``md``'s own step, if it still has Python-
    Markdown's (an extension that replaced it keeps its own)."""
    if type(md.preprocessors["normalize_whitespace"]) is NormalizeWhitespace:
        md.preprocessors.register(Whitespace(md), "normalize_whitespace", PRIORITY)


__all__ = ["PRIORITY", "Whitespace", "install"]
