"""Input types shared by request bodies and query parameters: what the API accepts is
refused as a 422 before it reaches a rule or a column (docs/api.md, "Input")."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator

# Every date the API takes lies in this window: far beyond any contract, and far inside what
# date arithmetic can do (9999-12-31 + one day overflows).
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
# Line breaks and tabs belong in a note; no other control character belongs in any text.
_TEXT_LAYOUT = {"\n", "\r", "\t"}


def _refuse(value: str, allowed: set[str]) -> str:
    for ch in value:
        code = ord(ch)
        if ch not in allowed and (code < 32 or 127 <= code < 160):
            # PostgreSQL cannot store NUL in text; the others are never typed on purpose.
            raise ValueError("must not contain control characters")
        if 0xD800 <= code <= 0xDFFF:
            # A lone surrogate (a JSON "\ud800" escape) has no UTF-8 form: no column or
            # hash can take it.
            raise ValueError("must not contain unpaired surrogates")
    return value


def _plain(value: str) -> str:
    return _refuse(value, set())


def _free(value: str) -> str:
    return _refuse(value, _TEXT_LAYOUT)


def _in_window(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"must be between {EARLIEST_DATE} and {LATEST_DATE}")
    return value


PlainText = Annotated[str, AfterValidator(_plain)]
"""One line without control characters: e-mail addresses, names, tokens, codes, cursors.
(Passwords are exempt: they are only ever hashed, in their UTF-8 form.)"""

FreeText = Annotated[str, AfterValidator(_free)]
"""Text a person writes (a note, a reason): line breaks and tabs, no other control
characters."""

def _email(value: str) -> str:
    # Lower-casing can lengthen a string ("İ" becomes "i̇"): the stored form must fit.
    normalised = normalise_email(_plain(value))
    if not 3 <= len(normalised) <= MAX_EMAIL:
        raise ValueError(f"must be 3 to {MAX_EMAIL} characters")
    return normalised


def normalise_email(email: str) -> str:
    """How an e-mail address is stored and compared: trimmed and lower-cased."""
    return email.strip().lower()


MAX_EMAIL = 254

EmailAddress = Annotated[str, AfterValidator(_email)]
"""An e-mail address as typed; the value is its normalised form (`normalise_email`)."""

ApiDate = Annotated[date, AfterValidator(_in_window)]
"""A date within EARLIEST_DATE..LATEST_DATE."""
