"""Input types shared by request bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator


def _no_control_characters(value: str) -> str:
    # PostgreSQL cannot store NUL in text, and no e-mail address, name or token holds control
    # characters: refuse them as a validation error instead of failing in the database.
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("must not contain control characters")
    return value


PlainText = Annotated[str, AfterValidator(_no_control_characters)]
"""A string without control characters (passwords are exempt: they are only ever hashed)."""
