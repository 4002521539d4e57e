"""The "Reuse this work" page: licence, how to cite the site, data downloads and feeds.

The licence and its terms come from the ``reuse:`` block of ``content/home.yml``; the
citation, the list of downloads and the links to the feed and ``llms.txt`` are generated,
so they always match the files the build writes.
"""

from __future__ import annotations

from ..content.dates import parse_when
from ..content.index import Index
from ..content.model import Reuse
from ..content.yamlload import Document
from .common import SITE_NAME, PageBuilder, attr, bibtex_text, cite_box, site_link
from .downloads import EXPORTS, FEED_PATH, LLMS_PATH
from .xref.state import Origin, PageState, relative_url

REUSE_URL = "reuse/"
REUSE_TITLE = "Reuse this work"
CITE_KEY = "deepseek-r1-explainer"


def last_reviewed(index: Index) -> str | None:
    """The latest ``reviewed`` date of any section (as written), or ``None``."""
    dates = [s.reviewed for s in index.sections if s.reviewed]
    return max(dates, key=lambda d: parse_when(d).start.last_day()) if dates else None


def site_citation(index: Index, site_url: str) -> tuple[str, str]:
    """The site's citation as plain text and as BibTeX (written by pybtex)."""
    from pybtex.database import BibliographyData, Entry

    url = site_link(site_url, "")
    reviewed = last_reviewed(index)
    fields = {"title": SITE_NAME, "url": url}
    plain = f"{SITE_NAME}. {url}"
    if reviewed:
        when = parse_when(reviewed)
        fields["year"] = str(when.start.year)
        fields["note"] = f"Last reviewed {when.human()}"
        plain = f"{SITE_NAME}. Last reviewed {when.human()}. {url}"
    bibtex = bibtex_text(BibliographyData(entries={CITE_KEY: Entry("misc", fields=fields)})).strip()
    return plain, bibtex


def reuse_page(index: Index, reuse: Reuse, doc: Document,
               site_url: str = "") -> tuple[str, PageState]:
    """``/reuse/``: the licence, the citation, every data export, the feed and llms.txt."""
    state = PageState(index, REUSE_URL, REUSE_TITLE)
    page = PageBuilder(state)
    page.heading(1, REUSE_TITLE, "top")
    page.html(f'<p class="xref-intro">The text of this site is licensed under '
              f'<a href="{attr(reuse.licence_url)}" rel="license noopener">'
              f"{attr(reuse.licence)}</a>.</p>")
    page.html(f'<div class="xref-body">'
              f'{page.md(reuse.text, Origin(doc, ("reuse", "text")), autolink=False)}</div>')
    page.heading(2, "How to cite this site", "cite")
    plain, bibtex = site_citation(index, site_url)
    page.html(cite_box(plain, bibtex))
    page.html("<p>To cite one part of the story, use the “Cite this page” box at the end of "
              "each section.</p>")
    page.heading(2, "Data downloads", "data")
    page.html("<p>The glossary, the timeline and the bibliography as data, generated from the "
              "same content as the pages on every build.</p>")
    items = "".join(
        f'<li><a href="{relative_url(REUSE_URL, e.path)}">{attr(e.label)}</a> '
        f"<code>{attr(e.name)}</code>: {attr(e.about)}</li>" for e in EXPORTS)
    page.html(f'<ul class="xref-downloads">{items}</ul>')
    page.heading(2, "Updates and machine-readable summary", "feeds")
    page.html(
        f'<ul class="xref-downloads"><li><a href="{relative_url(REUSE_URL, FEED_PATH)}">'
        f"Atom feed</a> <code>{FEED_PATH}</code>: One entry for each dated change to a "
        f'section.</li><li><a href="{relative_url(REUSE_URL, LLMS_PATH)}">llms.txt</a> '
        f"<code>{LLMS_PATH}</code>: A plain-text summary of the site with links to every page "
        "and data file, for language models and other tools.</li></ul>")
    return page.markdown(), state
