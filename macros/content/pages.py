"""``content/pages.yml``: what the reference pages say about themselves.

The engine writes the generic part of each reference page (counts, how to use it); the
words that belong to the topic (a description for search engines and link previews, an
opening sentence) come from this optional file, so the engine names no topic.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from .fields import Line, Short, Strict, plain_only

# Used when pages.yml, or a page's entry in it, is absent.
GENERIC_DESCRIPTIONS: dict[str, str] = {
    "glossary": "Terms, people and organizations on this site, each with its sources.",
    "whos-who": "The people and organizations on this site.",
    "timeline": "Dated, cited events.",
    "sources": "Every source behind this site.",
    "reuse": "The licence of this site's text, how to cite it, and its data downloads.",
}


class PageText(Strict):
    """The topic's words on one reference page."""

    description: Short = Field(description="Plain text, one sentence: the page's description "
                               "for search engines, link previews, JSON-LD and llms.txt.",
                               examples=["Every source behind this site."])
    intro: Line | None = Field(None, description="Plain text: the opening sentence of the "
                               "page, before the generic sentence the site writes itself.")

    _check_plain = field_validator("description", "intro")(
        plain_only("write it in words; the pages themselves carry the citations"))


class Pages(Strict):
    """`content/pages.yml`: descriptions and opening sentences of the reference pages."""

    glossary: PageText | None = Field(None, description="The glossary page.")
    whos_who: PageText | None = Field(None, description="The “Who’s who” page.")
    timeline: PageText | None = Field(None, description="The timeline page.")
    sources: PageText | None = Field(None, description="The sources page.")

    def text(self, key: str) -> PageText | None:
        """The entry of page ``key`` (``whos-who`` for ``whos_who``), if any."""
        entry = getattr(self, key.replace("-", "_"), None)
        return entry if isinstance(entry, PageText) else None

    def description(self, key: str) -> str:
        """The description of reference page ``key``: from pages.yml, else a generic one."""
        entry = self.text(key)
        return entry.description if entry else GENERIC_DESCRIPTIONS.get(key, "")

    def intro(self, key: str, generic: str) -> str:
        """The opening text of page ``key``: its own sentence, if any, then ``generic``."""
        entry = self.text(key)
        return f"{entry.intro} {generic}" if entry and entry.intro else generic


NO_PAGES = Pages()  # a site without pages.yml
