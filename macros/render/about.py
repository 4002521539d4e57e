"""``/about/``: what the site is and how it works, from ``content/about.yml``.

The verdict scale is drawn from the engine's own vocabulary, and the ways to propose a
correction link the repository only when the build names one (``repo_url``).
"""

from __future__ import annotations

from ..content.about import About, AboutPart
from ..content.fields import VERDICTS
from ..content.index import Index
from ..content.yamlload import Document
from .common import PageBuilder, attr
from .section import verdict_badge
from .story import StoryAnchors, curly
from .xref.state import Origin, PageState

ABOUT_URL = "about/"


def verdict_scale() -> str:
    """Every verdict the site gives, with its badge and what it means."""
    rows = "".join(f"<dt>{verdict_badge(v)}</dt><dd>{attr(text)}</dd>" for v, text in VERDICTS.items())
    return f'<dl class="xref-scale">{rows}</dl>'


def proposals(repo_url: str) -> str:
    """Where to propose a correction: an issue or a pull request, when there is a repository."""
    if not repo_url:
        return ('<p class="xref-note">This build of the site names no public repository, '
                "so it links to none.</p>")
    repo = attr(repo_url.rstrip("/"))
    return (f'<ul class="xref-proposals"><li><a href="{repo}/issues/new">Open an issue</a>: '
            "say what is wrong, where, and which source shows it.</li>"
            f'<li><a href="{repo}/pulls">Open a pull request</a>: change the content file '
            "behind the page (each page’s “Edit this page” link opens it) and cite your "
            f'source; <a href="{repo}/blob/main/CONTRIBUTING.md">the contributing guide</a> '
            "explains the format.</li></ul>")


def _part(page: PageBuilder, doc: Document, i: int, part: AboutPart, repo_url: str,
          anchors: StoryAnchors) -> None:
    page.heading(2, curly(part.heading), anchors.anchor(part.heading))
    # Not the story: its terms are linked where the story uses them, not here.
    text = page.md(part.text, Origin(doc, ("parts", i, "text")), autolink=False)
    page.html(f'<div class="xref-body">{text}</div>')
    if part.adds == "verdicts":
        page.html(verdict_scale())
    elif part.adds == "proposals":
        page.html(proposals(repo_url))


def about_page(index: Index, about: About, doc: Document,
               repo_url: str = "") -> tuple[str, PageState]:
    """The page: the title, then each part with what it adds."""
    state = PageState(index, ABOUT_URL, about.title)
    page = PageBuilder(state)
    page.heading(1, about.title, "top")
    anchors = StoryAnchors()
    for i, part in enumerate(about.parts):
        _part(page, doc, i, part, repo_url, anchors)
    page.references()
    return page.markdown(), state
