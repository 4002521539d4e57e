"""The serve-only fragment cache: a kept fragment gives the same HTML and the same page state
as rendering it again, a fragment with a problem is never kept, and a build without the
cache renders every fragment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from macros.render.xref import fragments
from macros.render.xref.state import PageState

from ..conftest import real_index


@pytest.fixture
def cache() -> Iterator[fragments.FragmentCache]:
    kept = fragments.FragmentCache()
    fragments.remember_fragments(kept)
    yield kept
    fragments.remember_fragments(None)


def _texts() -> list[str]:
    """Two fragments from the content: a term's definition and its body, with citations."""
    term = next(t for t in real_index().terms.values() if "[@" in t.body)
    return [term.short, term.body]


def _render(texts: list[str]) -> tuple[list[str], PageState]:
    state = PageState(real_index(), "sections/example/", "Example")
    return [state.markdown(t) for t in texts], state


def _state(state: PageState) -> tuple:
    return (state.linked, state.numbers, state.backrefs, state.term_uses, state.cite_uses)


def test_a_kept_fragment_renders_and_adds_what_it_did_before(cache) -> None:
    first_html, first = _render(_texts())
    assert cache.hits == 0 and len(cache.kept) == 2
    again_html, again = _render(_texts())
    assert cache.hits == 2
    assert again_html == first_html
    assert _state(again) == _state(first)
    assert first.cite_uses and first.numbers  # the body cites, so the state did change


def test_a_fragment_with_a_problem_is_not_kept(cache) -> None:
    _, state = _render(["Cites a source that does not exist.[@no-such-source]"])
    assert state.problems
    assert cache.kept == {}
    _, state = _render(["Cites a source that does not exist.[@no-such-source]"])
    assert cache.hits == 0 and state.problems


def test_without_the_cache_every_fragment_is_rendered() -> None:
    assert fragments.active() is None
    html, state = _render(_texts())
    assert html and state.numbers
