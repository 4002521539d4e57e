"""Rendering: term links once per page and never in the wrong place; citations numbered
in order of first use; content stays inert (no raw HTML, no Jinja, no unsafe links)."""

from __future__ import annotations

import re

import pytest

from macros.content.load import load_content
from macros.content.matcher import TermMatcher
from macros.render.common import references_html
from macros.render.xref.state import PageState, relative_url

from ..conftest import MINI


@pytest.fixture(scope="module")
def state() -> PageState:
    return PageState(load_content(MINI, MINI.parent).index, "sections/alpha/", "Alpha")


def fresh(state: PageState) -> PageState:
    return PageState(state.index, state.url, state.context)


def test_first_mention_is_linked_once_per_page(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("A GPU here. Another gpu there.") + page.markdown("More GPUs.")
    assert html.count('class="xref-term"') == 1
    assert '<a class="xref-term" data-term="GPU" data-tip="A chip for parallel arithmetic." ' \
        'href="../../glossary/#gpu" id="use-gpu">GPU</a> here' in html


def test_never_links_inside_headings_code_or_links(state: PageState) -> None:
    html = fresh(state).markdown(
        "### GPU heading\n\nSee `GPU` and [GPU](https://example.org) and ``export controls``.")
    assert "xref-term" not in html


def test_whole_words_and_longest_match() -> None:
    matcher = TermMatcher({"r1": "r1", "r1-zero": "zero", "gpu": "gpu", "gpus": "gpu"})
    found = [(m[2], "R1-Zero and R1, GPUs but not GPUx or xR1"[m[0]:m[1]])
             for m in matcher.finditer("R1-Zero and R1, GPUs but not GPUx or xR1")]
    assert found == [("zero", "R1-Zero"), ("r1", "R1"), ("gpu", "GPUs")]


def test_explicit_reference_with_label_and_alias(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("The [[gpu|chips]] and [[graphics processor]] again.")
    assert '>chips</a>' in html and html.count("xref-term") == 1
    assert "graphics processor again." in html.replace("</p>", "")


def test_citations_number_in_order_of_first_use_with_backrefs(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("A [@src-two]. B [@src-one; @src-two, p. 4]. C [@src-one].")
    # Inside a group, markers read in number order: "[@src-one; @src-two]" shows [1][2].
    assert re.findall(r'id="(cite-\d-\d)"', html) == ["cite-1-1", "cite-1-2", "cite-2-1", "cite-2-2"]
    assert 'data-card-locator="p. 4"' in html
    refs = references_html(page)
    assert refs.index('id="ref-1"') < refs.index('id="ref-2"')
    assert '<a href="#cite-1-2" aria-label="Back to citation 1 b (p. 4)">b</a>' in refs
    assert "Second source" in refs.split('id="ref-2"')[0]


def test_raw_html_is_escaped_not_passed_through(state: PageState) -> None:
    html = fresh(state).markdown(
        '<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> <iframe src="x">')
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_jinja_syntax_is_literal_text(state: PageState) -> None:
    assert "{{ 7*7 }}" in fresh(state).markdown("Sum: {{ 7*7 }} {% if x %}")


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "vbscript:x",
                                  "//evil.example/x", " JavaScript:alert(1)"])
def test_unsafe_links_are_neutralized_and_reported(state: PageState, href: str) -> None:
    page = fresh(state)
    html = page.markdown(f"[click](<{href}>)")
    assert 'href="#"' in html
    assert len(page.problems) == 1


@pytest.mark.parametrize(("page", "target", "expected"), [
    ("sections/a/", "glossary/#x", "../../glossary/#x"),
    ("", "glossary/", "glossary/"),
    ("glossary/", "glossary/#x", "#x"),
    ("sections/a/", "", "../../"),
])
def test_relative_urls(page: str, target: str, expected: str) -> None:
    assert relative_url(page, target) == expected
