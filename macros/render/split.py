"""Reference pages too big for one page split into pages; old links ``/glossary/#id`` still land.

Every page must stay within 150 KB gzipped, HTML, CSS and JavaScript together (see
``tests/budget.py``).  Material's stylesheet and script take about 73 KB of that, and the
navigation and page chrome grow with the number of sections, so the page's own content may
take at most ``SPLIT_AT`` gzipped bytes of Markdown.  Past it, a reference page becomes:

- one page per group: the glossary by letter (``glossary/g/``), the timeline by year
  (``timeline-2025/``), the sources by the first letter of their titles (``sources-r/``);
  a group too big for one page in numbered parts (``glossary/g-2/``); each page with its
  entries, back-links and references, as on the single page;
- the index at the old address (``glossary/``): under each group's heading (the single
  page's anchors, ``#letter-g``, ``#year-2025``), a link to each of its pages followed by an
  empty element with the id of every entry on it, so that an old link ``/glossary/#gpu``
  lands on the link to the right page without JavaScript, and ``docs/assets/xref.js`` follows it,
  to the entry, at once.

Timeline and sources pages are rendered by the single page's renderer over their share of
the index, at the same depth as the old page so that relative links hold.  The real site's
pages fit and are rendered exactly as before.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..content.index import GLOSSARY_URL, SOURCES_URL, TIMELINE_URL, Index, event_when
from ..content.model import Event, Source, Term
from ..content.yamlload import Document
from .common import PageBuilder, attr, md_text
from .reference import _entry, _letter, sources_page, timeline_page
from .xref.state import PageState, Use, relative_url

BUDGET_GZIP = 150 * 1024
THEME_ALLOWANCE = 90 * 1024  # Material's CSS and JS (73 KB) and the navigation
SPLIT_AT = BUDGET_GZIP - THEME_ALLOWANCE
TEXT_TO_PAGE = 2.5  # a page's gzipped size for each gzipped byte of its entries' text


def gzipped(markdown: str) -> int:
    """Bytes of ``markdown`` gzip-compressed, as a server sends it."""
    return len(gzip.compress(markdown.encode("utf-8"), compresslevel=6, mtime=0))


@dataclass(frozen=True)
class Part:
    """One page of a split reference page: its key, address, title, group label and items."""

    key: str
    url: str
    title: str
    letter: str
    terms: tuple[Any, ...]


Rendered = tuple[str, PageState]
Render = Callable[[Part, list[Part]], Rendered]
Split = list[tuple[Part, Rendered]]  # a split page: the head page first, then its parts


def plan(head: Part, groups: dict[str, list[Any]], counts: dict[str, int],
         nested: bool = True) -> list[Part]:
    """A page per group, a group in ``counts[label]`` numbered parts; items keep their order.

    Pages sit under the head page (``glossary/g/``) or, when not ``nested``, beside it
    (``timeline-2025/``: the same depth, so relative links stay the same).
    """
    parts = []
    for label, group in groups.items():
        count = max(1, min(counts[label], len(group)))
        size = math.ceil(len(group) / count)
        slug = "other" if label == "#" else label.lower()
        for n in range(count):
            suffix = f"-{n + 1}" if n else ""
            url = f"{head.url}{slug}{suffix}/" if nested else f"{head.url.rstrip('/')}-{slug}{suffix}/"
            title = f"{head.title}: {label}" + (f" ({n + 1} of {count})" if count > 1 else "")
            parts.append(Part(f"{head.key}:{slug}{suffix}", url, title, label,
                              tuple(group[n * size:(n + 1) * size])))
    return parts


def fit(head: Part, groups: dict[str, list[Any]], total_gzip: int, render: Render,
        nested: bool = True) -> Split:
    """Render the pages of ``groups``, splitting a group again while one of its pages is over
    ``SPLIT_AT`` (each page lists its own references, so parts are measured, not guessed)."""
    per_item = total_gzip / max(1, sum(map(len, groups.values())))
    counts = {k: math.ceil(len(g) * per_item / SPLIT_AT) for k, g in groups.items()}
    for _ in range(4):
        parts = plan(head, groups, counts, nested)
        pages = [(p, render(p, parts)) for p in parts]
        over: dict[str, float] = {}
        for part, (markdown, _) in pages:
            size = gzipped(markdown)
            if size > SPLIT_AT and len(part.terms) > 1:
                over[part.letter] = max(over.get(part.letter, 0.0), size / SPLIT_AT)
        if not over:
            break
        for label, ratio in over.items():
            counts[label] = max(counts[label] + 1, math.ceil(counts[label] * ratio * 1.1))
    return pages


def _jumpbar(page_url: str, parts: list[Part], name: str) -> str:
    links = "".join(f'<li><a href="{relative_url(page_url, p.url)}"'
                    + (' aria-current="page"' if p.url == page_url else "")
                    + f">{attr(p.title.split(': ', 1)[1])}</a></li>" for p in parts)
    return f'<nav class="xref-jumpbar" aria-label="{attr(name)} pages"><ul>{links}</ul></nav>'


def part_page(index: Index, part: Part, parts: list[Part], docs: dict[str, tuple[Document, tuple]],
              uses: dict[str, list[Use]]) -> tuple[str, PageState]:
    """One letter (or part of one): its entries, as on the single glossary page."""
    state = PageState(index, part.url, part.title)
    page = PageBuilder(state)
    page.heading(1, part.title, "top")
    pages = {t.id: p.url for p in parts for t in p.terms}
    page.html(f'<p class="xref-intro">Terms, people and organizations under {attr(part.letter)}. '
              f'The <a href="{relative_url(part.url, GLOSSARY_URL)}">glossary index</a> lists '
              "all of them.</p>")
    page.html(_jumpbar(part.url, parts, "Glossary"))
    entries = [_entry(page, t, docs[t.id], uses.get(t.id, []), pages) for t in part.terms]
    page.html('<dl class="xref-glossary">' + "".join(entries) + "</dl>")
    page.references()
    return page.markdown(), state


def index_page(index: Index, head: Part, parts: list[Part], intro: str, anchor: str,
               nouns: tuple[str, str]) -> tuple[str, PageState]:
    """The head page of a split page: under each group's heading (``anchor`` + label, the
    single page's own anchors), a link to each of its pages, followed by an empty element
    with the id of every item on that page: an old ``#id`` lands on the right link."""
    state = PageState(index, head.url, head.title)
    page = PageBuilder(state)
    page.heading(1, head.title, "top")
    page.html(f'<p class="xref-intro">{attr(intro)}</p>')
    by_label: dict[str, list[Part]] = defaultdict(list)
    for part in parts:
        by_label[part.letter].append(part)
    for label, group in by_label.items():
        page.heading(2, label, f"{anchor}{label.lower()}")
        items = "".join(
            f'<li><a href="{relative_url(head.url, p.url)}">{attr(p.title)}</a> '
            f"({len(p.terms)} {nouns[len(p.terms) > 1]})"
            + "".join(f'<span id="{x.id}"></span>' for x in p.terms) + "</li>" for p in group)
        page.html(f'<ul class="xref-split-index" data-xref-split>{items}</ul>')
    return page.markdown(), state


