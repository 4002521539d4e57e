"""Building blocks shared by every page: escaping, headings, reference lists, citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown.serializers import to_html_string
from markupsafe import Markup, escape

from ..content.dates import parse_when
from ..content.index import SOURCES_URL
from ..content.model import Source
from .xref.state import Origin, PageState, relative_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&~-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PLAIN_TEX = re.compile(r"[A-Za-z0-9 \t\n.,;:!?'()\[\]/@*+=<>|\"-]*\Z")


def md_text(text: str) -> str:
    """Plain text made safe to sit inside a Markdown heading."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _escaped(value: object) -> object:
    """``escape(value)``; a plain ``str`` is escaped as markupsafe does, with the same
    replacements, but without making a ``Markup`` of it only to format it."""
    kind = type(value)
    if kind is str:
        text = str(value)
        return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return value if kind is Markup else escape(value)


def attr(text: str) -> str:
    """Escape text for an HTML attribute value or element content (prefer :func:`html`)."""
    return str(_escaped(text))


def html(template: str, /, *args: object) -> Markup:
    """``template`` (trusted markup) with every argument escaped, unless it is already
    :class:`~markupsafe.Markup`: escaping is the default, not a call placed by hand.

    Templates hold plain ``{}`` fields only; ``str.format`` over escaped arguments gives what
    ``Markup.format`` gives, without its pure-Python formatter (a third of a large build).
    """
    return Markup(template.format(*map(_escaped, args)))


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


@lru_cache(maxsize=1 << 16)
def source_citation(source: Source) -> Markup:
    """A CS1-style citation: authors, "title", outlet, date, links; the same on every page
    that cites the source (a page's reference list adds the link to its entry)."""
    out: list[Markup] = []
    if source.authors:
        out.append(html("{}.", ", ".join(source.authors)))
    title = html('<a href="{}" rel="noopener">{}</a>', source.url, source.title) \
        if source.url else escape(source.title)
    out.append(html("“{}”.", title))
    out.append(html("<cite>{}</cite>.", source.outlet))
    if source.published:
        out.append(html("{}.", parse_when(source.published).human()))
    if source.via:
        lead = "Verified via a copy on" if source.url else "Original address not seen; " \
            "verified via a copy on"
        out.append(html('{} <a href="{}" rel="noopener">{}</a>.', lead, source.via.url,
                        source.via.outlet))
    if source.archive_url:
        out.append(html('<a href="{}" rel="noopener">Archived copy</a>.', source.archive_url))
    if source.accessed:
        out.append(html("Accessed {}.", parse_when(source.accessed).human()))
    return Markup(" ").join(out)


def _backrefs(number: int, uses: list[tuple[str, str | None]]) -> str:
    """Wikipedia-style ``^`` or ``^ a b`` links back to each citation of one source (HTML:
    the number and letters need no escaping, the locators are escaped)."""
    if len(uses) == 1:
        label = f"Back to citation {number}" + (f" ({uses[0][1]})" if uses[0][1] else "")
        return f'<a href="#cite-{number}-1" aria-label="{attr(label)}">^</a>'
    links = []
    for i, (_, locator) in enumerate(uses, start=1):
        letter = _LETTERS[(i - 1) % 26] * ((i - 1) // 26 + 1)
        where = attr(f" ({locator})") if locator else ""
        # The visible letter stands as a word in the name (WCAG 2.5.3, label in name).
        links.append(f'<a href="#cite-{number}-{i}" aria-label="Back to citation {number} '
                     f'{letter}{where}">{letter}</a>')
    return "^ " + " ".join(links)


def card_link(source: Source) -> Markup:
    """The citation card's link to the source itself: the original, or the copy we saw."""
    if source.url:
        return html(' data-card-url="{}" data-card-link="Read it at {}"', source.url, source.outlet)
    if source.via:
        return html(' data-card-url="{}" data-card-link="Read a copy at {}"', source.via.url,
                    source.via.outlet)
    return Markup("")


def references_html(state: PageState) -> Markup:
    """``<ol>`` of the page's sources with Wikipedia-style ``^ a b`` back-links."""
    items = []
    for key, number in sorted(state.numbers.items(), key=lambda kv: kv[1]):
        source = state.index.sources[key]
        card, cite = _reference(source, state.index.source_meta(source))
        entry = relative_url(state.url, f"{SOURCES_URL}#{source.id}")
        items.append(f'<li id="ref-{number}"{card}><span class="xref-backrefs">'
                     f"{_backrefs(number, state.backrefs[key])}</span> {cite} "
                     f'<a class="xref-source-entry" href="{attr(entry)}">About this source</a>'
                     "</li>")
    return Markup('<ol class="xref-refs">\n' + "\n".join(items) + "\n</ol>")


@lru_cache(maxsize=1 << 16)
def _reference(source: Source, meta: str) -> tuple[str, str]:
    """A reference's attributes for the citation card (which reads its title and meta here,
    once per source, not per marker) and its citation: the same on every page."""
    return (str(html(' data-card-title="{}" data-card-meta="{}"{}', source.title, meta,
                     card_link(source))), str(source_citation(source)))


def cite_box(plain: str, bibtex: str) -> Markup:
    """The "cite this" box: a plain-text citation and a BibTeX entry, line breaks kept."""
    box = html('<div class="xref-cite-this"><p class="xref-label">Plain text</p>'
               '<p><code>{}</code></p><p class="xref-label">BibTeX</p>'
               "<pre><code>{}</code></pre></div>", plain, bibtex)
    return Markup(str(box).replace("\n", "&#10;"))


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
    metadata on every call.  Text made only of characters LaTeX takes as they are skips
    the LaTeX encoder, which would return it unchanged.
    """
    from pybtex.database.output.bibtex import Writer

    writer = Writer()
    encode = writer._encode  # latexcodec, character by character: the slowest step of a build
    writer._encode = lambda text: text if _PLAIN_TEX.match(text) else encode(text)
    try:
        text: str = writer.to_string(data)
    finally:
        del writer._encode  # the writer holds the lambda that holds the writer: a cycle
    return text


def site_key(site_name: str) -> str:
    """An identifier derived from the site's name (``site_name`` in mkdocs.yml): cite keys,
    calendar UIDs.  ``"My Topic, explained"`` gives ``my-topic-explained``."""
    return "-".join(re.findall(r"[a-z0-9]+", site_name.lower())) or "site"


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")


def number_word(count: int) -> str:
    """A count as a reader would write it in a heading: ``six``, but ``14``."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)
