"""Find, load and check every content file: the one entry point to the engine's data side."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .about import ABOUT, About, check_about
from .cache import ContentCache
from .collector import paused_collector
from .errors import ContentError, Problem
from .figure_check import FIGURES, CheckedFigures, check_figures
from .home_model import Home
from .index import Index
from .messages import schema_problems
from .pages import NO_PAGES, Pages
from .validate import Checked, check, check_home, to_index
from .yamlload import Document, load_file

GLOSSARY, TIMELINE, SOURCES, HOME = "glossary.yml", "timeline.yml", "sources.yml", "home.yml"
PAGES = "pages.yml"  # optional


@dataclass(frozen=True)
class Content:
    """Checked content: the index, the documents (for ``file:line``) and any warnings."""

    root: Path
    index: Index
    checked: Checked
    home: Home
    home_doc: Document
    pages: Pages = NO_PAGES
    figures: CheckedFigures = field(default_factory=CheckedFigures)
    about: About | None = None
    about_doc: Document | None = None

    @property
    def warnings(self) -> list[Problem]:
        """Problems that do not stop the build."""
        return [p for p in self.checked.problems if p.severity == "warning"]



def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _load(path: Path, base: Path, problems: list[Problem], required: bool,
          cache: ContentCache | None = None) -> Document | None:
    if not path.exists():
        if required:
            problems.append(Problem(_display(path, base), 1, 1, "(file)",
                                    "file is missing (create it; see CONTRIBUTING.md)"))
        return None
    doc, found = (cache.load if cache else load_file)(path, _display(path, base))
    problems.extend(found)
    return doc


@paused_collector()
def load_content(content_dir: Path, base: Path | None = None,
                 cache: ContentCache | None = None) -> Content:
    """Load and check ``content_dir``; raise :class:`ContentError` listing every error.

    ``base`` is the folder that paths in messages are relative to (the project root).
    With a ``cache`` (``make serve``), files whose bytes did not change since the last
    call are not parsed or schema-checked again; cross-file checks always run on the whole.
    """
    base = base or content_dir.parent
    problems: list[Problem] = []
    section_paths = sorted((content_dir / "sections").glob("*.yml"))
    if not section_paths:
        problems.append(Problem(_display(content_dir / "sections", base), 1, 1, "(file)",
                                "no section files found (add content/sections/<id>.yml)"))
    loaded = {p.stem: _load(p, base, problems, True, cache) for p in section_paths}
    section_docs = [d for d in loaded.values() if d]
    glossary, timeline, sources, home_doc = (_load(content_dir / name, base, problems, True, cache)
                                             for name in (GLOSSARY, TIMELINE, SOURCES, HOME))
    about_doc, pages_doc, figures_doc = (_load(content_dir / name, base, problems, False, cache)
                                         for name in (ABOUT, PAGES, FIGURES))
    if cache:
        cache.sweep()
    # A section file too broken to read still reserves its file name as an id, so that
    # references to it are not reported as a second, misleading error.
    unreadable = {stem for stem, doc in loaded.items() if doc is None}
    checked = check(section_docs, glossary, timeline, sources, unreadable,
                    **({"schema": cache.schema} if cache else {}))
    home = check_home(home_doc, checked) if home_doc else None
    about = check_about(about_doc, checked) if about_doc else None
    pages = _pages(pages_doc, checked)
    figures = check_figures(figures_doc, checked)
    checked.problems[:0] = problems
    checked.problems += figures.problems
    if any(p.severity == "error" for p in checked.problems) or home is None or home_doc is None:
        raise ContentError(checked.problems)
    index = replace(to_index(checked), figures=tuple(f for f, _ in figures.figures),
                    units=figures.units)
    return Content(content_dir, index, checked, home, home_doc, pages or NO_PAGES, figures,
                   about, about_doc)


def _pages(doc: Document | None, checked: Checked) -> Pages | None:
    """The optional ``pages.yml``; its problems join the others."""
    if doc is None:
        return None
    pages, problems = schema_problems(doc, Pages)
    checked.problems.extend(problems)
    return pages

