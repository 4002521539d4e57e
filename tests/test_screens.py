"""Each page type at phone and desktop width, light and dark: layout invariants, and a
screenshot of each saved to ``test-artifacts/screenshots/`` for a person to look at."""

from __future__ import annotations

import pytest

from .checks import COLOR_SCHEMES, recorded
from .conftest import ROOT, section_url
from .lhrun import PAGES

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
PAGE_TYPES = {**PAGES, "diagram": section_url("diagram"), "whos-who": "whos-who/",
              "about": "about/"}
WIDTHS = {"phone": {"viewport": {"width": 360, "height": 780}, "is_mobile": True,
                    "has_touch": True, "device_scale_factor": 2},
          "desktop": {"viewport": {"width": 1280, "height": 900}}}
# Controls that stand alone (not links inside a sentence, which WCAG 2.5.8 exempts).
CONTROLS = ("button:not([hidden]), summary, .xref-filter__button, .xref-backrefs a, "
            ".md-header__button, .md-nav__link, .xref-keydates a, .md-footer__link")
SMALL_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width > 0 && r.right > 0 && r.left < innerWidth)
  .filter(([el, r]) => r.width < 24 || r.height < 24)
  .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim()
      .slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`)"""
LINE_LENGTH = """() => {
  const p = document.querySelector('article p:not([class])') || document.querySelector('article p');
  const size = parseFloat(getComputedStyle(p).fontSize);
  return p.getBoundingClientRect().width / (0.5 * size); }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_page_types_keep_their_layout(browser, base_url: str, width: str, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for name, path in PAGE_TYPES.items():
        with recorded(browser, base_url, color_scheme=scheme, **WIDTHS[width]) as (page, traffic):
            page.goto(base_url + path, wait_until="networkidle")
            page.screenshot(path=str(SHOTS / f"{name}-{width}-{scheme}.png"))
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            if overflow > 0:
                problems.append(f"{name}: {overflow}px of horizontal overflow")
            if width == "phone":  # on desktop, axe's target-size rule applies WCAG's spacing
                small = page.evaluate(SMALL_TARGETS, CONTROLS)  # exception to mouse targets
                problems += [f"{name}: tap target under 24x24: {s}" for s in small]
            else:
                chars = page.evaluate(LINE_LENGTH)
                if chars > 95:
                    problems.append(f"{name}: about {chars:.0f} characters per line")
        problems += [f"{name}: {p}" for p in traffic.problems()]
    assert problems == []


def test_print_shows_reference_urls(browser, base_url: str) -> None:
    with recorded(browser, base_url) as (page, _):
        page.goto(base_url + section_url())
        page.emulate_media(media="print")
        after = page.evaluate("""() => getComputedStyle(document.querySelector(
            '.xref-refs a[rel~="noopener"]'), '::after').content""")
        assert after.startswith('" <http')
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") \
            == "none"


FIGURE_FIT = """(id) => {
  const fig = document.getElementById(id);
  fig.querySelectorAll('details').forEach((d) => { d.open = true; });
  fig.scrollIntoView();
  const box = fig.getBoundingClientRect();
  const svg = fig.querySelector('svg');
  const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  const sizes = svg ? [...svg.querySelectorAll('text')].map((t) => +t.getAttribute('font-size'))
    : [parseFloat(getComputedStyle(fig.querySelector('td')).fontSize)];
  const boxes = [fig, ...fig.querySelectorAll('.xref-chart__scroll')];
  return {right: box.right, overflow: Math.max(...boxes.map((b) => b.scrollWidth - b.clientWidth)),
          smallest: Math.min(...sizes) * scale};
}"""


@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_one_figure_of_each_kind_fits_a_phone(browser, base_url: str, scheme: str) -> None:
    """A screenshot of the first figure of each kind at 360 px; none is wider than the
    screen, scrolls sideways, or has text under 10 px."""
    import yaml

    figures = yaml.safe_load((ROOT / "content" / "figures.yml").read_text("utf-8"))["figures"]
    first = {f["kind"]: f for f in reversed(figures)}
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for kind, fig in sorted(first.items()):
        with recorded(browser, base_url, color_scheme=scheme, **WIDTHS["phone"]) as (page, traffic):
            page.goto(f"{base_url}sections/{fig['section']}/", wait_until="networkidle")
            fit = page.evaluate(FIGURE_FIT, f"figure-{fig['id']}")
            page.locator(f"#figure-{fig['id']}").screenshot(
                path=str(SHOTS / f"figure-{kind}-phone-{scheme}.png"))
            if fit["right"] > 360 or fit["overflow"] > 0:
                problems.append(f"{kind} ({fig['id']}): right edge {fit['right']}, "
                                f"overflow {fit['overflow']}")
            if fit["smallest"] < 10:
                problems.append(f"{kind} ({fig['id']}): text {fit['smallest']:.1f}px")
        problems += [f"{kind}: {p}" for p in traffic.problems()]
    assert problems == []
