"""The reader-side byte budget: what a phone downloads for each type of page.

For a built page, the budget counts the gzip-compressed bytes of its HTML plus every local
stylesheet (``<link rel="stylesheet" href>``) and script (``<script src>``) it references;
the search index is fetched only when a reader searches, so it is not counted.  Both the
benchmark and ``tests/test_budget.py`` use these functions.
"""

from __future__ import annotations

import gzip
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

BUDGET_BYTES = 150 * 1024
GZIP_LEVEL = 6  # what common web servers and CDNs use

#: Each page type and the built file that stands for it (``None``: the largest section).
PAGE_TYPES: dict[str, str | None] = {
    "home": "index.html",
    "section": None,
    "glossary": "glossary/index.html",
    "timeline": "timeline/index.html",
    "sources": "sources/index.html",
    "whos-who": "whos-who/index.html",
}


class _Assets(HTMLParser):
    """Collects stylesheet and script addresses, and every ``<img>``'s attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.css.append(values["href"] or "")
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"] or "")
        elif tag == "img":
            self.images.append(values)


def gzip_size(data: bytes) -> int:
    """Bytes on the wire when ``data`` is served gzip-compressed."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def _local(site: Path, page: Path, href: str) -> Path | None:
    """The file a local ``href`` on ``page`` points to, or ``None`` for other hosts."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, parts.path))
    return site / target


@dataclass
class PageBudget:
    """The transfer size of one page and the assets it loads."""

    name: str
    path: str
    html_bytes: int
    html_gzip: int
    css_gzip: int
    js_gzip: int
    assets: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    bad_images: list[str] = field(default_factory=list)

    @property
    def total_gzip(self) -> int:
        """HTML, CSS and JS together, compressed."""
        return self.html_gzip + self.css_gzip + self.js_gzip

    @property
    def ok(self) -> bool:
        """Within the budget, every asset found, every image sized and lazy."""
        return self.total_gzip <= BUDGET_BYTES and not self.missing and not self.bad_images


def page_budget(site: Path, page: Path, name: str = "") -> PageBudget:
    """Measure one built page of the site at ``site``."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8", "replace"))
    sizes = {"css": 0, "js": 0}
    assets, missing = [], []
    for kind, hrefs in (("css", parser.css), ("js", parser.js)):
        for href in dict.fromkeys(hrefs):  # each file is downloaded once
            target = _local(site, page, href)
            if target is None:
                continue
            if not target.is_file():
                missing.append(href)
                continue
            sizes[kind] += gzip_size(target.read_bytes())
            assets.append(target.relative_to(site).as_posix())
    bad = [str(img.get("src")) for img in parser.images
           if not (img.get("width") and img.get("height") and img.get("loading") == "lazy")]
    return PageBudget(name or page.parent.name, page.relative_to(site).as_posix(), len(html),
                      gzip_size(html), sizes["css"], sizes["js"], assets, missing, bad)


def site_budgets(site: Path) -> list[PageBudget]:
    """One budget per page type; the section is the heaviest section page."""
    out = []
    for name, rel in PAGE_TYPES.items():
        if rel is None:
            sections = [page_budget(site, p, name) for p in sorted(site.glob("sections/*/index.html"))]
            if sections:
                out.append(max(sections, key=lambda b: b.total_gzip))
        elif (site / rel).is_file():
            out.append(page_budget(site, site / rel, name))
    return out


__all__ = ["BUDGET_BYTES", "PAGE_TYPES", "PageBudget", "gzip_size", "page_budget", "site_budgets"]
