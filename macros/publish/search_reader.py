"""Material's search parser, handler by handler: what each tag and each text does to the
page's sections (see :mod:`.search_sections`, which feeds it).

It follows the plugin's rules exactly, quirks included: elements are told apart by tag name
only, so a skipped ``div`` skips every ``div`` around later text until one closes; an element
excluded from search stays skipped until an element of its tag closes.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import (  # type: ignore[attr-defined]
    HTMLParser,
    attrfind_tolerant,
    tagfind_tolerant,
)

# A start or end tag whose attribute values are quoted; anything else falls back.
TAG = re.compile(r"<(/?)([a-zA-Z][-.a-zA-Z0-9:_]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\""
                  r"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>")
# Elements whose content this Python's HTMLParser reads as raw text (``script`` and
# ``style``; newer releases add ``textarea`` and ``title``).
_RAW = (*HTMLParser.CDATA_CONTENT_ELEMENTS, *getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ()))
# Attributes the handlers read besides a heading's: ``data-search-exclude``, a class of
# ``linenodiv`` or ``headerlink``, or any value with a character reference.
_MAY_MATTER = re.compile(r"data-search-exclude|linenodiv|headerlink|&", re.IGNORECASE)
UNSURE = re.compile(rf"<(?:{'|'.join(_RAW)})(?![-.a-zA-Z0-9:_])", re.IGNORECASE)
# Material's lists (plugin.py): tags without an end, tags kept in the text, headings.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = ("object", "script", "style")  # never leave the skip list


class Element:
    """A tag and its attributes (Material's ``Element``)."""

    __slots__ = ("attrs", "tag")

    def __init__(self, tag: str, attrs: dict[str, str | None] | None = None) -> None:
        self.tag, self.attrs = tag, attrs or {}

    def is_excluded(self) -> bool:
        """Marked ``data-search-exclude``."""
        return "data-search-exclude" in self.attrs


class Section:
    """A heading's title and the text up to the next heading (Material's ``Section``)."""

    def __init__(self, el: Element, depth: float = 0) -> None:
        self.el, self.depth = el, depth
        self.text: list[str] = []
        self.title: list[str] = []
        self.id: str | None = None

    def is_excluded(self) -> bool:
        """The heading is excluded from search."""
        return self.el.is_excluded()


def attributes(tag_text: str) -> dict[str, str | None]:
    """The attributes of a start tag (all of its text), read as
    :meth:`html.parser.HTMLParser.parse_starttag` reads them."""
    found: dict[str, str | None] = {}
    k = tagfind_tolerant.match(tag_text, 1).end()
    while k < len(tag_text):
        match = attrfind_tolerant.match(tag_text, k)
        if not match:
            break
        name, rest, value = match.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        found[name.lower()] = unescape(value) if value else value
        k = match.end()
    return found


class Reader:
    """Material's ``Parser`` handlers, with the open tags counted by name."""

    def __init__(self) -> None:
        self.context: list[Element] = []
        self.open: dict[str, int] = {}  # tag -> how many of it are in context
        self.skip = set(SKIPPED)  # tag names: Material's Elements compare by tag
        self.skipping = 0  # how many open elements have a tag in skip
        self.section: Section | None = None
        self.found: list[Section] = []

    def clean(self) -> bool:
        """Nothing open and nothing skipped: what follows reads the same as in a fresh
        reader that has already found a section."""
        return not self.context and not self.skipping and bool(self.found) and \
            len(self.skip) == len(SKIPPED)

    def _opened(self, tag: str) -> bool:
        return self.open.get(tag, 0) > 0

    def _here(self) -> list[str]:
        """The title while inside an element of the heading's tag, else the text."""
        section = self.section
        assert section is not None
        return section.title if self._opened(section.el.tag) else section.text

    def start(self, tag: str, tag_text: str, attr_text: str) -> None:
        """A start tag (``handle_starttag``); ``attr_text`` is the part after its name."""
        if tag in VOID:
            return
        # Without attributes there is nothing to read, whatever the tag's name holds.
        attrs = attributes(tag_text) if attr_text and (tag in HEADINGS or _MAY_MATTER.search(
            attr_text)) else {}
        el = Element(tag, attrs)
        self.context.append(el)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in self.skip:
            self.skipping += 1
        if tag in HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.found:
                self.found.append(Section(Element("hx"), depth))
            self.section = Section(el, depth)
            if self.found:
                self.section.id = attrs["id"]
            self.found.append(self.section)
        if self.section is None:
            self.section = Section(Element("hx"))
            self.found.append(self.section)
        for key, value in attrs.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                if tag not in self.skip:
                    self.skip.add(tag)
                    self.skipping += self.open[tag]
                return
        if tag in KEEP and not self.skipping:
            self._here().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        """An end tag (``handle_endtag``)."""
        if not self.context or self.context[-1].tag != tag:
            return
        section = self.section
        assert section is not None
        if section.depth > len(self.context):
            for earlier in reversed(self.found):
                if earlier.depth <= len(self.context):
                    section.depth = float("inf")
                    self.section = earlier
                    break
        self.context.pop()
        self.open[tag] -= 1
        if tag in self.skip:
            self.skipping -= 1
            if tag not in SKIPPED:
                self.skip.remove(tag)
                self.skipping -= self.open[tag]
            return
        if tag in KEEP and not self.skipping:
            self._close(self._here(), tag)

    @staticmethod
    def _close(data: list[str], tag: str) -> None:
        """Drop an element left empty, or close it (as Material does: the search for its
        start tag begins at the first one in the list)."""
        index = data.index(f"<{tag}>")
        for i in range(index + 1, len(data)):
            if not data[i].isspace():
                index = len(data)
                break
        if len(data) > index:
            del data[index:]
        else:
            data.append(f"</{tag}>")

    def data(self, data: str) -> None:
        """Text (``handle_data``)."""
        if self.skipping:
            return
        in_pre = self.open.get("pre", 0) > 0
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        if self.section is None:
            self.section = Section(Element("hx"))
            self.found.append(self.section)
        section = self.section
        if self.open.get(section.el.tag, 0) > 0:
            if not any(el.tag == "a" and el.attrs.get("class") == "headerlink"
                       for el in self.context):
                section.title.append(_escape(data))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or in_pre:
                section.text.append(data)
        else:
            section.text.append(_escape(data))


def _escape(data: str) -> str:
    """``html.escape(data, quote=False)``, with its replacements, without the call."""
    return data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
