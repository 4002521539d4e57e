"""On a 360 px phone the home page's first screen says what happened, when, and leads into
every part; on a section page the story starts within one and a half screens."""

from __future__ import annotations

import pytest

from macros.content.load import load_content

from .checks import recorded
from .conftest import ROOT

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "content", ROOT)
SCREEN = 780
PHONE = {"viewport": {"width": 360, "height": SCREEN}, "is_mobile": True, "has_touch": True}
BOTTOM = "(selector) => document.querySelector(selector).getBoundingClientRect().bottom"


def test_home_first_screen_has_headline_lede_period_and_every_part(browser, base_url: str) -> None:
    home = CONTENT.home
    with recorded(browser, base_url, **PHONE) as (page, traffic):
        page.goto(base_url, wait_until="networkidle")
        assert page.locator("article h1").inner_text().rstrip("¶") == (home.headline or home.title)
        for selector in ("article h1", ".xref-lede", ".xref-period"):
            assert page.evaluate(BOTTOM, selector) <= SCREEN, selector
        links = page.locator(".xref-parts a")
        assert links.count() == len(CONTENT.index.sections)
        for i, section in enumerate(CONTENT.index.sections):
            link = links.nth(i)
            assert link.get_attribute("href").endswith(f"sections/{section.id}/")
            assert link.bounding_box()["y"] + link.bounding_box()["height"] <= 1.5 * SCREEN
        assert traffic.problems() == []


@pytest.mark.parametrize("section", [s.id for s in CONTENT.index.sections])
def test_section_story_starts_within_one_and_a_half_screens(browser, base_url: str,
                                                            section: str) -> None:
    with recorded(browser, base_url, **PHONE) as (page, _):
        page.goto(base_url + f"sections/{section}/", wait_until="networkidle")
        top = page.evaluate("""() => Math.min(...[...document.querySelectorAll(
            'article .xref-summary ~ h2, article .xref-summary ~ .xref-body')]
            .map((el) => el.getBoundingClientRect().top))""")
        assert top <= 1.5 * SCREEN
