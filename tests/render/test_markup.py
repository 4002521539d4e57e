"""Inline markup that wraps across lines of a paragraph is read; markup that cannot be read
never reaches the page: a leftover ``[@`` or ``[[`` is an error at ``file:line:col``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.content.load import load_content
from macros.render.xref import leftover
from macros.render.xref.state import PageState

from ..conftest import MINI, content_errors, edit


@pytest.fixture(scope="module")
def state() -> PageState:
    return PageState(load_content(MINI, MINI.parent).index, "sections/alpha/", "Alpha")


def fresh(state: PageState) -> PageState:
    return PageState(state.index, state.url, state.context)


def test_citation_group_wrapped_onto_the_next_line_is_read(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("Text [@src-two;\n@src-one, p.\n4] and more.")
    assert page.problems == []
    assert "[@" not in html
    assert '<a class="xref-cite-link" href="#ref-1" id="cite-1-1">[1]</a>' in html
    assert 'data-card-locator="p. 4"' in html


def test_term_reference_wrapped_onto_the_next_line_is_read(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("The [[gpu|graphics\nchips]] run it.")
    assert page.problems == [] and ">graphics chips</a>" in html


def test_a_blank_line_ends_a_citation(state: PageState) -> None:
    page = fresh(state)
    page.markdown("Text [@src-two;\n\n@src-one] more.")
    assert [p.message for p in page.problems] == [
        "unrendered citation '[@src-two;' (write [@source-id] or [@one; @two], closed by ] in "
        "the same paragraph)"]


def test_unclosed_markup_is_an_error_at_its_line(mini: Path) -> None:
    edit(mini / "sections" / "alpha.yml", "More text about export controls [@src-two, p. 4].",
         "More text [@src-one].\n  Then [@src-one and [[gpu without end.")
    assert content_errors(mini) == [
        "content/sections/alpha.yml:9:8: body: unrendered citation '[@src-one and [[gpu without "
        "end.' "
        "(write [@source-id] or [@one; @two], closed by ] in the same paragraph)",
        "content/sections/alpha.yml:9:22: body: unrendered term reference '[[gpu without end.' "
        "(write [[term]] or [[term|shown text]], closed by ]] in the same paragraph)"]


def test_markup_in_a_plain_field_is_an_error_at_its_line(mini: Path) -> None:
    edit(mini / "timeline.yml", "title: Later event", "title: Later event [@src-one]")
    assert content_errors(mini) == [
        "content/timeline.yml:4:24: (text): unrendered citation '[@src-one]' (write [@source-id] or "
        "[@one; @two], closed by ] in the same paragraph)"]


def test_markup_in_code_is_shown_as_written(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("Write `[@source-id]` or `[[term]]`.")
    assert page.problems == [] and "<code>[@source-id]</code>" in html


def test_markers_sit_tight_after_punctuation_grouped_and_in_order(state: PageState) -> None:
    page = fresh(state)
    html = page.markdown("A [@src-two]. B [@src-one]\n[@src-two], then C [@src-two; @src-one]; D.")
    links = '<a class="xref-cite-link" href="#ref-{0}" id="cite-{0}-{1}">[{0}]</a>'
    assert html == (
        f'<p>A.<sup class="xref-cite">{links.format(1, 1)}</sup> '
        f'B,<sup class="xref-cite">{links.format(1, 2)}{links.format(2, 1)}</sup> '
        f'then C;<sup class="xref-cite">{links.format(1, 3)}{links.format(2, 2)}</sup> D.</p>')


_MARKUP = st.lists(st.sampled_from([
    "[", "@", "[@", "[[", "&#91;", "&#091;", "&#x5b;", "&#X5B", "&#64;", "&#x40;", "&lsqb;",
    "&lbrack;", "&commat;", "&#9;", "&amp;", "&#39;", "<b>", "</b>", "<code>", "</code>",
    "<pre>", "</pre>", "\n", " ", "a", "]", "&", "#", "9", "1"]), max_size=14).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_MARKUP)
def test_a_page_passed_over_unparsed_cannot_show_unrendered_markup(markup: str) -> None:
    """The page check skips a page whose markup holds neither markup nor a character
    reference that could read as it; such a page's visible text never shows ``[@``/``[[``."""
    if not leftover.may_show_open(markup):
        assert not re.search(r"\[[@\[]", leftover.visible_text(markup)), markup
    assert leftover.may_show_open("x &#91;@y") and leftover.may_show_open("a [[b")
    assert not leftover.may_show_open("<i>[</i>[ &#39;@")  # a tag breaks the pair
