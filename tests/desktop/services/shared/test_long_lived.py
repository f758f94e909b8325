"""The collector stays still while long-lived records are built, and is back afterwards —
also when two workers build at once, and never switched on where it was off."""

from __future__ import annotations

import gc

from desktop.services.shared.long_lived import collections_paused


def test_the_collector_is_back_after_the_last_of_two_pauses() -> None:
    with collections_paused():
        with collections_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
