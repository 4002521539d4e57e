"""Render every page of the site from checked content, and collect back-links and warnings.

Story pages render first (home, sections, timeline) so that the glossary can list where
each term appears and the sources page where each source is cited.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..content.errors import ContentError, Problem
from ..content.index import GLOSSARY_URL, SOURCES_URL, TIMELINE_URL, WHO_URL, section_url
from ..content.load import Content, load_content
from ..content.model import Section
from ..content.yamlload import dotted
from .home import home_page
from .reference import glossary_page, sources_page, timeline_page, who_page
from .reuse import REUSE_TITLE, REUSE_URL, reuse_page
from .section import SectionPage
from .xref.state import PageState, RenderProblem, Use


@dataclass(frozen=True)
class PageSpec:
    """One page to generate: its key, its site path, its title and the file to edit."""

    key: str
    url: str
    title: str
    edit_path: str
    section: Section | None = None  # set on section pages


@dataclass
class Site:
    """The rendered site: Markdown per page, back-link tables and warnings."""

    content: Content
    pages: dict[str, str] = field(default_factory=dict)
    specs: list[PageSpec] = field(default_factory=list)
    term_uses: dict[str, list[Use]] = field(default_factory=dict)
    cite_uses: dict[str, list[Use]] = field(default_factory=dict)
    # Per page key: the sources it cites, in citation-number order, and the glossary
    # entries it links, in the order a reader meets them.
    page_cites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    page_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


def _locate(problem: RenderProblem) -> Problem:
    if problem.origin is None:
        return Problem("content", 1, 1, "(text)", problem.message)
    doc, where = problem.origin.doc, problem.origin.where
    span = doc.locate(where, problem.needle)
    return Problem(doc.path, span.line, span.col, dotted(where), problem.message)


def _collect(states: list[PageState], attr: str) -> dict[str, list[Use]]:
    table: dict[str, list[Use]] = defaultdict(list)
    for state in states:
        for key, use in getattr(state, attr):
            table[key].append(use)
    return dict(table)


def render_site(content: Content, site_url: str = "") -> Site:
    """Render all pages; raise :class:`ContentError` if any text fails to render."""
    index, checked = content.index, content.checked
    site = Site(content)
    story: list[PageState] = []

    def add(spec: PageSpec, rendered: tuple[str, PageState], into: list[PageState]) -> None:
        site.pages[spec.key], state = rendered
        site.specs.append(spec)
        site.page_cites[spec.key] = tuple(sorted(state.numbers, key=state.numbers.__getitem__))
        site.page_terms[spec.key] = tuple(dict.fromkeys(t for t, _ in state.term_uses))
        into.append(state)

    add(PageSpec("home", "", content.home.title, content.home_doc.path),
        home_page(index, content.home, content.home_doc), story)
    for section, doc in sorted(checked.sections, key=lambda sd: (sd[0].order, sd[0].id)):
        add(PageSpec(f"section:{section.id}", section_url(section.id), section.title, doc.path,
                     section),
            SectionPage(index, section, doc, site_url).render(), story)
    events = {e.id: (d, w) for e, d, w in checked.events}
    timeline_doc = next(iter(events.values()))[0].path
    add(PageSpec("timeline", TIMELINE_URL, "Timeline", timeline_doc),
        timeline_page(index, events), story)
    site.term_uses = _collect(story, "term_uses")
    terms = {t.id: (d, w) for t, d, w in checked.terms}
    glossary_doc = next(iter(terms.values()))[0].path
    reference: list[PageState] = []
    add(PageSpec("glossary", GLOSSARY_URL, "Glossary", glossary_doc),
        glossary_page(index, terms, site.term_uses), reference)
    add(PageSpec("whos-who", WHO_URL, "Who’s who", glossary_doc), who_page(index), reference)
    site.cite_uses = _collect(story + reference, "cite_uses")
    sources_doc = checked.sources[0][1].path
    add(PageSpec("sources", SOURCES_URL, "Sources", sources_doc),
        sources_page(index, site.cite_uses), reference)
    if content.home.reuse:
        add(PageSpec("reuse", REUSE_URL, REUSE_TITLE, content.home_doc.path),
            reuse_page(index, content.home.reuse, content.home_doc, site_url), reference)
    problems = [_locate(p) for s in story + reference for p in s.problems]
    if problems:
        raise ContentError(problems + content.warnings)
    site.warnings = content.warnings + _unused(site)
    return site


def _unused(site: Site) -> list[Problem]:
    checked = site.content.checked
    out = []
    for term, doc, where in checked.terms:
        if term.id not in site.term_uses:
            span = doc.span((*where, "id"))
            out.append(Problem(doc.path, span.line, span.col, dotted((*where, "id")),
                               f"term '{term.id}' is not used on any story page "
                               "(mention it, or remove the entry)", "warning"))
    for source, doc, where in checked.sources:
        if source.id not in site.cite_uses:
            span = doc.span((*where, "id"))
            out.append(Problem(doc.path, span.line, span.col, dotted((*where, "id")),
                               f"source '{source.id}' is cited nowhere (cite it, or remove it)",
                               "warning"))
    for section, doc in checked.sections:
        if not site.content.index.section_events(section.id):
            out.append(Problem(doc.path, 1, 1, "id", f"section '{section.id}' has no key "
                               "dates (link timeline events to it)", "warning"))
    return out


def build_site(project_dir: Path, site_url: str = "") -> Site:
    """Load, check and render the content of the project at ``project_dir``."""
    return render_site(load_content(project_dir / "content", project_dir), site_url)


__all__ = ["ContentError", "PageSpec", "Site", "build_site", "render_site"]
