"""The reference pages split when too big: the glossary by letter, the timeline by year, the
sources by title letter, who's who by kind (see :mod:`.split` for how a page is split).

Timeline, sources and who's who pages are rendered by the single page's renderer over
their share of the index, at the same depth as the old page so that relative links hold;
glossary pages sit one level down, each with its "See also" links resolved once every
entry's page is known.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ..content.index import GLOSSARY_URL, SOURCES_URL, TIMELINE_URL, WHO_URL, Index, event_when
from ..content.model import Event
from ..content.pages import NO_PAGES
from ..content.yamlload import Document
from .common import PageBuilder, attr
from .reference import _entry, sources_page, timeline_page, who_page
from .split import Finish, Part, Rendered, Split, fit, index_page, measure, moved
from .xref.state import PageState, Use, relative_url

_SEE = re.compile('href="\ue000([^"\ue000]+)\ue000"')  # a "See also" link, until the pages are known


def part_page(index: Index, part: Part, docs: dict[str, tuple[Document, tuple]],
              uses: dict[str, list[Use]]) -> Rendered:
    """One letter (or part of one): its entries, as on the single glossary page; "See also"
    links wait for :func:`_see_also` to learn which page holds each entry."""
    state = PageState(index, part.url, part.title)
    page = PageBuilder(state)
    page.heading(1, part.title, "top")
    page.html(f'<p class="xref-intro">Terms, people and organizations under {attr(part.letter)}. '
              f'The <a href="{relative_url(part.url, GLOSSARY_URL)}">glossary index</a> lists '
              "all of them.</p>")
    entries = [_entry(page, t, docs[t.id], uses.get(t.id, []), lambda s: f"\ue000{s}\ue000")
               for t in part.terms]
    page.html('<dl class="xref-glossary">' + "".join(entries) + "</dl>")
    page.references()
    return page.markdown(), state


def _see_also(rendered: Rendered, part: Part, parts: list[Part], where: dict[str, str]) -> Rendered:
    """A glossary page with its jump bar, and its "See also" links to the pages that hold them."""
    markdown, state = moved(rendered, part, parts, "Glossary")

    def href(match: re.Match[str]) -> str:
        term_id = match[1]
        if where[term_id] == part.url:
            return f'href="#{term_id}"'
        return f'href="{relative_url(part.url, f"{where[term_id]}#{term_id}")}"'

    return _SEE.sub(href, markdown), state


def _prefixed(prefix: str) -> Callable[[str], str]:
    """The single page's group anchors: ``letter-g``, ``year-2025``."""
    return lambda label: prefix + label.lower()


def _by_letter(items: Iterable[Any], text: Callable[[Any], str]) -> dict[str, list[Any]]:
    """``items`` sorted by ``text`` and grouped by its first letter (``#`` for the rest)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in sorted(items, key=lambda x: text(x).lower()):
        first = text(item).strip()[:1].upper()
        groups[first if first.isalpha() else "#"].append(item)
    return dict(sorted(groups.items()))


def _indexed(index: Index, head: Part, pages: Split, intro: Callable[[int], str],
             anchor: Callable[[str], str], nouns: tuple[str, str]) -> Split:
    """The head page's index (``intro`` given the number of pages), then the pages."""
    parts = [p for p, _ in pages]
    return [(head, index_page(index, head, parts, intro(len(parts)), anchor, nouns)), *pages]


def split_glossary(index: Index, docs: dict[str, tuple[Document, tuple]],
                   uses: dict[str, list[Use]], single: Callable[[], Rendered]) -> Split:
    """The glossary: ``single`` if it fits, else the index, then a page per letter or part."""
    head = Part("glossary", GLOSSARY_URL, "Glossary", "", ())
    fits, total = measure(head, single, (f"{t.term} {t.short} {t.body}" for t in index.terms.values()))
    if fits:
        return fits
    pages = fit(head, _by_letter(index.terms.values(), lambda t: t.term), total,
                lambda part: part_page(index, part, docs, uses), _see_also)
    return _indexed(index, head, pages, lambda n: (
        f"{len(index.terms)} terms, people and organizations from the story, on {n} pages by "
        "letter. Each entry links to where it appears on the site."),
        _prefixed("letter-"), ("entry", "entries"))


