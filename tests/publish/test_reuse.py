"""Sharing and reuse: the reuse page, llms.txt, the Atom feed, freshness dates, the 404 page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import feedparser
import pytest
from pybtex.database import parse_string

from macros.content.load import load_content
from macros.publish.feed import atom_feed
from macros.publish.publication import Publication
from macros.render.downloads import EXPORTS, FEED_PATH, LLMS_PATH
from macros.render.site import render_site

from ..conftest import ROOT, TEST_REPO_URL, content_errors, edit, sitemap_paths
from ..sitecrawl import broken_internal_links, read_page

CONTENT = load_content(ROOT / "content", ROOT)
INDEX = CONTENT.index
BASE = "http://127.0.0.1:8000/"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def page(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


# --- The reuse page ----------------------------------------------------------------------


def test_reuse_page_links_every_export_and_each_resolves(site: Path) -> None:
    links = read_page(site / "reuse" / "index.html").links
    for export in EXPORTS:
        assert f"../{export.path}" in links, export.name
        assert (site / export.path).is_file(), export.name
    assert {"../feed.xml", "../llms.txt"} <= set(links)
    assert [b for b in broken_internal_links(site) if b.startswith("reuse/")] == []


def test_the_exports_listed_are_exactly_the_files_written(site: Path) -> None:
    assert sorted(e.name for e in EXPORTS) == sorted(p.name for p in (site / "data").iterdir())


def test_reuse_page_states_the_licence_and_the_footer_links_it(site: Path) -> None:
    html = page(site, "reuse/index.html")
    assert (f'The text of this site is licensed under <a href="{LICENCE}" rel="license noopener">'
            "Creative Commons Attribution 4.0 International (CC BY 4.0)</a>.") in html
    assert f'href="{TEST_REPO_URL}/edit/main/content/home.yml"' in html
    for path in [*sitemap_paths(site), "404.html"]:
        target = site / path / "index.html" if not path.endswith(".html") else site / path
        assert f'Text licensed <a href="{LICENCE}" rel="license">CC BY 4.0</a>' in \
            target.read_text("utf-8"), path


def test_reuse_page_citation_parses_as_bibtex(site: Path) -> None:
    html = page(site, "reuse/index.html")
    plain = re.search(r'<div class="xref-cite-this">.*?<code>(.*?)</code>', html, re.S).group(1)
    assert unescape(plain) == f"DeepSeek R1, explained. Last reviewed 28 November 2026. {BASE}"
    bibtex = re.search(r"<pre><code>(.*?)</code></pre>", html, re.S).group(1)
    entries = parse_string(unescape(bibtex), "bibtex").entries
    assert list(entries) == ["deepseek-r1-explainer"]
    fields = entries["deepseek-r1-explainer"].fields
    assert (fields["title"], fields["url"], fields["year"]) == ("DeepSeek R1, explained", BASE, "2026")


def test_reuse_page_is_in_the_navigation_after_sources(site: Path) -> None:
    nav = page(site, "index.html").split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    hrefs = list(dict.fromkeys(re.findall(r'href="([^"#]+)"', nav)))
    assert hrefs.index("reuse/") == hrefs.index("sources/") + 1


def test_no_reuse_block_means_no_reuse_page(mini: Path) -> None:
    content = mini
    site = render_site(load_content(content, content.parent))
    assert "reuse" not in site.pages
    assert [s.key for s in site.specs][-1] == "sources"


# --- llms.txt ------------------------------------------------------------------------------


def test_llms_txt_summarizes_the_site_and_its_links_resolve(site: Path) -> None:
    text = page(site, LLMS_PATH)
    assert text.startswith("# DeepSeek R1, explained\n\n> What DeepSeek's R1 model really showed")
    assert ("The text is licensed under [Creative Commons Attribution 4.0 International "
            f"(CC BY 4.0)]({LICENCE}).") in text
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", text, re.M)
    assert {BASE + p for p in sitemap_paths(site)} <= set(links)
    assert {BASE + e.path for e in EXPORTS} | {BASE + FEED_PATH} <= set(links)
    for link in links:
        assert link.startswith(BASE), link
        path = link.removeprefix(BASE)
        assert (site / (path + "index.html" if path.endswith("/") or not path else path)).is_file()
    assert re.findall(r"^## (.+)$", text, re.M) == ["Sections", "Reference", "Data"]


# --- The Atom feed -------------------------------------------------------------------------


def test_feed_is_valid_atom_with_one_entry_per_change(site: Path) -> None:
    feed = feedparser.parse((site / FEED_PATH).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "DeepSeek R1, explained"
    assert feed.feed.id == BASE
    assert feed.feed.updated == "2026-11-28T00:00:00Z"
    changes = [(s, c) for s in INDEX.sections for c in s.changes]
    assert len(feed.entries) == len(changes) == 8
    assert len({e.id for e in feed.entries}) == len(changes)
    by_page: dict[str, list[str]] = {}
    for entry in feed.entries:
        assert entry.link.startswith(BASE + "sections/")
        assert entry.updated == entry.published
        by_page.setdefault(entry.link, []).append(entry.summary)
    for section in INDEX.sections:
        url = f"{BASE}sections/{section.id}/"
        assert sorted(by_page[url]) == sorted(c.summary for c in section.changes)
    assert [e.updated[:10] for e in feed.entries] == sorted((e.updated[:10] for e in feed.entries),
                                                          reverse=True)


def test_feed_dates_come_from_content_not_the_clock() -> None:
    site = render_site(CONTENT)
    pub = Publication.of("Name", "About.", BASE)
    one = atom_feed(site, pub, datetime(1999, 1, 2, tzinfo=UTC))
    two = atom_feed(site, pub, datetime(2031, 5, 6, tzinfo=UTC))
    assert one == two and b"1999" not in one


def test_a_site_without_changes_dates_its_feed_by_the_build_stamp(mini: Path) -> None:
    content = mini
    site = render_site(load_content(content, content.parent))
    feed = feedparser.parse(atom_feed(site, Publication.of("Mini", "", BASE),
                                      datetime(2025, 1, 20, 12, 30, tzinfo=UTC)))
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated == "2025-01-20T12:30:00Z"


def test_every_page_links_the_feed_in_its_head(site: Path) -> None:
    for path in [*(p + "index.html" for p in sitemap_paths(site)), "404.html"]:
        head = page(site, path).split("</head>", 1)[0]
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', head)
        assert link, path
        depth = path.count("/")
        expected = "/feed.xml" if path == "404.html" else "../" * depth + "feed.xml"
        assert link.group(1) == expected, path


# --- Freshness ---------------------------------------------------------------------------------


def test_every_section_shows_when_it_was_last_reviewed(site: Path) -> None:
    for section in INDEX.sections:
        assert section.reviewed and section.changes
        html = page(site, f"sections/{section.id}/index.html")
        assert (f'Last reviewed <time datetime="{section.reviewed}">28 November 2026</time>'
                in html), section.id


@pytest.mark.parametrize(("block", "message"), [
    ('reviewed: "2025-02-01"\nchanges:\n  - date: "2025-01"\n    summary: First.\n',
     "content/sections/beta.yml:10:11: changes[0].date: '2025-01' is not a single day "
     "(write YYYY-MM-DD)"),
    ('reviewed: "2025-02-01"\nchanges:\n  - date: "2025-01-20"\n    summary: First.\n'
     '  - date: "2025-01-10"\n    summary: Second.\n',
     "content/sections/beta.yml:10:3: changes: change 2 (2025-01-10) is dated before change 1 "
     "(2025-01-20): list changes oldest first"),
    ('reviewed: "2025-01-01"\nchanges:\n  - date: "2025-01-20"\n    summary: First.\n',
     "content/sections/beta.yml:10:3: changes: the latest change (2025-01-20) is after "
     "`reviewed` (2025-01-01): a change is checked when it is made, so move `reviewed` forward"),
    ('changes:\n  - date: "2025-01-20"\n    summary: Added [@src-one] here.\n',
     "content/sections/beta.yml:10:14: changes[0].summary: this field is plain text: no "
     "[@citations] or [[terms]] (list the step's sources under sources:)"),
])
def test_bad_changes_are_errors_at_their_line(mini: Path, block: str, message: str) -> None:
    path = mini / "sections" / "beta.yml"
    path.write_text(path.read_text("utf-8") + block, "utf-8")
    assert content_errors(mini) == [message]


def test_good_changes_are_accepted(mini: Path) -> None:
    edit(mini / "sections" / "beta.yml", "takeaways:", 'reviewed: "2025-02-01"\nchanges:\n'
         '  - date: "2025-01-20"\n    summary: First.\n  - date: "2025-01-20"\n'
         "    summary: Second.\ntakeaways:")
    site = render_site(load_content(mini, mini.parent))
    beta = next(s for s in site.content.index.sections if s.id == "beta")
    assert [c.summary for c in beta.changes] == ["First.", "Second."]


# --- The 404 page ------------------------------------------------------------------------------


def test_404_page_offers_search_and_lists_every_section(site: Path) -> None:
    html = page(site, "404.html")
    assert '<form class="xref-notfound-search" action="/." method="get" role="search">' in html
    assert '<input type="search" id="xref-notfound-query" name="q" required>' in html
    listed = re.findall(r'<li><a href="/sections/([a-z0-9-]+)/">([^<]+)</a></li>', html)
    assert [(i, unescape(t)) for i, t in listed] == [(s.id, s.title) for s in INDEX.sections]
    for path in ("timeline", "glossary", "whos-who", "sources", "reuse"):
        assert f'<li><a href="/{path}/">' in html, path
    assert [b for b in broken_internal_links(site) if b.startswith("404.html")] == []
