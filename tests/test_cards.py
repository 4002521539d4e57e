"""In Chromium: a citation card names the source's title, outlet and date, and links to
the source itself (its own page, or the copy it was verified through)."""

from __future__ import annotations

import pytest

from macros.content.load import load_content

from .checks import recorded
from .conftest import ROOT

pytestmark = pytest.mark.browser
SOURCES = load_content(ROOT / "content", ROOT).index.sources


def test_citation_card_links_to_the_source_itself(browser, base_url: str) -> None:
    with recorded(browser, base_url, viewport={"width": 1280, "height": 900}) as (page, traffic):
        page.goto(base_url + "sections/geopolitics/")
        marker = page.locator(".xref-body a.xref-cite-link").first
        ref = page.locator("li#" + marker.get_attribute("href").split("#")[1])
        key = ref.locator("a.xref-source-entry").get_attribute("href").split("#")[1]
        source = SOURCES[key]
        marker.hover()
        tip = page.locator("#xref-tip")
        tip.wait_for(state="visible")
        text = tip.inner_text()
        assert source.title in text and source.outlet in text
        if source.published:
            assert ref.get_attribute("data-card-meta").split(" · ")[1] in text
        link = tip.locator(".xref-tip__source a")
        assert link.get_attribute("href") == (source.url or source.via.url)
        assert link.get_attribute("rel") == "noopener"
        assert traffic.problems() == []
