"""The palette switch (``overrides/partials/javascripts/palette.html``) in Chromium.

It replaces Material's palette component and must behave as it did: the system's scheme on
a first visit, the reader's choice saved and shown on the next page, Enter moving to the
next palette, the theme-color and color-scheme tags following the header. And it must not
do what made it worth replacing: restyle the whole page while the page loads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import COLOR_SCHEMES, recorded
from .conftest import section_url, site_config

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# Every change of the body's palette attributes once the page's content exists: each one
# restyles the whole page (before the content, it costs almost nothing).
WATCH = """
window.__paletteChanges = [];
new MutationObserver(records => records.forEach(r => document.querySelector(".md-content")
    && window.__paletteChanges.push(r.attributeName))).observe(document, {attributes: true,
    subtree: true, attributeFilter: ["data-md-color-switching", "data-md-color-scheme",
    "data-md-color-primary", "data-md-color-accent", "data-md-color-media"]});
"""
STATE = """() => ({
  scheme: document.body.getAttribute("data-md-color-scheme"),
  shown: [...document.querySelectorAll("[data-xref-palette] label")].map(l => !l.hidden),
  themeColor: document.querySelector("meta[name=theme-color]").content,
  colorScheme: document.querySelector("meta[name=color-scheme]").content,
  header: getComputedStyle(document.querySelector("[data-md-component=header]")).backgroundColor,
})"""


def _palettes() -> list[dict]:
    palettes: list[dict] = site_config()["theme"]["palette"]
    return palettes


def _hex(rgb: str) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb[rgb.index("(") + 1:-1].split(",")[:3])


@pytest.mark.parametrize("system", list(COLOR_SCHEMES))
def test_first_visit_follows_the_system_and_a_choice_is_kept(browser, base_url: str,
                                                             system: str) -> None:
    with recorded(browser, base_url, color_scheme=system, **DESKTOP) as (page, traffic):
        page.add_init_script(WATCH)
        page.goto(base_url + section_url(), wait_until="networkidle")
        state = page.evaluate(STATE)
        assert state["scheme"] == COLOR_SCHEMES[system]
        assert state["shown"].count(True) == 1
        assert state["themeColor"] == _hex(state["header"])
        assert page.evaluate("window.__paletteChanges") == [], \
            "the palette was applied again once the page's content existed"
        page.locator("form[data-xref-palette] label:visible").click()
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        chosen = page.evaluate(STATE)
        assert chosen["scheme"] != state["scheme"]
        assert chosen["themeColor"] == _hex(chosen["header"])
        page.goto(base_url + "glossary/", wait_until="networkidle")
        assert page.evaluate(STATE)["scheme"] == chosen["scheme"]
        assert page.evaluate("window.__paletteChanges") == []
    assert traffic.problems() == []


def test_enter_moves_to_the_next_palette_and_keeps_focus(browser, base_url: str) -> None:
    palettes = _palettes()
    with recorded(browser, base_url, color_scheme="light", **DESKTOP) as (page, traffic):
        page.goto(base_url, wait_until="networkidle")
        for step in range(1, len(palettes) + 1):
            page.locator("form[data-xref-palette] input").first.focus()
            page.keyboard.press("Enter")
            expected = palettes[step % len(palettes)]
            page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') "
                                   f"=== {expected['scheme']!r}")
            focused = page.evaluate("document.activeElement.id")
            assert focused == f"__palette_{step % len(palettes)}"
    assert traffic.problems() == []


def test_no_page_mounts_materials_palette_component(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert 'data-md-component="palette"' not in text, page
        if "md-header__option" in text:
            assert "data-xref-palette" in text, page
