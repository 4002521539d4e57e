"""Read a built site: every page's ids, links and resources, with the stdlib HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class PageInfo:
    """What one HTML file declares and points at."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)  # attrs, code
    handlers: list[str] = field(default_factory=list)
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)  # every start tag


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._script: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.info.tags.append((tag, a))
        for name in ("id", "name"):
            if a.get(name) and (name == "id" or tag == "a"):
                self.info.ids.add(a[name])  # type: ignore[arg-type]
        self.info.handlers += [k for k in a if k.startswith("on")]  # names come lowercased
        if tag == "a" and a.get("href") is not None:
            self.info.links.append(a["href"])  # type: ignore[arg-type]
        if tag in ("img", "iframe", "source", "audio", "video") and a.get("src"):
            self.info.resources.append(a["src"])  # type: ignore[arg-type]
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon", "preload",
                                                               "modulepreload", "manifest"):
            self.info.resources.append(a["href"])  # type: ignore[arg-type]
        if tag == "script":
            self._script = (a, [])
            if a.get("src"):
                self.info.resources.append(a["src"])  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.info.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def read_page(path: Path) -> PageInfo:
    """Parse one HTML file."""
    parser = _Parser()
    parser.feed(path.read_text("utf-8"))
    return parser.info


def pages(site: Path) -> dict[str, PageInfo]:
    """Every HTML page of the site, keyed by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


def broken_internal_links(site: Path) -> list[str]:
    """``page -> link`` for every internal link whose file or ``#anchor`` does not exist."""
    info = pages(site)
    broken = []
    for page, data in info.items():
        base = "http://site.test/" + page
        for href in data.links:
            url = urlsplit(urljoin(base, href))
            if url.scheme in ("http", "https") and url.netloc != "site.test":
                continue
            if url.scheme not in ("http", "https"):
                if href.startswith("#") is False and url.scheme:
                    broken.append(f"{page} -> {href} (scheme)")
                continue
            path = unquote(url.path).lstrip("/")
            target = path + "index.html" if path.endswith("/") or path == "" else path
            if target not in info and not (site / target).exists():
                broken.append(f"{page} -> {href}")
            elif url.fragment and target in info and unquote(url.fragment) not in info[target].ids:
                broken.append(f"{page} -> {href} (no such anchor)")
    return broken
