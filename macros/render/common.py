"""Building blocks shared by every page: escaping, headings, reference lists, citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markdown.serializers import to_html_string

from ..content.dates import parse_when
from ..content.index import SOURCES_URL, Index
from ..content.model import Source
from .xref.state import Origin, PageState, relative_url

SITE_NAME = "DeepSeek R1, explained"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&~-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def md_text(text: str) -> str:
    """Plain text made safe to sit inside a Markdown heading."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def attr(text: str) -> str:
    """Escape text for an HTML attribute value or element content."""
    return escape(text, quote=True)


@dataclass
class PageBuilder:
    """Collects a page as Markdown headings (for the TOC) and HTML blocks (our markup)."""

    state: PageState
    parts: list[str] = field(default_factory=list)

    def heading(self, level: int, text: str, anchor: str) -> None:
        """A Markdown heading, so Material puts it in the table of contents."""
        self.parts.append(f"{'#' * level} {md_text(text)} {{#{anchor}}}")

    def html(self, markup: str) -> None:
        """A raw HTML block; blank lines are removed so Markdown keeps it whole."""
        if markup.strip():
            lines = [line for line in markup.splitlines() if line.strip()]
            self.parts.append("\n".join(lines))

    def md(self, text: str, origin: Origin | None = None, **kw: bool) -> str:
        """Render content Markdown through the page state (numbering, term links)."""
        return self.state.markdown(text, origin, **kw)

    def cite_list(self, keys: tuple[str, ...]) -> str:
        """Citation markers for a ``sources:`` list, as if written ``[@a; @b]``."""
        if not keys:
            return ""
        raw = "[" + "; ".join(f"@{k}" for k in keys) + "]"
        return to_html_string(self.state.cite_marker([(k, None) for k in keys], raw))

    def references(self) -> None:
        """The numbered reference list for everything cited on this page."""
        if not self.state.numbers:
            return
        self.heading(2, "References", "references")
        self.html(references_html(self.state))

    def markdown(self) -> str:
        """The page as Markdown, ready for MkDocs."""
        return "\n\n".join(self.parts) + "\n"


def source_citation(index: Index, source: Source, page_url: str, *, link_entry: bool) -> str:
    """A CS1-style citation: authors, "title", outlet, date, links."""
    out = []
    if source.authors:
        out.append(attr(", ".join(source.authors)) + ".")
    title = attr(source.title)
    if source.url:
        title = f'<a href="{attr(source.url)}" rel="noopener">{title}</a>'
    out.append(f"“{title}”.")
    out.append(f"<cite>{attr(source.outlet)}</cite>.")
    if source.published:
        out.append(attr(parse_when(source.published).human()) + ".")
    if source.via:
        lead = "Verified via a copy on" if source.url else "Original address not seen; " \
            "verified via a copy on"
        out.append(f'{lead} <a href="{attr(source.via.url)}" rel="noopener">'
                   f"{attr(source.via.outlet)}</a>.")
    if source.archive_url:
        out.append(f'<a href="{attr(source.archive_url)}" rel="noopener">Archived copy</a>.')
    if source.accessed:
        out.append(f"Accessed {attr(parse_when(source.accessed).human())}.")
    if link_entry:
        href = relative_url(page_url, f"{SOURCES_URL}#{source.id}")
        out.append(f'<a class="xref-source-entry" href="{href}">About this source</a>')
    return " ".join(out)


def references_html(state: PageState) -> str:
    """``<ol>`` of the page's sources with Wikipedia-style ``^ a b`` back-links."""
    items = []
    for key, number in sorted(state.numbers.items(), key=lambda kv: kv[1]):
        uses = state.backrefs[key]
        if len(uses) == 1:
            label = f"Back to citation {number}" + (f" ({uses[0][1]})" if uses[0][1] else "")
            back = f'<a href="#cite-{number}-1" aria-label="{attr(label)}">^</a>'
        else:
            links = []
            for i, (_, locator) in enumerate(uses, start=1):
                letter = _LETTERS[(i - 1) % 26] * ((i - 1) // 26 + 1)
                where = f" ({locator})" if locator else ""
                # The visible letter stands as a word in the name (WCAG 2.5.3, label in name).
                links.append(f'<a href="#cite-{number}-{i}" aria-label="Back to citation '
                             f'{number} {letter}{attr(where)}">{letter}</a>')
            back = "^ " + " ".join(links)
        source = state.index.sources[key]
        cite = source_citation(state.index, source, state.url, link_entry=True)
        # The citation cards read their title and meta here, once per source, not per marker.
        card = (f'data-card-title="{attr(source.title)}" '
                f'data-card-meta="{attr(state.index.source_meta(source))}"')
        items.append(f'<li id="ref-{number}" {card}><span class="xref-backrefs">{back}</span> '
                     f"{cite}</li>")
    return '<ol class="xref-refs">\n' + "\n".join(items) + "\n</ol>"


def cite_box(plain: str, bibtex: str) -> str:
    """The "cite this" box: a plain-text citation and a BibTeX entry, line breaks kept."""
    return (f'<div class="xref-cite-this"><p class="xref-label">Plain text</p>'
            f"<p><code>{attr(plain)}</code></p><p class=\"xref-label\">BibTeX</p>"
            f"<pre><code>{attr(bibtex)}</code></pre></div>").replace("\n", "&#10;")


def reading_minutes(*texts: str) -> int:
    """Reading time at 200 words a minute, at least one minute."""
    words = sum(len(t.split()) for t in texts)
    return max(1, round(words / 200))


def site_link(base: str, path: str) -> str:
    """``path`` under the site address ``base`` (site-absolute when ``base`` is empty)."""
    return (base.rstrip("/") + "/" if base else "/") + path


def bibtex_text(data: Any) -> str:
    """pybtex ``BibliographyData`` as BibTeX.

    The writer class is used directly: ``to_string("bibtex")`` looks it up through package
    metadata on every call.
    """
    from pybtex.database.output.bibtex import Writer

    return Writer().to_string(data)
