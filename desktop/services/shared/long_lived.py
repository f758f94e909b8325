"""Long-lived records kept out of the garbage collector's full collections.

The photo listing of a family with 20,000 photos is some 100,000 objects (each photo, its
files, their tuples) that live until the next sync. A full (generation 2) collection walks
every one of them while holding the GIL, whichever thread triggered it: on the GUI thread a
stall of about a hundred milliseconds, in the middle of scrolling the grid
(benchmarks/photos.py, "full GC collections"). ``gc.freeze()`` moves everything alive now
into the permanent generation, which collections skip; the listing's records hold no
reference cycles, so reference counting still frees them when a new listing replaces them.

Only the app's own process does this (``AppOptions.freeze_long_lived``, set by
:func:`desktop.app.run`): what a test process freezes would stay uncollected for the rest of
its tests. :func:`collections_paused` keeps the collector still while such records are built.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collections_paused", "freeze_long_lived"]


def freeze_long_lived(*_args: object) -> None:
    """Keep what is alive now out of the collector's full collections (a slot: a signal's
    arguments are ignored). Cheap: the collector's lists are joined, nothing is walked."""
    gc.freeze()


class _Pauses:
    """How many pauses are under way, and whether the collector was on before the first."""

    lock = threading.Lock()
    count = 0
    was_on = True


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """No collection while building long-lived records (a worker reading 20,000 photos):
    what it builds makes no garbage cycles, and each collection it set off walked the
    growing listing holding the GIL — a GUI-thread stall of 100 ms (benchmarks/photos.py).
    Process-wide, so counted: the collector is back once the last pause ends (and only if it
    was on)."""
    with _Pauses.lock:
        if _Pauses.count == 0:
            _Pauses.was_on = gc.isenabled()
            gc.disable()
        _Pauses.count += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.count -= 1
            if _Pauses.count == 0 and _Pauses.was_on:
                gc.enable()
