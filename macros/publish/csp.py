"""A strict Content-Security-Policy for every built page, as a ``<meta http-equiv>`` tag.

GitHub Pages sends no custom headers, so the policy travels in each page.  Scripts and
styles load only from the site itself; the few inline scripts and styles the theme and
our templates need are allowed by their SHA-256, computed here from the built pages
themselves, so a theme update that changes one changes its hash with it instead of
silently breaking the page.  Every page gets the same policy, built from the union of
all pages' inline code: with Material's instant navigation on (``navigation.instant``),
pages are swapped without reloading, and the policy of the first page loaded stays in
force for the whole visit.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

# Script types that a browser never runs: data blocks, which need no hash.
DATA_TYPES = frozenset({"application/json", "application/ld+json"})
CHARSET = '<meta charset="utf-8">'


class _InlineCode(HTMLParser):
    """Collects the text of inline ``<script>`` (run by the browser) and ``<style>`` blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._into: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        kind = (a.get("type") or "").strip().lower()
        if tag == "script" and not a.get("src") and kind not in DATA_TYPES:
            self._into, self._text = self.scripts, []
        elif tag == "style":
            self._into, self._text = self.styles, []

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._into is not None and tag in ("script", "style"):
            self._into.append("".join(self._text))
            self._into = None


def source_hash(code: str) -> str:
    """The CSP source expression for one inline block: ``'sha256-<base64>'``."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# Every script and style element; only these are parsed, not the whole page.
_BLOCKS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def inline_code(html: str) -> tuple[list[str], list[str]]:
    """The inline scripts and the inline styles of one page, as written."""
    parser = _InlineCode()
    for block in _BLOCKS.finditer(html):
        parser.feed(block.group(0))
    parser.close()
    return parser.scripts, parser.styles


def policy(script_hashes: set[str], style_hashes: set[str]) -> str:
    """The policy text.  ``'unsafe-inline'`` never appears for scripts.

    ``data:`` images are Material's icons, which its stylesheet embeds as SVG data URLs;
    search runs in a web worker loaded from the site (``worker-src``) that fetches the
    index (``connect-src``), as instant navigation, if on, fetches pages.
    """
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *sorted(script_hashes)]),
        "style-src " + " ".join(["'self'", *sorted(style_hashes)]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def meta_tag(text: str) -> str:
    """The ``<meta>`` element that carries ``text`` (which holds no quote or ``&``)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def site_policy(pages: Iterable[str]) -> str:
    """One policy that allows the inline code of every page in ``pages`` (their HTML)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for html in pages:
        page_scripts, page_styles = inline_code(html)
        scripts.update(map(source_hash, page_scripts))
        styles.update(map(source_hash, page_styles))
    return policy(scripts, styles)


def apply_csp(site_dir: Path) -> str:
    """Write the policy into every HTML page of ``site_dir``, right after its charset.

    The tag must precede every script, so a page without ``<meta charset="utf-8">`` at
    the top of its head stops the build, before any page is changed.  Pages are read one
    at a time, once for the policy and once to write it: holding them all would double
    the build's peak memory on a large site.  Returns the policy written.
    """
    files = sorted(site_dir.rglob("*.html"))
    missing: list[str] = []

    def pages() -> Iterator[str]:
        for path in files:
            html = path.read_text("utf-8")
            if CHARSET not in html:
                missing.append(str(path.relative_to(site_dir)))
            yield html

    text = site_policy(pages())
    if missing:
        raise ValueError(f"no {CHARSET} to put the Content-Security-Policy after in: "
                         + ", ".join(missing))
    tag = meta_tag(text)
    for path in files:
        html = path.read_text("utf-8")
        path.write_text(html.replace(CHARSET, CHARSET + "\n  " + tag, 1), "utf-8")
    return text
