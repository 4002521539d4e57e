"""Scan a built site for anything that could run or load without our say-so.

- ``<script src>`` only for the theme's bundle and our own ``assets/xref.js``;
- inline scripts only when their SHA-256 (with the page's relative base path normalised)
  is in ``INLINE_SCRIPTS``, which names what each one is; ``application/json`` and
  ``application/ld+json`` blocks are data and must parse as JSON;
- no inline event handler (``on*=``), no ``style`` attribute, no ``<iframe>``, ``<object>``,
  ``<embed>`` or ``<base>``;
- no link to an external origin except the addresses written in ``content/`` (bibliography
  and text links) and the repository's;
- one Content-Security-Policy ``<meta>`` before any script, with no ``'unsafe-inline'`` or
  ``'unsafe-eval'`` for scripts, ``object-src 'none'``, and the hash of each allowed inline
  script of the page (the browser test in ``test_csp.py`` shows it is enforced).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from macros.publish.csp import source_hash

from .sitecrawl import PageInfo, pages

SCRIPT_FILES = (re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"),
                re.compile(r"assets/xref\.js"))
DATA_TYPES = ("application/json", "application/ld+json")
FORBIDDEN_TAGS = ("iframe", "object", "embed", "base", "frame", "frameset", "applet")
CLOSERS = {")": "(", "]": "["}
BASE_PATH = re.compile(r'(new URL\(|"base": )"(\.\.(/\.\.)*|\.|/)"')

# The inline scripts, Material 9.8.1's and ours, hashed after BASE_PATH normalisation.  A
# theme upgrade or an edit that changes one fails the scan until it has been read and listed.
INLINE_SCRIPTS: dict[str, str] = {
    "9e2703283f0df807387b5b1d4db3fd62df6ca101c78ef8cd4b96451e9587f552":
        "Material: the storage scope and its __md_get/__md_set helpers",
    "e04ef7a4148a576a900d0bb14219f0cb679afa3a4e6cd3e42876ce751cfd2c08":
        "ours (overrides/partials/javascripts/palette.html): the palette switch, in place of "
        "Material's component and its inline script",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f":
        "Material: check the toggle that the URL hash names",
}


@dataclass
class Finding:
    """One thing the scan does not allow, on one page."""

    page: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


def normalise(code: str) -> str:
    """An inline script with its page-relative base path replaced by ``BASE``."""
    return BASE_PATH.sub(lambda m: f'{m.group(1)}"BASE"', code)


def script_hash(code: str) -> str:
    """SHA-256 of a normalised inline script."""
    return hashlib.sha256(normalise(code).encode("utf-8")).hexdigest()


def _policy(info: PageInfo) -> tuple[int, dict[str, list[str]]]:
    """Where the page's CSP meta tag is among its tags, and its directives (-1 if none)."""
    for index, (tag, attrs) in enumerate(info.tags):
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            words = [d.split() for d in (attrs.get("content") or "").split(";") if d.strip()]
            return index, {w[0]: w[1:] for w in words}
    return -1, {}


def _csp_findings(info: PageInfo) -> list[str]:
    where, policy = _policy(info)
    metas = sum(1 for tag, a in info.tags if tag == "meta" and a.get("http-equiv"))
    if where < 0 or metas != 1:
        return [f"{metas} http-equiv meta tags (expected one Content-Security-Policy)"]
    found = []
    first_script = next((i for i, (tag, _) in enumerate(info.tags) if tag == "script"), where)
    if first_script < where:
        found.append("Content-Security-Policy comes after a script")
    scripts = policy.get("script-src", [])
    found += [f"script-src allows {w}" for w in ("'unsafe-inline'", "'unsafe-eval'")
              if w in scripts]
    if policy.get("object-src") != ["'none'"]:
        found.append("Content-Security-Policy lacks object-src 'none'")
    for attrs, code in info.scripts:
        kind = (attrs.get("type") or "").lower()
        if not attrs.get("src") and kind not in DATA_TYPES and script_hash(code) in INLINE_SCRIPTS \
                and source_hash(code) not in scripts:
            found.append(f"Content-Security-Policy lacks the hash of {code.strip()[:40]!r}")
    return found


def _script_findings(page: str, info: PageInfo) -> list[str]:
    found = _csp_findings(info)
    for attrs, code in info.scripts:
        src, kind = attrs.get("src"), (attrs.get("type") or "").lower()
        if src:
            path = urlsplit(urljoin("http://site.test/" + page, src))
            if path.netloc != "site.test" or not any(
                    rx.fullmatch(path.path.lstrip("/")) for rx in SCRIPT_FILES):
                found.append(f"script not in the allowlist: {src}")
        elif kind in DATA_TYPES:
            try:
                json.loads(code)
            except ValueError:
                found.append(f"{kind} block is not valid JSON")
        elif script_hash(code) not in INLINE_SCRIPTS:
            found.append(f"inline script not in the allowlist (sha256 {script_hash(code)}): "
                         f"{code.strip()[:60]!r}")
    return found


def _tag_findings(info: PageInfo) -> list[str]:
    found = []
    for tag, attrs in info.tags:
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}> element")
        found += [f"<{tag} {name}=...> event handler" for name in attrs if name.startswith("on")]
        if "style" in attrs:
            found.append(f"<{tag} style=...> attribute")
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            if re.match(r"(javascript|data|vbscript):", value):
                found.append(f"<{tag} {name}={value[:30]!r}> unsafe URL")
    return found


def allowed_urls(content: Path, extra: tuple[str, ...] = ()) -> set[str]:
    """Every http(s) address written in ``content/`` (plus ``extra``), fragment removed."""
    urls = set(extra)
    for path in content.rglob("*.yml"):
        for url in re.findall(r"https?://[^\s\"'<>]+", path.read_text("utf-8")):
            url = url.rstrip(".,;:")
            while url[-1:] in CLOSERS and url.count(url[-1]) > url.count(CLOSERS[url[-1]]):
                url = url[:-1]  # a Markdown link's own closing bracket, not the URL's
            urls.add(url)
    return {u.split("#", 1)[0] for u in urls}


def scan(site: Path, allowed: set[str], own_origins: tuple[str, ...] = ()) -> list[Finding]:
    """Every finding in every HTML page of ``site``."""
    findings = []
    for page, info in pages(site).items():
        whats = _script_findings(page, info) + _tag_findings(info)
        for tag, attrs in info.tags:
            href = attrs.get("href") or attrs.get("src") or ""
            external = href.startswith(("http:", "https:", "//"))
            if (tag in ("a", "link", "img", "source") and external
                    and href.split("#", 1)[0] not in allowed and not href.startswith(own_origins)):
                whats.append(f"<{tag}> to an external address not in content/: {href}")
        findings += [Finding(page, what) for what in whats]
    return findings
