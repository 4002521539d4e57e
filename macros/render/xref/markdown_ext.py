"""A Python-Markdown extension that keeps content inert and resolves our inline forms.

* Raw HTML is never passed through: the HTML block and inline processors are removed,
  so ``<script>`` in YAML text shows as text.
* ``[[term]]`` and ``[@cite]`` become placeholder elements, which one tree pass then
  turns, in document order, into term links (first use on the page only) and numbered
  citation markers.  The same pass links the first plain mention of each term, outside
  headings, links and code.
* Links must be http(s) or site-relative; images and top-level headings are refused.
  Each refusal is reported to the page state, which turns it into a ``file:line`` error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Protocol

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from ...content.inline import CITE_RE, TERM_RE, CitationSyntaxError, parse_cite, squash
from ...content.matcher import TermMatcher
from .tidy import TidyMarkers

SKIP_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "kbd"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
TERM_TAG, CITE_TAG = "xref-term", "xref-cite"


class XrefPage(Protocol):
    """What the extension asks of the page it renders (``state.PageState`` provides it).

    The extension knows the page only through this protocol, so the state module imports
    the extension and never the other way round.
    """

    @property
    def matcher(self) -> TermMatcher:
        """The term matcher for plain mentions in the current fragment."""

    def problem(self, needle: str, message: str) -> None:
        """Record a problem in the fragment being rendered."""

    def term_label(self, placeholder: ET.Element) -> str:
        """The text shown for ``[[key]]`` without a label."""

    def term_link(self, key: str, label: str, raw: str) -> ET.Element | None:
        """A link for an explicit ``[[key]]``, or ``None``."""

    def auto_link(self, term_id: str, text: str) -> ET.Element | None:
        """A link for a plain mention, or ``None``."""

    def cite_marker(self, items: list[tuple[str, str | None]], raw: str) -> ET.Element:
        """A numbered citation marker."""


def url_problem(href: str) -> str | None:
    """Why ``href`` may not appear in content, or ``None`` when it is allowed."""
    href = href.strip()
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return f"link '{href[:40]}' uses {scheme.group(1)}: (only http(s) or site-relative links)"
    if href.startswith("//"):
        return f"link '{href[:40]}' has no scheme (write https://...)"
    return None


class _TermPattern(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
            self, m: re.Match[str], data: str) -> tuple[ET.Element, int, int]:
        el = ET.Element(TERM_TAG, {"key": squash(m.group(1)), "raw": m.group(0)})
        el.text = squash(m.group(2) or "")
        return el, m.start(0), m.end(0)


class _CitePattern(InlineProcessor):
    def __init__(self, pattern: str, ext: XrefExtension) -> None:
        super().__init__(pattern)
        self.ext = ext

    @property
    def state(self) -> XrefPage:
        return self.ext.state

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
            self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | None, int | None, int | None]:
        try:
            items = parse_cite(m.group(1))
        except CitationSyntaxError as problem:
            self.state.problem(m.group(0), str(problem))
            return None, None, None
        el = ET.Element(CITE_TAG, {"raw": m.group(0)})
        el.extend(ET.Element("item", {"key": i.key, "loc": i.locator or ""}) for i in items)
        return el, m.start(0), m.end(0)


def _insert_text(parent: ET.Element, index: int, text: str) -> None:
    """Append ``text`` where ``parent[index]`` used to be (before it is removed)."""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        prev = parent[index - 1]
        prev.tail = (prev.tail or "") + text


class _Resolver(Treeprocessor):
    def __init__(self, md: Markdown, ext: XrefExtension) -> None:
        super().__init__(md)
        self.ext = ext

    @property
    def state(self) -> XrefPage:
        return self.ext.state

    def run(self, root: ET.Element) -> None:
        self._walk(root, skip=False)

    def _walk(self, el: ET.Element, skip: bool) -> None:
        if el.text and not skip:
            pieces = self._autolink(el.text)
            if pieces:
                el.text, links = pieces
                for offset, node in enumerate(links):
                    el.insert(offset, node)
        index = 0
        while index < len(el):
            child = el[index]
            replacement = self._resolve(el, index, child)
            if replacement is None:  # unwrapped into text
                continue
            child = replacement
            self._check(child)
            self._walk(child, skip or child.tag in SKIP_TAGS)
            index += 1
            if child.tail and not skip:
                pieces = self._autolink(child.tail)
                if pieces:
                    child.tail, links = pieces
                    for node in links:
                        el.insert(index, node)
                        index += 1

    def _resolve(self, parent: ET.Element, index: int, child: ET.Element) -> ET.Element | None:
        if child.tag == TERM_TAG:
            link = self.state.term_link(child.get("key", ""), child.text or "", child.get("raw", ""))
            if link is None:
                _insert_text(parent, index, (child.text or self.state.term_label(child)) +
                             (child.tail or ""))
                parent.remove(child)
                return None
            link.tail = child.tail
            parent[index] = link
            return link
        if child.tag == CITE_TAG:
            items = [(i.get("key", ""), i.get("loc") or None) for i in child]
            marker = self.state.cite_marker(items, child.get("raw", ""))
            marker.tail = child.tail
            parent[index] = marker
            return marker
        return child

    def _check(self, el: ET.Element) -> None:
        if el.tag == "a" and "xref" not in el.get("class", ""):
            problem = url_problem(el.get("href", ""))
            if problem:
                self.state.problem(el.get("href", ""), problem)
                el.set("href", "#")
        elif el.tag == "img":
            self.state.problem("![", "images are not supported in text (describe it in words)")
            el.set("src", "")
        elif el.tag in ("h1", "h2"):
            self.state.problem("#", "headings in text start at ### (the page uses # and ##)")

    def _autolink(self, text: str) -> tuple[str, list[ET.Element]] | None:
        """``text`` cut at each linked mention: the text before the first link, and the
        links, each carrying the text after it as its tail; ``None`` if nothing links."""
        head: str | None = None
        links: list[ET.Element] = []
        cursor = 0
        for start, end, term in self.state.matcher.finditer(text):
            link = self.state.auto_link(term, text[start:end])
            if link is None:
                continue
            if links:
                links[-1].tail = text[cursor:start]
            else:
                head = text[cursor:start]
            links.append(link)
            cursor = end
        if head is None:
            return None
        links[-1].tail = text[cursor:]
        return head, links


class XrefExtension(Extension):
    """Registers the inert-content rules and the term/citation resolver.

    Its steps render for the page in ``state``, which may be set to another page between
    documents: building a Markdown takes about a millisecond and leaves objects in cycles
    that only the collector frees, so one Markdown serves every page in turn.
    """

    def __init__(self, state: XrefPage) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("automail")
        md.inlinePatterns.register(_TermPattern(TERM_RE.pattern), "xref-term", 175)
        md.inlinePatterns.register(_CitePattern(CITE_RE.pattern, self), "xref-cite", 174)
        md.treeprocessors.register(_Resolver(md, self), "xref-resolve", 1)
        md.treeprocessors.register(TidyMarkers(md), "xref-tidy", 0.5)
