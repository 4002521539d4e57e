"""The engine raises the garbage collector's thresholds while it runs, and restores them."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from macros.content.collector import THRESHOLDS, fewer_collections


@pytest.fixture(autouse=True)
def host_thresholds() -> Iterator[tuple[int, int, int]]:
    """Thresholds a host might have set, put back whatever the test does."""
    before = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_thresholds_are_raised_inside_and_restored_after(host_thresholds: tuple) -> None:
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        with fewer_collections():  # nested: load_content inside build_site
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == host_thresholds


def test_as_a_decorator_they_are_restored_after_an_error(host_thresholds: tuple) -> None:
    @fewer_collections()
    def fails() -> None:
        assert gc.get_threshold() == THRESHOLDS
        raise ValueError("content error")

    with pytest.raises(ValueError, match="content error"):
        fails()
    assert gc.get_threshold() == host_thresholds
