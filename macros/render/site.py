"""Render every page of the site from checked content, and collect back-links and warnings.

Story pages render first (home, sections, timeline) so that the glossary can list where
each term appears and the sources page where each source is cited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from ..content.cache import ContentCache
from ..content.collector import paused_collector
from ..content.errors import ContentError, Problem
from ..content.index import section_url
from ..content.load import Content, load_content
from ..content.model import Section
from ..content.yamlload import dotted
from .about import ABOUT_URL, about_page
from .home import home_page
from .reference import glossary_page, sources_page, timeline_page, who_page
from .reuse import REUSE_TITLE, REUSE_URL, reuse_page
from .section import SectionPage
from .split import Split
from .split_pages import holders, split_glossary, split_sources, split_timeline, split_who
from .xref.leftover import page_problems
from .xref.state import PageState, RenderProblem, Use


@dataclass(frozen=True)
class PageSpec:
    """One page to generate: its key, its site path, its title and the file to edit."""

    key: str
    url: str
    title: str
    edit_path: str
    section: Section | None = None  # set on section pages
    listed: bool = True  # in the navigation (the pages of a split page are not)
    holds: tuple[str, ...] | None = None  # on the pages of a split page: the ids of its entries


class PageTexts(MutableMapping[str, str]):
    """Each page's Markdown by key, held as UTF-8.

    One curly quote or dash makes Python keep a whole page at two bytes a character; in
    UTF-8 the mostly-ASCII Markdown takes half that (at 100x, 67 MB less held until MkDocs
    takes each page).  Reading a page decodes it: about a millisecond per megabyte.
    """

    def __init__(self) -> None:
        self._texts: dict[str, bytes] = {}

    def __getitem__(self, key: str) -> str:
        return self._texts[key].decode("utf-8")

    def __setitem__(self, key: str, markdown: str) -> None:
        self._texts[key] = markdown.encode("utf-8")

    def __delitem__(self, key: str) -> None:
        del self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


@dataclass
class Site:
    """The rendered site: Markdown per page, back-link tables and warnings."""

    content: Content
    pages: PageTexts = field(default_factory=PageTexts)
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
    span = doc.locate(where, problem.needle, problem.occurrence)
    return Problem(doc.path, span.line, span.col, dotted(where), problem.message)


def _collect(states: list[PageState], attr: str) -> dict[str, list[Use]]:
    table: dict[str, list[Use]] = defaultdict(list)
    for state in states:
        for key, use in getattr(state, attr):
            table[key].append(use)
    return dict(table)


class _Pages:
    """Collects rendered pages into a :class:`Site`, with what each page cites and links."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def add(self, spec: PageSpec, rendered: tuple[str, PageState], into: list[PageState]) -> None:
        site = self.site
        site.pages[spec.key], state = rendered
        site.specs.append(spec)
        site.page_cites[spec.key] = tuple(sorted(state.numbers, key=state.numbers.__getitem__))
        site.page_terms[spec.key] = tuple(dict.fromkeys(t for t, _ in state.term_uses))
        into.append(state)

    def add_split(self, pages: Split, edit_path: str, into: list[PageState]) -> None:
        """A reference page, or the pages it was split into (the first is in the navigation)."""
        for part, page in pages:
            holds = tuple(x.id for x in part.terms) if len(pages) > 1 else None
            self.add(PageSpec(part.key, part.url, part.title, edit_path,
                              listed=part is pages[0][0], holds=holds), page, into)


@paused_collector()
def render_site(content: Content, site_url: str = "", site_name: str = "",
                repo_url: str = "") -> Site:
    """Render all pages; raise :class:`ContentError` if any text fails to render.

    ``site_url``, ``site_name`` and ``repo_url`` are mkdocs.yml's: citations name and link the
    site, the about page links the repository.
    """
    index, checked, pages = content.index, content.checked, content.pages
    site = Site(content)
    out = _Pages(site)
    add = out.add
    story: list[PageState] = []
    add(PageSpec("home", "", content.home.title, content.home_doc.path),
        home_page(index, content.home, content.home_doc), story)
    for section, doc in sorted(checked.sections, key=lambda sd: (sd[0].order, sd[0].id)):
        add(PageSpec(f"section:{section.id}", section_url(section.id), section.title, doc.path,
                     section),
            SectionPage(index, section, doc, site_url, site_name).render(), story)
    events = {e.id: (d, w) for e, d, w in checked.events}
    out.add_split(split_timeline(index, events, lambda: timeline_page(index, events, pages)),
                  checked.events[0][1].path, story)
    site.term_uses = _collect(story, "term_uses")
    terms = {t.id: (d, w) for t, d, w in checked.terms}
    glossary_doc = checked.terms[0][1].path
    reference: list[PageState] = []
    glossary = split_glossary(index, terms, site.term_uses,
                              lambda: glossary_page(index, terms, site.term_uses, pages))
    out.add_split(glossary, glossary_doc, reference)
    where = holders(glossary)
    out.add_split(split_who(index, where, lambda: who_page(index, pages, where)), glossary_doc,
                  reference)
    site.cite_uses = _collect(story + reference, "cite_uses")
    out.add_split(split_sources(index, site.cite_uses,
                                lambda: sources_page(index, site.cite_uses, pages)),
                  checked.sources[0][1].path, reference)
    if content.home.reuse:
        add(PageSpec("reuse", REUSE_URL, REUSE_TITLE, content.home_doc.path),
            reuse_page(index, content.home.reuse, content.home_doc, site_url, site_name),
            reference)
    if content.about and content.about_doc:
        add(PageSpec("about", ABOUT_URL, content.about.title, content.about_doc.path),
            about_page(index, content.about, content.about_doc, repo_url), reference)
    problems = [_locate(p) for s in story + reference for p in s.problems] or \
        page_problems(((s.edit_path, site.pages[s.key]) for s in site.specs), _files(content))
    if problems:
        raise ContentError(problems + content.warnings)
    site.warnings = content.warnings + _unused(site)
    return site


def _files(content: Content) -> list[tuple[str, str]]:
    """``(path, raw text)`` of every content file, each once."""
    c = content.checked
    docs = [content.home_doc] + [d for _, d in c.sections] + \
        [d for _, d, _ in (*c.terms, *c.events, *c.sources)]
    return list({d.path: d.text for d in docs}.items())


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


@paused_collector()  # load and render as one: no pass over what loading made, in between
def build_site(project_dir: Path, site_url: str = "", site_name: str = "",
               repo_url: str = "", cache: ContentCache | None = None) -> Site:
    """Load, check and render the content of the project at ``project_dir``.

    ``cache`` keeps parsed files between the rebuilds of one ``mkdocs serve``.
    """
    content = load_content(project_dir / "content", project_dir, cache)
    return render_site(content, site_url, site_name, repo_url)


__all__ = ["ContentError", "PageSpec", "Site", "build_site", "render_site"]
