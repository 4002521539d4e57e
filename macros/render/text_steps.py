"""Python-Markdown's steps over a page's whole text, without the searches that find nothing.

The engine's pages reach Python-Markdown as half a megabyte of finished HTML under a few
headings. Three of Python-Markdown's steps search all of that text with patterns that
cannot start with a fixed character, so the regular-expression engine tries them at every
character; together they were half of Python-Markdown's time on the real site's pages. Each
class here gives its step's output, text for text (``tests/render/test_text_steps.py``):

- :class:`Whitespace` (``NormalizeWhitespace``) removes the spaces of lines that hold
  nothing else with a pattern that starts at the newline, not with a look-behind, and skips
  each replacement the text has nothing for.
- :class:`FenceGuard` runs ``fenced_code``'s search only when a line starts with a fence
  (three backticks or tildes), the only place its pattern can match.
- :class:`RawHtml` (``RawHtmlPostprocessor``) puts the stashed HTML back, but does not
  search a stashed block for placeholders when it holds no placeholder's first character.

:func:`install` puts each in the place of Python-Markdown's own, only where that still
stands (an extension that replaced a step keeps its own). The content's own Markdown
(:mod:`.xref.state`) has them too: the same output, and its raw-HTML step, run once per
fragment, leaves no reference cycle behind (see :mod:`macros.content.collector`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown import Markdown, util
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.postprocessors import RawHtmlPostprocessor
from markdown.preprocessors import NormalizeWhitespace, Preprocessor

# A newline, then spaces up to the next newline: the spaces go.
_SPACE_LINE = re.compile(r"\n +(?=\n)")
_FENCES = ("```", "~~~")


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


class FenceGuard(Preprocessor):
    """``fenced_code``'s step (``inner``), run only on a text with a line that starts with a
    fence; any other text comes back as the step would give it."""

    def __init__(self, md: Markdown, inner: FencedBlockPreprocessor) -> None:
        super().__init__(md)
        self.inner = inner

    def run(self, lines: list[str]) -> list[str]:
        """The lines with their fenced blocks stashed (none without a fence)."""
        text = "\n".join(lines)
        if text.startswith(_FENCES) or any(f"\n{fence}" in text for fence in _FENCES):
            return self.inner.run(lines)
        return text.split("\n")


class RawHtml(RawHtmlPostprocessor):
    """``RawHtmlPostprocessor`` that does not search stashed HTML with no placeholder in it."""

    def run(self, text: str) -> str:
        """``text`` with every placeholder replaced by its stashed HTML, as the stock step."""
        if not self.md.htmlStash.html_counter:
            return text
        return _Restore(self).sub(text)


class _Restore:
    """One run of :class:`RawHtml`. Methods, not nested functions that call each other: those
    would hold each other in a cycle, left for the collector after every run."""

    _BASE = util.HTML_PLACEHOLDER % r"([0-9]+)"
    _PATTERN = re.compile(f"<p>{_BASE}</p>|{_BASE}")

    def __init__(self, step: RawHtml) -> None:
        self.step = step
        self.stash = step.md.htmlStash

    def sub(self, text: str) -> str:
        """``text`` with its placeholders replaced."""
        return self._PATTERN.sub(self.substitute, text)

    def restore(self, html: str) -> str:
        """Stashed ``html``, with the placeholders it holds replaced in turn."""
        return self.sub(html) if util.STX in html else html

    def substitute(self, match: re.Match[str]) -> str:
        """The stashed HTML for one placeholder (unknown numbers stay as they are)."""
        key, wrapped = (match.group(1), True) if match.group(1) else (match.group(2), False)
        if int(key) >= self.stash.html_counter:
            return match.group(0)
        step = self.step
        # An element from md_in_html, as Python-Markdown's own step passes it.
        html = step.stash_to_string(self.stash.rawHtmlBlocks[int(key)])  # type: ignore[arg-type]
        return self.restore(html if not wrapped or step.isblocklevel(html) else f"<p>{html}</p>")


def replace(registry: Any, name: str, step: Any) -> None:
    """Register ``step`` as ``name`` in ``registry``, at the priority of the step it replaces."""
    priority = next(item.priority for item in registry._priority if item.name == name)
    registry.register(step, name, priority)


def install(md: Markdown) -> None:
    """Put each step here in the place of ``md``'s own, where Python-Markdown's still stands."""
    steps: list[tuple[util.Registry[Any], str, type, Callable[[Any], Any]]] = [
        (md.preprocessors, "normalize_whitespace", NormalizeWhitespace, lambda _: Whitespace(md)),
        (md.preprocessors, "fenced_code_block", FencedBlockPreprocessor,
         lambda stock: FenceGuard(md, stock)),
        (md.postprocessors, "raw_html", RawHtmlPostprocessor, lambda _: RawHtml(md)),
    ]
    for registry, name, stock_type, make in steps:
        if name in registry and type(registry[name]) is stock_type:
            replace(registry, name, make(registry[name]))


__all__ = ["FenceGuard", "RawHtml", "Whitespace", "install", "replace"]
