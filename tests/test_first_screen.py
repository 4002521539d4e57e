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


@pytest.mark.parametrize(("width", "shown"), [(1280, "wide"), (360, "narrow")])
def test_flow_diagram_reads_across_on_a_desktop_and_down_on_a_phone(browser, base_url: str,
                                                                    width: int, shown: str) -> None:
    flows = [(s.id, d.id) for s in CONTENT.index.sections for d in s.diagrams if d.kind == "flow"]
    assert flows
    with recorded(browser, base_url, viewport={"width": width, "height": 900}) as (page, _):
        for section, ident in flows:
            page.goto(base_url + f"sections/{section}/")
            svgs = page.locator(f"#diagram-{ident} > svg")
            visible = [svgs.nth(i).get_attribute("class") for i in range(svgs.count())
                       if svgs.nth(i).is_visible()]
            wide = [c for c in visible if "xref-diagram__svg--wide" in c]
            assert len(visible) == 1 and bool(wide) == (shown == "wide"), (section, visible)
