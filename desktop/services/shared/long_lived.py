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
its tests.
"""

from __future__ import annotations

import gc

__all__ = ["freeze_long_lived"]


def freeze_long_lived(*_args: object) -> None:
    """Keep what is alive now out of the collector's full collections (a slot: a signal's
    arguments are ignored). Cheap: the collector's lists are joined, nothing is walked."""
    gc.freeze()
