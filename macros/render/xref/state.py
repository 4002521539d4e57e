"""What one page remembers while it is rendered: linked terms, citation numbers, problems.

A page is rendered fragment by fragment in reading order; this state makes term links
happen once per page and numbers citations in order of first use, as on Wikipedia.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension

from ...content.index import Index
from ...content.matcher import TermMatcher
from ...content.yamlload import Document, Path_
from .. import text_steps
from . import fragments
from .inline_steps import install as install_inline_steps
from .leftover import unrendered
from .markdown_ext import XrefExtension


@lru_cache(maxsize=1 << 14)
def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site paths, without its two ``getcwd`` calls per link;
    remembered, as a page links to the same few pages many times."""
    to, frm = [p for p in path.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def relative_url(page: str, target: str) -> str:
    """The URL of ``target`` relative to ``page`` (both site paths like ``glossary/#x``)."""
    path, hash_, frag = target.partition("#")
    if path == page and hash_:
        return f"#{frag}"
    rel = _relpath(path, page)
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{frag}" if hash_ else "")


_shared = threading.local()  # one Markdown per thread, lent to each page in turn


def markdown_for(page: PageState) -> Markdown:
    """The thread's content Markdown, set to render for ``page``."""
    made: tuple[Markdown, XrefExtension] | None = getattr(_shared, "made", None)
    if made is None:
        xref = XrefExtension(page)
        # Typographic quotes and apostrophes in all content text; dashes and ellipses
        # are left as the editor typed them.
        smarty = SmartyExtension(smart_quotes=True, smart_dashes=False,
                                 smart_ellipses=False, smart_angled_quotes=False)
        md = Markdown(extensions=[xref, "sane_lists", smarty], output_format="html")
        install_inline_steps(md)
        text_steps.install(md)
        made = _shared.made = md, xref
    made[1].state = page
    return made[0]


@dataclass(frozen=True)
class Origin:
    """Where a fragment of text came from, so problems can name ``file:line``."""

    doc: Document
    where: Path_


@dataclass(frozen=True)
class Use:
    """One place on a page that uses a term or cites a source."""

    page: str  # page URL, e.g. ``sections/rising-star/``
    anchor: str  # element id on that page
    label: str  # what the reader sees in a back-link list


@dataclass
class RenderProblem:
    """A problem found while rendering, located later by its needle in the raw text."""

    origin: Origin | None
    needle: str
    message: str
    occurrence: int = 0  # which occurrence of the needle in the text is meant


@dataclass
class PageState:
    """Per-page rendering state shared by the Markdown extension and page builders."""

    index: Index
    url: str
    context: str = ""
    origin: Origin | None = None
    linked: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    backrefs: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    term_uses: list[tuple[str, Use]] = field(default_factory=list)
    cite_uses: list[tuple[str, Use]] = field(default_factory=list)
    problems: list[RenderProblem] = field(default_factory=list)
    autolink: bool = True

    @property
    def matcher(self) -> TermMatcher:
        """The site's term matcher (empty when auto-linking is off for this fragment)."""
        return self.index.matcher if self.autolink else self.index.empty_matcher

    def rel(self, target: str) -> str:
        """A relative URL from this page to ``target`` (a site path like ``glossary/#x``)."""
        return relative_url(self.url, target)

    def problem(self, needle: str, message: str) -> None:
        """Record a problem in the fragment being rendered."""
        self.problems.append(RenderProblem(self.origin, needle, message))

    # --- Markdown --------------------------------------------------------------------

    def markdown(self, text: str, origin: Origin | None = None, *, inline: bool = False,
                 autolink: bool = True) -> str:
        """Render one fragment of content Markdown to HTML, in page order."""
        cache = fragments.active()
        if cache is None:
            return self._convert(text, origin, inline, autolink)
        key = cache.key(self, text, inline, autolink)
        kept = cache.kept.get(key)
        if kept is not None:
            cache.hits += 1
            return fragments.replay(self, kept)
        before = fragments.mark(self)
        html = self._convert(text, origin, inline, autolink)
        rendered = fragments.added(self, before, html)
        if rendered is not None:
            cache.kept[key] = rendered
        return html

    def _convert(self, text: str, origin: Origin | None, inline: bool, autolink: bool) -> str:
        md = markdown_for(self)
        self.origin, self.autolink = origin, autolink
        html = md.reset().convert(text)
        for needle, occurrence, message in unrendered(text, html):
            self.problems.append(RenderProblem(origin, needle, message, occurrence))
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html

    # --- terms -----------------------------------------------------------------------

    def _link(self, term_id: str, label: str) -> ET.Element:
        term = self.index.terms[term_id]
        anchor = f"use-{term_id}"
        self.linked[term_id] = anchor
        self.term_uses.append((term_id, Use(self.url, anchor, self.context)))
        link = ET.Element("a", {
            "class": "xref-term", "id": anchor,
            "href": self.rel(f"{self.index.glossary_url}#{term_id}"),
            "data-term": term.term, "data-tip": term.short,
        })
        link.text = label
        return link

    def term_label(self, placeholder: ET.Element) -> str:
        """The text shown for ``[[key]]`` without a label: the alias as written."""
        key = placeholder.get("key", "")
        term_id = self.index.resolve_term(key)
        if term_id and key == term_id:
            return self.index.terms[term_id].term
        return key

    def term_link(self, key: str, label: str, raw: str) -> ET.Element | None:
        """A link for an explicit ``[[key]]``, or ``None`` when the term is already linked."""
        term_id = self.index.resolve_term(key)
        if term_id is None:
            self.problem(raw, self.index.unknown_term_message(key))
            return None
        if term_id in self.linked:
            return None
        if not label:
            label = self.index.terms[term_id].term if key == term_id else key
        return self._link(term_id, label)

    def auto_link(self, term_id: str, text: str) -> ET.Element | None:
        """A link for a plain mention, unless the term is already linked on this page."""
        if term_id in self.linked:
            return None
        return self._link(term_id, text)

    # --- citations -------------------------------------------------------------------

    def cite_marker(self, items: list[tuple[str, str | None]], raw: str) -> ET.Element:
        """A ``<sup>`` with one numbered link per cited source."""
        sup = ET.Element("sup", {"class": "xref-cite"})
        for key, locator in items:
            source = self.index.sources.get(key)
            if source is None:
                self.problem(raw, self.index.unknown_source_message(key))
                continue
            number = self.numbers.setdefault(key, len(self.numbers) + 1)
            uses = self.backrefs.setdefault(key, [])
            uses.append((self.context, locator))
            anchor = f"cite-{number}-{len(uses)}"
            self.cite_uses.append((key, Use(self.url, anchor, self.context)))
            link = ET.SubElement(sup, "a", {
                "class": "xref-cite-link", "id": anchor, "href": f"#ref-{number}",
            })
            if locator:
                link.set("data-card-locator", locator)
            link.text = f"[{number}]"
        return sup
