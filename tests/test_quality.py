"""Quality gates on every page of the built site, and proof that each gate can fail.

Every page in the sitemap, in both palettes: it loads with no console error, no failed
request and no request off 127.0.0.1, and axe-core (WCAG 2.2 A/AA + best practice) finds
nothing.  The Nu Html Checker finds no error in any page beyond the two justified ones in
``checks.NU_ALLOWED``.  Then each gate is shown to catch a planted fault in a copy of the site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .checks import COLOR_SCHEMES, axe_violations, nu_errors, recorded
from .conftest import sitemap_paths
from .serve import serve
from .sitecrawl import broken_internal_links

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", list(COLOR_SCHEMES))
def test_every_page_loads_cleanly_and_passes_axe(browser, site: Path, base_url: str,
                                                 scheme: str) -> None:
    problems = []
    for path in sitemap_paths(site):
        with recorded(browser, base_url, color_scheme=scheme, **DESKTOP) as (page, traffic):
            page.goto(base_url + path, wait_until="networkidle")
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == COLOR_SCHEMES[scheme], f"/{path} shows palette {shown}"
            problems += [f"/{path}: {v}" for v in axe_violations(page)]
        problems += [f"/{path}: {p}" for p in traffic.problems()]
    assert problems == []


def test_every_page_fits_a_phone_in_both_palettes(browser, site: Path, base_url: str) -> None:
    wide = []
    for scheme in COLOR_SCHEMES:
        for path in sitemap_paths(site):
            with recorded(browser, base_url, color_scheme=scheme, **PHONE) as (page, traffic):
                page.goto(base_url + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 360:
                    wide.append(f"/{path} ({scheme}) is {width}px wide")
            wide += [f"/{path}: {p}" for p in traffic.problems()]
    assert wide == []


def test_every_page_is_valid_html(site: Path) -> None:
    assert nu_errors(site) == []


# --- Each gate catches a planted fault -------------------------------------------------


def plant(site: Path, tmp_path: Path, page: str, markup: str) -> Path:
    """A copy of the built site with ``markup`` inserted at the top of one page's article."""
    copy = tmp_path / "planted"
    shutil.copytree(site, copy)
    target = copy / page / "index.html"
    html = target.read_text("utf-8")
    anchor = '<article class="md-content__inner md-typeset">'
    assert anchor in html
    target.write_text(html.replace(anchor, anchor + markup, 1), "utf-8")
    return copy


def test_axe_catches_a_planted_contrast_error(browser, site: Path, tmp_path: Path) -> None:
    copy = plant(site, tmp_path, "glossary", '<p style="color:#b0b0b0">Planted pale text.</p>')
    # The page's CSP refuses inline style attributes; this test is about axe, so let it in.
    with serve(copy) as url, recorded(browser, url, bypass_csp=True, **DESKTOP) as (page, _):
        page.goto(url + "glossary/")
        found = axe_violations(page)
    assert any(v.startswith("color-contrast (serious)") for v in found), found


def test_nu_checker_catches_a_planted_invalid_element(site: Path, tmp_path: Path) -> None:
    copy = plant(site, tmp_path, "timeline", "<ul><div>Planted div in a list.</div></ul>")
    for other in copy.rglob("*.html"):
        if other != copy / "timeline" / "index.html":
            other.unlink()
    errors = nu_errors(copy)
    assert len(errors) == 1, errors
    assert errors[0].startswith("timeline/index.html:")
    assert errors[0].endswith("Element “div” not allowed as child of element “ul” in this "
                              "context. (Suppressing further errors from this subtree.)")


def test_link_crawl_catches_a_planted_broken_anchor(site: Path, tmp_path: Path) -> None:
    copy = plant(site, tmp_path, "sources",
                 '<p><a href="../glossary/#no-such-term">Planted</a></p>')
    assert broken_internal_links(copy) == ["sources/index.html -> ../glossary/#no-such-term "
                                           "(no such anchor)"]


def test_request_recorder_catches_a_planted_external_request(browser, site: Path,
                                                             tmp_path: Path) -> None:
    copy = plant(site, tmp_path, "whos-who",
                 '<img src="https://example.com/planted.png" alt="" width="1" height="1">')
    with serve(copy) as url, recorded(browser, url, **DESKTOP) as (page, traffic):
        page.goto(url + "whos-who/")
    assert "request off 127.0.0.1: https://example.com/planted.png" in traffic.problems()
