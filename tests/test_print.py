"""In Chromium, printed: headings never end a page, figures and diagrams are never split
and keep their captions, and references print with their URLs."""

from __future__ import annotations

import pytest

from .checks import recorded

pytestmark = pytest.mark.browser

STYLE = """([selector, property]) => [...document.querySelectorAll(selector)]
  .map((el) => getComputedStyle(el)[property])"""


def test_print_keeps_headings_figures_and_captions_together(browser, base_url: str) -> None:
    with recorded(browser, base_url) as (page, traffic):
        page.goto(base_url + "sections/geopolitics/")
        page.emulate_media(media="print")
        for selector, prop, value in [
            ("article h2", "breakAfter", "avoid"),
            ("article h1", "breakAfter", "avoid"),
            ("figure.xref-diagram", "breakInside", "avoid"),
            (".xref-diagram__caption", "breakAfter", "avoid"),
            (".xref-figures > div", "breakInside", "avoid"),
        ]:
            found = page.evaluate(STYLE, [selector, prop])
            assert found and set(found) == {value}, (selector, found)
        urls = page.evaluate("""() => [...document.querySelectorAll(
            '.xref-refs a[rel~="noopener"]')].map((a) => getComputedStyle(a, '::after').content)""")
        assert urls and all(u.startswith('" <http') for u in urls)
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        assert traffic.problems() == []
