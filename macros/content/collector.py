"""No garbage-collector passes while the engine runs.

Loading and rendering create millions of small objects that live until the build ends
(document nodes and their line marks, models, rendered fragments), and none of them in
reference cycles: rendering the real site a second time leaves nothing for the cycle
collector to free (``tests/content/test_collector.py``), so reference counting frees all
the engine's garbage.  Each pass of the collector over those objects therefore finds
nothing; with Python's default thresholds there were 24 full passes at 100 times the real
content (a third of the engine's time), and with raised thresholds still three.  The
collector is paused while the engine runs and the host's setting comes back afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause automatic collection for the duration (usable as a decorator); nested uses
    leave it paused until the outermost ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
