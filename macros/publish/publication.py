"""The site as a publication: its name, its description and its absolute address.

Everything a machine reads about the site (JSON-LD, social cards, the Atom feed,
``llms.txt``) names it the same way and builds absolute URLs from the same base, the
``site_url`` of ``mkdocs.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.site import PageSpec, Site
from .export import text_of

DESCRIPTION_LIMIT = 200

REFERENCE_DESCRIPTIONS: dict[str, str] = {
    "glossary": "Terms, people and organizations in the DeepSeek R1 story.",
    "whos-who": "The people and organizations in the DeepSeek R1 story.",
    "timeline": "The DeepSeek R1 story in dated, cited events.",
    "sources": "Every source behind the DeepSeek R1 explainer.",
    "reuse": "The licence of this site's text, how to cite it, and its data downloads.",
}


@dataclass(frozen=True)
class Publication:
    """The site's identity; ``base`` is its absolute address and ends with ``/``."""

    name: str
    description: str
    base: str

    @classmethod
    def of(cls, name: str, description: str, site_url: str) -> Publication:
        """A publication at ``site_url`` (a missing trailing slash is added)."""
        return cls(name, " ".join(description.split()), site_url.rstrip("/") + "/")

    def url(self, path: str) -> str:
        """The absolute URL of a site path such as ``sections/x/`` or ``data/a.json``."""
        return self.base + path


def page_description(site: Site, spec: PageSpec, limit: int = DESCRIPTION_LIMIT) -> str:
    """One plain-text description of a page, at most ``limit`` characters.

    A section is described by its summary, the home page by its hook, a reference page
    by a fixed sentence; long text is cut at a word and ends with an ellipsis.
    """
    if spec.section:
        text = spec.section.summary
    elif spec.key == "home":
        text = site.content.home.hook
    else:
        return REFERENCE_DESCRIPTIONS.get(spec.key, "")
    text = text_of(text)
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "…"

