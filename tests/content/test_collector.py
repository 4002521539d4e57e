"""The engine pauses the garbage collector while it runs, and needs it for nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from macros.content.collector import paused_collector
from macros.render.site import build_site

from ..conftest import ROOT


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """The collector on, as a host runs it, and left as it was whatever the test does."""
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_back_on_after() -> None:
    with paused_collector():
        assert not gc.isenabled()
        with paused_collector():  # nested: load_content inside build_site
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_host_that_paused_it_keeps_it_paused() -> None:
    gc.disable()
    with paused_collector():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_as_a_decorator_it_is_back_on_after_an_error() -> None:
    @paused_collector()
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("content error")

    with pytest.raises(ValueError, match="content error"):
        fails()
    assert gc.isenabled()


def test_rendering_leaves_nothing_for_the_collector() -> None:
    """Why pausing is safe: reference counting frees everything the engine lets go of.

    The first build imports modules lazily (their own cycles); the second makes none. A
    Markdown per page, or two functions that call each other, would leave cycles here."""
    build_site(ROOT)
    gc.collect()
    with paused_collector():
        site = build_site(ROOT)
        assert site.pages
        del site
        assert gc.collect() == 0