def _measure(head: Part, single: Callable[[], Rendered], texts: Iterable[str]) -> tuple[Split, int]:
    """``[(head, single page)]`` and its size if it fits; else ``[]`` and its (estimated) size.

    A page has been 1.7 to 3.7 times the compressed text of its entries (markup, back-links,
    references), so past ``SPLIT_AT / TEXT_TO_PAGE`` of text it is taken to be over without
    rendering it just to measure it; below that, it is rendered and measured.
    """
    estimate = int(gzipped("\n".join(texts)) * TEXT_TO_PAGE)
    if estimate > SPLIT_AT:
        return [], estimate
    rendered = single()
    total = gzipped(rendered[0])
    return ([(head, rendered)] if total <= SPLIT_AT else []), total


def split_glossary(index: Index, docs: dict[str, tuple[Document, tuple]],
                   uses: dict[str, list[Use]], single: Callable[[], Rendered]) -> Split:
    """The glossary: ``single`` if it fits, else the index, then a page per letter or part."""
    head = Part("glossary", GLOSSARY_URL, "Glossary", "", ())
    fits, total = _measure(head, single, (f"{t.term} {t.short} {t.body}" for t in index.terms.values()))
    if fits:
        return fits
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(index.terms.values(), key=lambda t: t.term.lower()):
        groups[_letter(term)].append(term)
    pages = fit(head, dict(sorted(groups.items())), total,
                lambda part, parts: part_page(index, part, parts, docs, uses))
    parts = [p for p, _ in pages]
    intro = (f"{len(index.terms)} terms, people and organizations from the story, on "
             f"{len(parts)} pages by letter. Each entry links to where it appears on the site.")
    return [(head, index_page(index, head, parts, intro, "letter-", ("entry", "entries"))), *pages]


