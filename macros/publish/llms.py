"""``llms.txt`` at the site root: the site in Markdown, for language models and other tools.

It follows the llms.txt proposal: the site's name as the title, a one-line summary as a
quote, a short description, then lists of links (every page, every data export and the
feed), each with what it holds. All links are absolute.
"""

from __future__ import annotations

from ..render.downloads import EXPORTS, FEED_PATH
from ..render.site import Site
from .export import text_of
from .publication import Publication, page_description

NO_LIMIT = 100_000  # llms.txt gives each page's whole summary


def _item(label: str, url: str, about: str) -> str:
    label = label.replace("[", "(").replace("]", ")")
    return f"- [{label}]({url})" + (f": {about}" if about else "")


def llms_txt(site: Site, pub: Publication) -> str:
    """The text of ``llms.txt``."""
    home = site.content.home
    lines = [f"# {pub.name}", "", f"> {pub.description}", "", text_of(home.hook)]
    if home.reuse:
        lines += ["", f"The text is licensed under [{home.reuse.licence}]({home.reuse.licence_url})."]
    sections = [s for s in site.specs if s.section]
    others = [s for s in site.specs if s.key != "home" and s not in sections]
    lines += ["", "## Sections", "",
              *(_item(s.title, pub.url(s.url), page_description(site, s, NO_LIMIT)) for s in sections)]
    lines += ["", "## Reference", "", _item(home.title, pub.base, "The home page."),
              *(_item(s.title, pub.url(s.url), page_description(site, s, NO_LIMIT)) for s in others)]
    lines += ["", "## Data", "",
              *(_item(e.label, pub.url(e.path), e.about) for e in EXPORTS),
              _item("Atom feed", pub.url(FEED_PATH), "One entry for each dated change to a section.")]
    return "\n".join(lines) + "\n"
