"""The "Reuse this work" page: licence, how to cite the site, data downloads and feeds.

The licence and its terms come from the ``reuse:`` block of ``content/home.yml``; the
citation, the list of downloads and the links to the feed and ``llms.txt`` are generated,
so they always match the files the build writes.
"""

from __future__ import annotations

from markupsafe import Markup

from ..content.dates import parse_when
from ..content.home_model import Reuse
from ..content.index import Index
from ..content.yamlload import Document
from .common import PageBuilder, bibtex_text, cite_box, html, site_key, site_link
from .downloads import EXPORTS, FEED_PATH, LLMS_PATH
from .figure_html import figure_list
from .xref.state import Origin, PageState, relative_url

REUSE_URL = "reuse/"
REUSE_TITLE = "Reuse this work"


def last_reviewed(index: Index) -> str | None:
    """The latest ``reviewed`` date of any section (as written), or ``None``."""
    dates = [s.reviewed for s in index.sections if s.reviewed]
    return max(dates, key=lambda d: parse_when(d).start.last_day()) if dates else None


def site_citation(index: Index, site_url: str, site_name: str) -> tuple[str, str]:
    """The site's citation as plain text and as BibTeX (written by pybtex)."""
    from pybtex.database import BibliographyData, Entry

    url = site_link(site_url, "")
    reviewed = last_reviewed(index)
    fields = {"title": site_name, "url": url}
    plain = f"{site_name}. {url}"
    if reviewed:
        when = parse_when(reviewed)
        fields["year"] = str(when.start.year)
        fields["note"] = f"Last reviewed {when.human()}"
        plain = f"{site_name}. Last reviewed {when.human()}. {url}"
    entry = Entry("misc", fields=fields)
    bibtex = bibtex_text(BibliographyData(entries={site_key(site_name): entry})).strip()
    return plain, bibtex


def reuse_page(index: Index, reuse: Reuse, doc: Document,
               site_url: str = "", site_name: str = "") -> tuple[str, PageState]:
    """``/reuse/``: the licence, the citation, every data export, the feed and llms.txt."""
    state = PageState(index, REUSE_URL, REUSE_TITLE)
    page = PageBuilder(state)
    page.heading(1, REUSE_TITLE, "top")
    page.html(html('<p class="xref-intro">The text of this site is licensed under '
                   '<a href="{}" rel="license noopener">{}</a>.</p>', reuse.licence_url,
                   reuse.licence))
    text = Markup(page.md(reuse.text, Origin(doc, ("reuse", "text")), autolink=False))
    page.html(html('<div class="xref-body">{}</div>', text))
    page.heading(2, "How to cite this site", "cite")
    plain, bibtex = site_citation(index, site_url, site_name)
    page.html(cite_box(plain, bibtex))
    page.html("<p>To cite one part of the story, use the “Cite this page” box at the end of "
              "each section.</p>")
    page.heading(2, "Data downloads", "data")
    page.html("<p>The glossary, the timeline and the bibliography as data, generated from the "
              "same content as the pages on every build.</p>")
    item = '<li><a href="{}">{}</a> <code>{}</code>: {}</li>'
    items = Markup().join(html(item, relative_url(REUSE_URL, e.path), e.label, e.name, e.about)
                          for e in EXPORTS)
    page.html(html('<ul class="xref-downloads">{}</ul>', items))
    if index.figures:
        page.heading(2, "Charts and tables", "figures")
        page.html("<p>Every chart and table on the site, each with its data as a CSV file "
                  "(the same rows as the table under the chart; the last column lists the "
                  "sources of each row).</p>")
        figures = figure_list(index.figures, lambda path: relative_url(REUSE_URL, path))
        page.html(html('<ul class="xref-downloads">{}</ul>', Markup("".join(figures))))
    page.heading(2, "Updates and machine-readable summary", "feeds")
    feeds = (html(item, relative_url(REUSE_URL, FEED_PATH), "Atom feed", FEED_PATH,
                  "One entry for each dated change to a section."),
             html(item, relative_url(REUSE_URL, LLMS_PATH), "llms.txt", LLMS_PATH,
                  "A plain-text summary of the site with links to every page and data file, "
                  "for language models and other tools."))
    page.html(html('<ul class="xref-downloads">{}</ul>', Markup().join(feeds)))
    return page.markdown(), state
