"""In Chromium: a jump to a heading or an entry lands on it, just below the sticky header,
on a phone and a desktop, although long pages lay out off-screen entries only on demand."""

from __future__ import annotations

import pytest

from .checks import recorded

pytestmark = pytest.mark.browser

WIDTHS = {"phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True,
                    "has_touch": True},
          "desktop": {"viewport": {"width": 1280, "height": 900}}}
# How far below the header's bottom edge a target may rest: Material's scroll margin
# (3.6rem) less the header's height leaves about 24 px; a miss is hundreds.
BELOW_HEADER = (0, 40)
OFFSET = """(id) => document.getElementById(id).getBoundingClientRect().top
  - document.querySelector('.md-header').getBoundingClientRect().bottom"""


def landing(page, ident: str) -> float:
    """Where ``ident`` rests below the header once it has stopped moving (fails if it never does)."""
    last = None
    for _ in range(40):  # polled from here: page functions do not run without JavaScript
        now = page.evaluate(OFFSET, ident)
        if now == last:
            return now
        last = now
        page.wait_for_timeout(400)
    raise AssertionError(f"#{ident} was still moving after 16 s (last {last:.0f} px)")


def jump_offsets(browser, base_url: str, path: str, width: str, every: int = 1,
                 **options: object) -> dict:
    """For each ``every``-th link of the page's jump bar, on a freshly loaded page: where
    its target lands."""
    offsets = {}
    with recorded(browser, base_url, **WIDTHS[width], **options) as (page, traffic):
        page.goto(base_url + path, wait_until="networkidle")
        hrefs = page.locator(".xref-jumpbar a").evaluate_all("(a) => a.map((x) => x.hash)")
        assert hrefs
        for number, href in enumerate(hrefs[::every]):
            if number:
                page.goto(base_url + path, wait_until="load")
            link = page.locator(f'.xref-jumpbar a[href$="{href}"]')
            link.tap() if width == "phone" else link.click()
            offsets[href] = landing(page, href[1:])
        assert traffic.problems() == []
    return offsets


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_year_jumps_land_on_their_headings(browser, base_url: str, width: str) -> None:
    offsets = jump_offsets(browser, base_url, "timeline/", width)
    assert {h: o for h, o in offsets.items() if not BELOW_HEADER[0] <= o <= BELOW_HEADER[1]} == {}


def test_timeline_year_jumps_land_without_javascript(browser, base_url: str) -> None:
    offsets = jump_offsets(browser, base_url, "timeline/", "desktop", java_script_enabled=False)
    assert {h: o for h, o in offsets.items() if not BELOW_HEADER[0] <= o <= BELOW_HEADER[1]} == {}


def test_glossary_letter_jumps_land_on_their_headings(browser, base_url: str) -> None:
    offsets = jump_offsets(browser, base_url, "glossary/", "phone", every=3)
    assert {h: o for h, o in offsets.items() if not BELOW_HEADER[0] <= o <= BELOW_HEADER[1]} == {}


def test_a_link_from_another_page_lands_on_the_entry(browser, base_url: str) -> None:
    with recorded(browser, base_url, **WIDTHS["phone"]) as (page, traffic):
        page.goto(base_url + "glossary/", wait_until="networkidle")
        last = page.locator(".xref-glossary dt[id]").last.get_attribute("id")
        page.goto(base_url + "sources/", wait_until="networkidle")
        page.goto(base_url + f"glossary/#{last}", wait_until="networkidle")
        assert BELOW_HEADER[0] <= landing(page, last) <= BELOW_HEADER[1]
        assert traffic.problems() == []


def test_a_link_to_a_reference_lands_on_it(browser, base_url: str) -> None:
    # Reference lists, like the entries, are laid out only as they near the viewport.
    with recorded(browser, base_url, **WIDTHS["phone"]) as (page, traffic):
        page.goto(base_url + "glossary/", wait_until="networkidle")
        refs = page.locator(".xref-refs > li[id]").evaluate_all("(l) => l.map((x) => x.id)")
        middle = refs[len(refs) // 2]
        page.goto(base_url + "sources/", wait_until="networkidle")
        page.goto(base_url + f"glossary/#{middle}", wait_until="networkidle")
        assert BELOW_HEADER[0] <= landing(page, middle) <= BELOW_HEADER[1]
        assert traffic.problems() == []
