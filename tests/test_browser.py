"""In Debian's Chromium through Playwright: term popups, citation cards and the timeline
filter by mouse, keyboard and touch; phone width; no request leaves 127.0.0.1.

The popups hold a link, so they are non-modal dialogs (ARIA Authoring Practices), and the
keyboard tests use the keyboard only: Tab to a trigger, into the popup, out, Escape."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .checks import recorded
from .conftest import real_index, section_url

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(browser, base_url: str):
    """A desktop page whose console errors, failed and off-host requests fail the test."""
    with recorded(browser, base_url, viewport={"width": 1280, "height": 900}) as (page, traffic):
        yield page, traffic
    assert traffic.problems() == []


def tip_text(page) -> str:
    return page.locator("#xref-tip").inner_text()


def test_term_tooltip_by_mouse_keyboard_and_escape(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + section_url())
    link = page.locator("a.xref-term").first
    term = link.get_attribute("data-term")
    link.hover()
    tip = page.locator("#xref-tip")
    tip.wait_for(state="visible")
    assert term in tip_text(page)
    assert link.get_attribute("aria-describedby") == "xref-tip-text"
    assert link.get_attribute("aria-expanded") == "true"
    assert tip.get_attribute("role") == "dialog"
    assert tip.get_attribute("aria-label") == f"Definition: {term}"
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
    page.goto(base_url + section_url())
    marker = page.locator(".xref-body a.xref-cite-link").first
    ref = page.locator("li#" + marker.get_attribute("href").split("#")[1])
    title = ref.get_attribute("data-card-title")
    assert title
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
    phone = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
    with recorded(browser, base_url, **phone) as (page, _):
        page.goto(base_url + section_url())
        link = page.locator("a.xref-term").first
        link.scroll_into_view_if_needed()
        link.tap()
        page.locator("#xref-tip").wait_for(state="visible")
        assert "/" + section_url() in page.url
        box = page.locator("#xref-tip").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
        link.tap()
        page.wait_for_url("**/glossary/**")


def test_timeline_filter_by_keyboard(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url + "timeline/")
    total = page.locator("li.xref-event").count()
    button = page.locator(".xref-filter__button").first
    category = button.get_attribute("data-category")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "false"
    hidden = displayed(page, f'li.xref-event[data-category="{category}"]')
    assert hidden == 0
    shown = displayed(page, "li.xref-event")
    assert 0 < shown < total
    assert f"{shown} of {total}" in page.locator(".xref-filter__status").inner_text()
    page.keyboard.press("Space")
    assert displayed(page, "li.xref-event") == total


def displayed(page, selector: str) -> int:
    """How many ``selector`` elements are displayed: not hidden, although the browser may not
    have laid them out yet (``content-visibility: auto`` skips those far from the viewport,
    which Playwright's ``:visible`` counts as invisible)."""
    return page.locator(selector).evaluate_all("(els) => els.filter((e) => e.checkVisibility()).length")


def test_timeline_is_complete_without_javascript(browser, base_url: str) -> None:
    with recorded(browser, base_url, java_script_enabled=False) as (page, _):
        page.goto(base_url + "timeline/")
        events = page.locator("li.xref-event")
        assert events.count() == len(real_index().events)
        assert displayed(page, "li.xref-event") == events.count()
        assert not page.locator(".xref-filter").is_visible()


def test_search_finds_a_glossary_term(watched, base_url: str) -> None:
    page, _ = watched
    page.goto(base_url)
    page.keyboard.press("/")
    term = next(t.term for t in real_index().terms.values() if t.term.isalpha() and len(t.term) > 5)
    page.keyboard.type(term, delay=20)
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    assert "Glossary" in page.locator(".md-search-result").inner_text()


def focused(page) -> dict:
    """What has keyboard focus: its tag, classes, href, and whether it is in the popup."""
    return page.evaluate("""() => { const a = document.activeElement;
        return {tag: a.tagName, cls: a.className, href: a.getAttribute("href"),
                inTip: !!a.closest("#xref-tip"), text: a.textContent}; }""")


def tab_to(page, css_class: str, limit: int = 400) -> dict:
    """Press Tab until a link of ``css_class`` has focus (keyboard only, as a reader would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if css_class in now["cls"].split():
            return now
    raise AssertionError(f"no .{css_class} reached in {limit} presses of Tab")


@pytest.mark.parametrize(("path", "css_class", "link_text"), [
    ("sections/rising-star/", "xref-term", "Read more in the glossary"),
    ("sections/geopolitics/", "xref-cite-link", "Go to reference"),
])
def test_popup_by_keyboard_only(watched, base_url: str, path: str, css_class: str,
                                link_text: str) -> None:
    page, _ = watched
    page.goto(base_url + path)
    trigger = tab_to(page, css_class)
    page.evaluate("document.activeElement.setAttribute('data-test-trigger', '')")  # to watch it
    expanded = page.locator("[data-test-trigger]")
    tip = page.locator("#xref-tip")
    tip.wait_for(state="visible")
    # The popup's links in order: a citation card may lead with the source itself; its last
    # link always goes where the trigger goes.
    links = page.evaluate("Array.from(document.querySelectorAll('#xref-tip a[href]'),"
                          " a => a.getAttribute('href'))")
    assert links and links[-1] == trigger["href"]
    assert all(h.startswith("https://") for h in links[:-1])

    def tab(times: int, key: str = "Tab") -> None:
        for _ in range(times):
            page.keyboard.press(key)

    tab(len(links))  # into the popup and through its links, onto the last
    inside = focused(page)
    assert inside["inTip"] and inside["href"] == trigger["href"]
    assert inside["text"].startswith(link_text)
    tab(len(links), "Shift+Tab")  # back to the trigger, popup still open
    assert focused(page) == trigger and tip.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")  # closes, focus back on the trigger
    tip.wait_for(state="hidden")
    assert focused(page) == trigger
    page.keyboard.press("Tab")  # closed by Escape: Tab goes on past the trigger
    after = focused(page)
    assert after != trigger and not after["inTip"]
    assert expanded.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Shift+Tab")  # back to the trigger: its popup opens again
    tip.wait_for(state="visible")
    assert expanded.get_attribute("aria-expanded") == "true"
    tab(len(links) + 1)  # past the popup's last link: on to what follows the trigger
    assert focused(page) == after and expanded.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Shift+Tab")
    tip.wait_for(state="visible")
    tab(len(links))
    target = urljoin(page.url, trigger["href"]).split("#", 1)
    page.keyboard.press("Enter")  # follow the popup's link
    page.wait_for_url(f"{target[0]}*")
    if len(target) > 1:
        assert page.url.endswith("#" + target[1])
