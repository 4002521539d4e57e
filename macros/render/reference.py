"""The reference pages: glossary, who's who, timeline and sources.

Back-links ("Appears in", "Cited in") come from the uses recorded while the story pages
were rendered, so they always match what a reader actually sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..content.fields import SOURCE_KINDS
from ..content.index import (
    GLOSSARY_URL,
    SOURCES_URL,
    TIMELINE_URL,
    WHO_URL,
    Index,
    event_when,
    section_url,
)
from ..content.model import Term
from ..content.pages import NO_PAGES, Pages
from ..content.yamlload import Document
from .common import PageBuilder, attr, source_citation
from .section import event_time
from .xref.state import Origin, PageState, Use, relative_url

# docs/assets/xref.css colours timeline categories with this many tones, given in the order
# the content declares the categories.
CATEGORY_TONES = 7

KIND_LABELS = {"concept": "Concept", "person": "Person", "organization": "Organization",
               "product": "Product", "policy": "Policy"}


def _intro(pages: Pages, key: str, generic: str) -> str:
    """The opening ``<p>`` of a reference page, escaped, left open for a closing link."""
    return f'<p class="xref-intro">{attr(pages.intro(key, generic))}'


def _use_links(page_url: str, uses: Iterable[Use]) -> str:
    """Comma-separated links to each distinct place, in first-seen order."""
    seen: dict[tuple[str, str], Use] = {}
    for use in uses:
        seen.setdefault((use.page, use.label), use)
    return ", ".join(f'<a href="{relative_url(page_url, f"{u.page}#{u.anchor}")}">'
                     f"{attr(u.label)}</a>" for u in seen.values())


def _letter(term: Term) -> str:
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "#"


def glossary_page(index: Index, docs: dict[str, tuple[Document, tuple]],
                  uses: dict[str, list[Use]], pages: Pages = NO_PAGES) -> tuple[str, PageState]:
    """``/glossary/``: A–Z groups with a jump bar, each entry a ``<dt id>`` in a ``<dl>``."""
    state = PageState(index, GLOSSARY_URL, "Glossary")
    page = PageBuilder(state)
    page.heading(1, "Glossary", "top")
    terms = sorted(index.terms.values(), key=lambda t: t.term.lower())
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        groups[_letter(term)].append(term)
    letters = sorted(groups)
    page.html(_intro(pages, "glossary", f"{len(terms)} terms, people and organizations from "
                     "the story. Each links to where it appears on the site. People and "
                     "organizations are also listed on the ")
              + f'<a href="{relative_url(GLOSSARY_URL, WHO_URL)}">Who’s who</a> page.</p>')
    jump = "".join(f'<li><a href="#letter-{attr(x.lower())}">{attr(x)}</a></li>' for x in letters)
    page.html(f'<nav class="xref-jumpbar" aria-label="Glossary by letter"><ul>{jump}</ul></nav>')
    for letter in letters:
        page.heading(2, letter, f"letter-{letter.lower()}")
        entries = [_entry(page, t, docs[t.id], uses.get(t.id, [])) for t in groups[letter]]
        page.html('<dl class="xref-glossary">' + "".join(entries) + "</dl>")
    page.references()
    return page.markdown(), state


def _entry(page: PageBuilder, term: Term, origin: tuple[Document, tuple],
           uses: list[Use], see: Callable[[str], str] | None = None) -> str:
    """One glossary entry; ``see`` gives the address of a "See also" entry when the glossary
    is split (see ``split.py``), so that it reaches entries on other pages."""
    state = page.state
    state.context = f"Glossary: {term.term}"
    own = term.id not in state.linked
    if own:  # an entry never links to itself
        state.linked[term.id] = term.id
    body = page.md(term.body, Origin(origin[0], (*origin[1], "body")))
    if own:
        del state.linked[term.id]
    parts = [f'<p class="xref-short">{attr(term.short)}</p>', body]
    if term.aliases:
        parts.append(f'<p class="xref-aliases"><span class="xref-label">Also:</span> '
                     f'{attr(", ".join(term.aliases))}</p>')
    if term.see_also:
        links = ", ".join(f'<a href="{see(s) if see else "#" + s}">'
                          f"{attr(state.index.terms[s].term)}</a>" for s in term.see_also)
        parts.append(f'<p class="xref-see-also"><span class="xref-label">See also:</span> {links}</p>')
    if uses:
        parts.append(f'<p class="xref-appears"><span class="xref-label">Appears in:</span> '
                     f"{_use_links(state.url, uses)}</p>")
    if term.sources:
        parts.append(f'<p class="xref-entry-sources"><span class="xref-label">Sources:</span> '
                     f"{page.cite_list(term.sources)}</p>")
    return (f'<div class="xref-entry"><dt id="{term.id}">{attr(term.term)} '
            f'<span class="xref-kind">{KIND_LABELS[term.kind]}</span></dt>'
            f'<dd>{"".join(parts)}</dd></div>')


def who_page(index: Index, pages: Pages,
             where: dict[str, str] | None = None) -> tuple[str, PageState]:
    """``/whos-who/``: the people and organizations of the story; ``where`` says which page
    holds each glossary entry when the glossary is split (see ``split.py``)."""
    state = PageState(index, WHO_URL, "Who’s who")
    page = PageBuilder(state)
    page.heading(1, "Who’s who", "top")
    page.html(_intro(pages, "whos-who", "Each name leads to its full glossary entry, with "
                     "sources and the places it appears.") + "</p>")
    where = where or {}
    for kind, title in (("person", "People"), ("organization", "Organizations")):
        rows = "".join(
            f'<div class="xref-entry"><dt id="{t.id}"><a href="'
            f'{relative_url(WHO_URL, where.get(t.id, GLOSSARY_URL) + "#" + t.id)}">'
            f'{attr(t.term)}</a></dt><dd>{attr(t.short)}</dd></div>'
            for t in sorted(index.terms.values(), key=lambda t: t.term.lower()) if t.kind == kind)
        if rows:  # a page of a split who's who may hold one kind only
            page.heading(2, title, kind + "s")
            page.html(f'<dl class="xref-glossary xref-who">{rows}</dl>')
    return page.markdown(), state


def timeline_page(index: Index, docs: dict[str, tuple[Document, tuple]],
                  pages: Pages = NO_PAGES) -> tuple[str, PageState]:
    """``/timeline/``: events by year, filterable by category when JavaScript runs."""
    state = PageState(index, TIMELINE_URL, "Timeline")
    page = PageBuilder(state)
    page.heading(1, "Timeline", "top")
    page.html(_intro(pages, "timeline", f"{len(index.events)} events, each dated at the "
                     "precision the sources support and cited.") + "</p>")
    buttons = "".join(f'<button type="button" class="xref-filter__button" data-category="{c}" '
                      f'aria-pressed="true">{attr(index.category_label(c))}</button>'
                      for c in index.used_categories())
    # Shown from the first paint (a box that JavaScript reveals later shifts the whole
    # timeline down); without JavaScript, a <noscript> style in the page head hides it.
    count = f"Showing {len(index.events)} of {len(index.events)} events"
    page.html(f'<div class="xref-filter" data-xref-filter><p class="xref-filter__label" '
              f'id="filter-label">Show categories:</p><div role="group" '
              f'aria-labelledby="filter-label">{buttons}</div><p class="xref-filter__status" '
              f'role="status" aria-live="polite">{count}</p></div>')
    years: dict[int, list] = defaultdict(list)
    for event in index.events:
        years[event_when(event).start.year].append(event)
    jump = "".join(f'<li><a href="#year-{y}">{y}</a></li>' for y in sorted(years))
    page.html(f'<nav class="xref-jumpbar" aria-label="Timeline by year"><ul>{jump}</ul></nav>')
    sections = {s.id: s for s in index.sections}
    tones = {c: i % CATEGORY_TONES + 1 for i, c in enumerate(index.categories)}
    for year in sorted(years):
        page.heading(2, str(year), f"year-{year}")
        items = []
        for event in years[year]:
            state.context = f"Timeline: {event.title}"
            doc, where = docs[event.id]
            text = page.md(event.description, Origin(doc, (*where, "description")))
            links = ", ".join(f'<a href="{relative_url(TIMELINE_URL, section_url(s))}">'
                              f"{attr(sections[s].title)}</a>" for s in event.sections)
            extra = page.cite_list(event.sources)
            items.append(
                f'<li class="xref-event" id="{event.id}" data-category="{event.category}" '
                f'data-tone="{tones[event.category]}"><p class="xref-event__date">'
                f'{event_time(event)} <span class="xref-cat xref-cat--tone-{tones[event.category]}">'
                f'{attr(index.category_label(event.category))}</span></p>'
                f'<p class="xref-event__title">{attr(event.title)}{" " + extra if extra else ""}'
                f'</p>{text}' + (f'<p class="xref-event__links"><span class="xref-label">'
                                 f"In:</span> {links}</p>" if links else "") + "</li>")
        page.html('<ol class="xref-timeline">' + "".join(items) + "</ol>")
    page.references()
    return page.markdown(), state


def sources_page(index: Index, uses: dict[str, list[Use]],
                 pages: Pages = NO_PAGES) -> tuple[str, PageState]:
    """``/sources/``: every source grouped by kind, each with "Cited in" back-links."""
    state = PageState(index, SOURCES_URL, "Sources")
    page = PageBuilder(state)
    page.heading(1, "Sources", "top")
    page.html(_intro(pages, "sources", f"All {len(index.sources)} sources behind this site. "
                     "Where we could not see an original page ourselves, we name it by outlet, "
                     "title and date and link the copy we verified instead.") + "</p>")
    for kind, title in SOURCE_KINDS.items():
        group = sorted((s for s in index.sources.values() if s.kind == kind),
                       key=lambda s: (s.outlet.lower(), s.title.lower()))
        if not group:
            continue
        page.heading(2, title, f"kind-{kind}")
        items = []
        for source in group:
            cited = uses.get(source.id, [])
            where = (f'<p class="xref-cited-in"><span class="xref-label">Cited in:</span> '
                     f"{_use_links(SOURCES_URL, cited)}</p>") if cited else ""
            items.append(f'<li id="{source.id}" class="xref-source">'
                         f"<p>{source_citation(source)}</p>"
                         f'<p class="xref-note">{attr(source.note)}</p>{where}</li>')
        page.html('<ul class="xref-sources">' + "".join(items) + "</ul>")
    return page.markdown(), state
