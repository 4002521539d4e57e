"""Find, load and check every content file: the one entry point to the engine's data side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, Problem
from .index import Index
from .model import Home
from .validate import Checked, check, check_home, to_index
from .yamlload import Document, load_file

GLOSSARY, TIMELINE, SOURCES, HOME = "glossary.yml", "timeline.yml", "sources.yml", "home.yml"


@dataclass(frozen=True)
class Content:
    """Checked content: the index, the documents (for ``file:line``) and any warnings."""

    root: Path
    index: Index
    checked: Checked
    home: Home
    home_doc: Document

    @property
    def warnings(self) -> list[Problem]:
        """Problems that do not stop the build."""
        return [p for p in self.checked.problems if p.severity == "warning"]

    def section_file(self, section_id: str) -> str:
        """The content file that holds a section (for edit links and messages)."""
        return next(doc.path for s, doc in self.checked.sections if s.id == section_id)


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _load(path: Path, base: Path, problems: list[Problem], required: bool) -> Document | None:
    if not path.exists():
        if required:
            problems.append(Problem(_display(path, base), 1, 1, "(file)",
                                    "file is missing (create it; see CONTRIBUTING.md)"))
        return None
    doc, found = load_file(path, _display(path, base))
    problems.extend(found)
    return doc


def load_content(content_dir: Path, base: Path | None = None) -> Content:
    """Load and check ``content_dir``; raise :class:`ContentError` listing every error.

    ``base`` is the folder that paths in messages are relative to (the project root).
    """
    base = base or content_dir.parent
    problems: list[Problem] = []
    section_paths = sorted((content_dir / "sections").glob("*.yml"))
    if not section_paths:
        problems.append(Problem(_display(content_dir / "sections", base), 1, 1, "(file)",
                                "no section files found (add content/sections/<id>.yml)"))
    loaded = {p.stem: _load(p, base, problems, True) for p in section_paths}
    section_docs = [d for d in loaded.values() if d]
    glossary = _load(content_dir / GLOSSARY, base, problems, True)
    timeline = _load(content_dir / TIMELINE, base, problems, True)
    sources = _load(content_dir / SOURCES, base, problems, True)
    home_doc = _load(content_dir / HOME, base, problems, True)
    # A section file too broken to read still reserves its file name as an id, so that
    # references to it are not reported as a second, misleading error.
    unreadable = {stem for stem, doc in loaded.items() if doc is None}
    checked = check(section_docs, glossary, timeline, sources, unreadable)
    home = check_home(home_doc, checked) if home_doc else None
    checked.problems[:0] = problems
    if any(p.severity == "error" for p in checked.problems) or home is None or home_doc is None:
        raise ContentError(checked.problems)
    return Content(content_dir, to_index(checked), checked, home, home_doc)

