"""The computer's day, asked in one place: the agenda's views and models read it here, so a
test fixes it (tests/desktop/conftest.py, ``fixed_today``) instead of depending on the day the
suite happens to run on."""

from __future__ import annotations

from datetime import date

__all__ = ["today"]


def today() -> date:
    return date.today()
