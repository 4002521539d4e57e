"""In Debian's Chromium through Playwright: tooltips, citation cards and the timeline
filter by mouse, keyboard and touch; phone width; no request leaves 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser-deps` (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser, base_url: str):
    """A page that records console errors, failed requests and any off-host request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log: dict[str, list[str]] = {"errors": [], "failed": [], "offhost": []}
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(r.url))
    page.on("request", lambda r: r.url.startswith(("http://", "https://")) and
            not r.url.startswith(base_url) and log["offhost"].append(r.url))
    yield page, log
    assert log == {"errors": [], "failed": [], "offhost": []}
    context.close()


def tip_text(page) -> str:
    return page.locator("#xref-tip").inner_text()


def test_term_tooltip_by_mouse_keyboard_and_escape(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + "sections/rising-star/")
    link = page.locator("a.xref-term").first
    term = link.get_attribute("data-term")
    link.hover()
    tip = page.locator("#xref-tip")
    tip.wait_for(state="visible")
    assert term in tip_text(page)
    assert link.get_attribute("aria-describedby") == "xref-tip"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.mouse.move(0, 0)
    link.focus()
    tip.wait_for(state="visible")
    assert term in tip_text(page)
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_citation_card_by_mouse_and_keyboard(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + "sections/geopolitics/")
    marker = page.locator(".xref-body a.xref-cite-link").first
    title = marker.get_attribute("data-card-title")
    marker.hover()
    page.locator("#xref-tip").wait_for(state="visible")
    assert title in tip_text(page)
    page.keyboard.press("Escape")
    page.locator("#xref-tip").wait_for(state="hidden")
    page.mouse.move(0, 0)
    marker.focus()
    page.locator("#xref-tip").wait_for(state="visible")
    assert title in tip_text(page)
    page.keyboard.press("Escape")
    page.locator("#xref-tip").wait_for(state="hidden")


def test_term_tooltip_on_touch(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "sections/rising-star/")
    link = page.locator("a.xref-term").first
    link.scroll_into_view_if_needed()
    link.tap()
    page.locator("#xref-tip").wait_for(state="visible")
    assert "/sections/rising-star/" in page.url
    box = page.locator("#xref-tip").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    link.tap()
    page.wait_for_url("**/glossary/**")
    context.close()


def test_timeline_filter_by_keyboard(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + "timeline/")
    total = page.locator("li.xref-event").count()
    button = page.locator(".xref-filter__button").first
    category = button.get_attribute("data-category")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "false"
    hidden = page.locator(f'li.xref-event[data-category="{category}"]:visible').count()
    assert hidden == 0
    shown = page.locator("li.xref-event:visible").count()
    assert 0 < shown < total
    assert f"{shown} of {total}" in page.locator(".xref-filter__status").inner_text()
    page.keyboard.press("Space")
    assert page.locator("li.xref-event:visible").count() == total


def test_timeline_is_complete_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    events = page.locator("li.xref-event")
    assert events.count() >= 25
    assert page.locator("li.xref-event:visible").count() == events.count()
    assert not page.locator(".xref-filter").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["", "sections/hype-vs-reality/", "glossary/", "timeline/",
                                  "sources/", "whos-who/"])
def test_phone_width_has_no_horizontal_scroll(browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path or 'home'} is {width}px wide"
    context.close()


def test_search_finds_a_glossary_term(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url)
    page.keyboard.press("/")
    page.keyboard.type("distillation", delay=20)
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    assert "Glossary" in page.locator(".md-search-result").inner_text()