def _mover(name: str) -> Finish:
    """:func:`moved` as the finish of a split ``name`` page."""
    return lambda rendered, part, parts, where: moved(rendered, part, parts, name)


def split_timeline(index: Index, docs: dict[str, tuple[Document, tuple]],
                   single: Callable[[], Rendered]) -> Split:
    """The timeline: ``single`` if it fits, else the index, then a page per year or part."""
    head = Part("timeline", TIMELINE_URL, "Timeline", "", ())
    fits, total = measure(head, single, (f"{e.title} {e.description}" for e in index.events))
    if fits:
        return fits
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in index.events:
        groups[str(event_when(event).start.year)].append(event)
    pages = fit(head, groups, total, lambda part: timeline_page(replace(index, events=part.terms),
                                                                docs), _mover("Timeline"),
                nested=False)
    return _indexed(index, head, pages, lambda n: (
        f"{len(index.events)} events, on {n} pages by year, each dated at the precision the "
        "sources support and cited."), _prefixed("year-"), ("event", "events"))


def split_sources(index: Index, uses: dict[str, list[Use]], single: Callable[[], Rendered]) -> Split:
    """The sources: ``single`` if it fits, else the index, then a page per title letter."""
    head = Part("sources", SOURCES_URL, "Sources", "", ())
    fits, total = measure(head, single, (f"{s.title} {s.outlet} {s.note}" for s in index.sources.values()))
    if fits:
        return fits
    pages = fit(head, _by_letter(index.sources.values(), lambda s: s.title), total,
                lambda part: sources_page(replace(index, sources={s.id: s for s in part.terms}),
                                          uses), _mover("Sources"), nested=False)
    return _indexed(index, head, pages, lambda n: (
        f"All {len(index.sources)} sources behind this site, on {n} pages by the first letter "
        "of their titles."), _prefixed("letter-"), ("source", "sources"))


WHO_GROUPS = {"People": "person", "Organizations": "organization"}  # as on the single page
# Each entry is on the page twice: as text, and in the page's structured data (an ItemList of
# Person and Organization nodes with absolute addresses, see ``publish/ld_entities.py``),
# which compresses worse: at 100x a page's HTML (navigation included) was 2.8 times its Markdown, gzipped.
WHO_WEIGHT = 3.0


def holders(pages: Split) -> dict[str, str]:
    """The page that holds each entry of a split page (empty when it was not split)."""
    return {x.id: part.url for part, _ in pages[1:] for x in part.terms}


def split_who(index: Index, where: dict[str, str], single: Callable[[], Rendered]) -> Split:
    """Who's who: ``single`` if it fits, else the index, then a page per kind or part;
    ``where`` says which glossary page holds each entry, as in :func:`who_page`."""
    head = Part("whos-who", WHO_URL, "Who’s who", "", ())
    listed = sorted((t for t in index.terms.values() if t.kind in WHO_GROUPS.values()),
                    key=lambda t: t.term.lower())
    fits, total = measure(head, single, (f"{t.term} {t.short}" for t in listed), WHO_WEIGHT)
    if fits:
        return fits
    groups = {label: [t for t in listed if t.kind == kind] for label, kind in WHO_GROUPS.items()}
    pages = fit(head, {k: g for k, g in groups.items() if g}, total, lambda part: who_page(
        replace(index, terms={t.id: t for t in part.terms}), NO_PAGES, where),
        _mover("Who’s who"), nested=False, weight=WHO_WEIGHT)
    anchors = {label: kind + "s" for label, kind in WHO_GROUPS.items()}
    return _indexed(index, head, pages, lambda n: (
        f"{len(listed)} people and organizations from the story, on {n} pages. Each name leads "
        "to its full glossary entry."), anchors.__getitem__, ("entry", "entries"))
