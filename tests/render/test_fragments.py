"""The serve-only fragment cache: a kept fragment gives the same HTML and the same page state
as rendering it again, a fragment with a problem is never kept, and a build without the
cache renders every fragment."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.content.load import load_content
from macros.render.site import Site, render_site
from macros.render.xref import fragments
from macros.render.xref.state import PageState

from ..conftest import ROOT, real_index

GENERATOR = ROOT / "tests" / "fixtures" / "generator"


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


class _Checked(fragments.FragmentCache):
    """The cache, checking that a key never stands for two different states of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.states: dict[bytes, str] = {}

    def key(self, state: PageState, text: str, inline: bool, autolink: bool) -> bytes:
        key = super().key(state, text, inline, autolink)
        whole = repr((text, inline, autolink, state.url, state.context, tuple(state.linked),
                      tuple(state.numbers.items()),
                      tuple((k, len(v)) for k, v in state.backrefs.items())))
        assert self.states.setdefault(key, whole) == whole
        return key


def _edited_project(root: Path, to: Path) -> Path:
    """A copy of ``root``'s content with every section retitled (labels change on most
    pages), and in each section the first citation or the first explicit term link taken
    out, so that the numbers or the links of all that follows on the page change."""
    shutil.copytree(root / "content", to / "content")
    for n, section in enumerate(sorted((to / "content" / "sections").glob("*.yml"))):
        text = section.read_text("utf-8")
        text = re.sub(r"(?m)^title:.*$", f'title: "Retitled section {n}"', text, count=1)
        if n % 2:  # apart, so that neither change hides the other from a key
            text = re.sub(r"\[\[[^\]]*\]\]", "it", text, count=1)
        else:
            text = re.sub(r"\[@[^\]]+\]", "", text, count=1)
        section.write_text(text, "utf-8")
    return to


def _pages(site: Site) -> dict[str, str]:
    return {spec.key: site.pages[spec.key] for spec in site.specs}


@pytest.mark.parametrize("root", [ROOT, GENERATOR], ids=["real", "generator"])
def test_keys_stand_for_the_whole_page_state_and_a_rebuild_equals_a_clean_one(
        root: Path, tmp_path: Path) -> None:
    """Each key is checked against the whole state it stands for, through a first build, an
    unchanged rebuild (every fragment kept) and a rebuild after edits that relabel links on
    most pages and renumber what follows them, which must equal a build of the edited
    project without the cache."""
    edited = _edited_project(root, tmp_path)
    clean = _pages(render_site(load_content(edited / "content", edited)))
    cache = _Checked()
    fragments.remember_fragments(cache)
    try:
        render_site(load_content(root / "content", root))
        cache.sweep()
        made = len(cache.kept)
        again = render_site(load_content(root / "content", root))
        assert cache.hits == made > 0
        cache.sweep()
        hits = cache.hits
        rebuilt = render_site(load_content(edited / "content", edited))
    finally:
        fragments.remember_fragments(None)
    assert _pages(again) == _pages(render_site(load_content(root / "content", root)))
    assert _pages(rebuilt) == clean
    assert 0 < cache.hits - hits < made
