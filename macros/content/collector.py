"""Fewer garbage-collector passes while the engine runs.

Loading and rendering create millions of small objects that live until the build ends
(document nodes and their line marks, models, rendered fragments).  With Python's default
thresholds the collector walks them over and over: at 100 times the real content, a fifth
of the engine's time went to collections that found next to nothing to free.  Raising the
thresholds while the engine runs keeps that work to a few passes, with the same peak memory
(measured: 606 MB either way); the host's own thresholds come back afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (10_000, 10, 10)  # Python's defaults are (700, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the duration (usable as a decorator)."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
