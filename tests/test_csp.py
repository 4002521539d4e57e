"""The Content-Security-Policy in every page holds in the browser.

Every page loads with no violation; search (a web worker), the palette toggle, a link to
another page, a term popup and a citation card work under it; and an inline script planted
in a copy of the site is refused, so the policy is shown to be able to fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.publish.csp import inline_code, source_hash

from .checks import recorded
from .conftest import edit, sitemap_paths
from .serve import serve

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LISTEN = """document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolation(`${e.effectiveDirective} refused ${e.blockedURI || "inline"}`
                        + ` at ${e.sourceFile}:${e.lineNumber}`));"""


def watch_violations(page) -> list[str]:
    """Record every ``securitypolicyviolation`` event of ``page`` (all navigations)."""
    seen: list[str] = []
    page.expose_function("__cspViolation", lambda text: seen.append(text))
    page.add_init_script(LISTEN)
    return seen


def test_policy_allows_exactly_the_inline_code_of_the_pages(site: Path) -> None:
    hashes = set()
    for path in site.rglob("*.html"):
        scripts, styles = inline_code(path.read_text("utf-8"))
        hashes.update(map(source_hash, scripts + styles))
    policy = (site / "index.html").read_text("utf-8").split(
        'http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    listed = {word for word in policy.replace(";", " ").split() if word.startswith("'sha256-")}
    assert listed == hashes
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_every_page_and_the_interactions_run_without_a_violation(browser, site: Path,
                                                                 base_url: str) -> None:
    with recorded(browser, base_url, **DESKTOP) as (page, traffic):
        violations = watch_violations(page)
        for path in sitemap_paths(site):
            page.goto(base_url + path, wait_until="networkidle")
        page.goto(base_url + "no-such-page/", wait_until="networkidle")  # the 404 page
        traffic.failed.clear()
        traffic.console_errors[:] = [e for e in traffic.console_errors if "404" not in e]
        page.goto(base_url)
        page.keyboard.press("/")
        page.keyboard.type("distillation", delay=20)
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
        page.keyboard.press("Escape")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page.locator("form[data-xref-palette] label:visible").first.click()
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') != '{scheme}'")
        page.locator('.md-content a[href*="sections/"]').first.click()
        page.wait_for_url("**/sections/**")
        page.locator(".xref-body").first.wait_for()
        page.locator("a.xref-term").first.hover()
        page.locator("#xref-tip").wait_for(state="visible")
        page.mouse.move(0, 0)
        page.locator(".xref-body a.xref-cite-link").first.focus()
        page.locator("#xref-tip").wait_for(state="visible")
    assert violations == []
    assert traffic.problems() == []


def test_a_planted_inline_script_is_refused(browser, site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "planted"))
    edit(copy / "glossary" / "index.html", "</article>",
         "<script>window.__planted = true;</script></article>")
    with serve(copy) as url, recorded(browser, url, **DESKTOP) as (page, traffic):
        violations = watch_violations(page)
        page.goto(url + "glossary/", wait_until="networkidle")
        ran = page.evaluate("window.__planted === true")
    assert not ran
    assert len(violations) == 1 and violations[0].startswith("script-src-elem refused inline")
    assert any("Content Security Policy" in e for e in traffic.console_errors)