def _moved(rendered: tuple[str, PageState], part: Part, parts: list[Part],
           name: str) -> tuple[str, PageState]:
    """A page rendered as the single page, retitled and moved to ``part.url`` (a sibling at the
    same depth, so its relative links hold); its uses now point at the part."""
    markdown, state = rendered
    first, rest = markdown.split("\n", 1)
    assert first.startswith("# ") and first.endswith(" {#top}"), first
    markdown = f"# {md_text(part.title)} {{#top}}\n\n{_jumpbar(part.url, parts, name)}\n{rest}"
    state.url = part.url
    state.term_uses = [(k, replace(u, page=part.url)) for k, u in state.term_uses]
    state.cite_uses = [(k, replace(u, page=part.url)) for k, u in state.cite_uses]
    return markdown, state


def split_timeline(index: Index, docs: dict[str, tuple[Document, tuple]],
                   single: Callable[[], Rendered]) -> Split:
    """The timeline: ``single`` if it fits, else the index, then a page per year or part."""
    head = Part("timeline", TIMELINE_URL, "Timeline", "", ())
    fits, total = _measure(head, single, (f"{e.title} {e.description}" for e in index.events))
    if fits:
        return fits
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in index.events:
        groups[str(event_when(event).start.year)].append(event)
    pages = fit(head, groups, total, lambda part, parts: _moved(
        timeline_page(replace(index, events=part.terms), docs), part, parts, "Timeline"),
        nested=False)
    parts = [p for p, _ in pages]
    intro = (f"{len(index.events)} events, on {len(parts)} pages by year, each dated at the "
             "precision the sources support and cited.")
    return [(head, index_page(index, head, parts, intro, "year-", ("event", "events"))), *pages]


def split_sources(index: Index, uses: dict[str, list[Use]], single: Callable[[], Rendered]) -> Split:
    """The sources: ``single`` if it fits, else the index, then a page per title letter."""
    head = Part("sources", SOURCES_URL, "Sources", "", ())
    fits, total = _measure(head, single, (f"{s.title} {s.outlet} {s.note}" for s in index.sources.values()))
    if fits:
        return fits
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in sorted(index.sources.values(), key=lambda s: s.title.lower()):
        first = source.title.strip()[:1].upper()
        groups[first if first.isalpha() else "#"].append(source)
    pages = fit(head, dict(sorted(groups.items())), total, lambda part, parts: _moved(
        sources_page(replace(index, sources={s.id: s for s in part.terms}), uses), part, parts,
        "Sources"), nested=False)
    parts = [p for p, _ in pages]
    intro = (f"All {len(index.sources)} sources behind this site, on {len(parts)} pages by the "
             "first letter of their titles.")
    return [(head, index_page(index, head, parts, intro, "letter-", ("source", "sources"))), *pages]
