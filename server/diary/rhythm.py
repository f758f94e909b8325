"""What each kind of diary entry holds, checked without the database (docs/api.md, "Group day
and diary"): the kind's own values in `details`, a time where the kind has one, and the bounds
that make an entry plausible (a temperature a child can have, a sleep that ends after it
starts). A refusal names the field, as a `validation_error` does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from server.models import EntryKind
from server.problems import Problem

MAX_TEXT = 4000  # the staff's day text; notes and short values are shorter
MAX_SHORT = 200
MIN_CELSIUS, MAX_CELSIUS = 34.0, 42.5
MAX_ML = 1000
AMOUNTS = ("alles", "veel", "half", "weinig", "niets")
DIAPERS = ("nat", "vies", "droog", "toilet")
# Parents write notes; staff write every kind (medicatie only with the family's consent).
PARENT_KINDS = frozenset({EntryKind.NOTITIE})
# The kinds without a time of day: the day's text as a whole.
UNTIMED = frozenset({EntryKind.VERSLAG})
# The kinds whose `text` is what they say (required); for the others it is optional.
TEXT_KINDS = frozenset({EntryKind.VERSLAG, EntryKind.NOTITIE, EntryKind.ACTIVITEIT})


@dataclass(frozen=True)
class EntryContent:
    """What an entry says, as written: checked by `check_content`."""

    kind: EntryKind
    at: time | None
    text: str | None
    details: dict[str, Any]


def _invalid(field: str, message: str) -> Problem:
    return Problem("validation_error", errors=[{"field": field, "message": message}])


def _short(details: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = details.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_SHORT:
        raise _invalid(f"details.{key}", f"1 to {MAX_SHORT} characters")
    return value.strip()


def _choice(details: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = details.get(key)
    if value not in choices:
        raise _invalid(f"details.{key}", "one of " + ", ".join(choices))
    return str(value)


def _clock(details: dict[str, Any], key: str) -> time:
    value = details.get(key)
    try:
        parsed = time.fromisoformat(value) if isinstance(value, str) and len(value) == 5 \
            else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise _invalid(f"details.{key}", "a time HH:MM")
    return parsed


def check_content(content: EntryContent) -> EntryContent:
    """The entry with its details in their stored form, or a `validation_error`."""
    kind, details = content.kind, content.details
    if kind in UNTIMED:
        at = None
    elif content.at is None:
        raise _invalid("time", "required for this kind")
    else:
        at = content.at
    text = content.text.strip() if content.text else None
    if kind in TEXT_KINDS and not text:
        raise _invalid("text", "required for this kind")
    limit = MAX_TEXT if kind is EntryKind.VERSLAG else MAX_SHORT * 5
    if text is not None and len(text) > limit:
        raise _invalid("text", f"at most {limit} characters")
    stored: dict[str, Any] = {}
    if kind is EntryKind.ETEN:
        stored = {"what": _short(details, "what"), "amount": _choice(details, "amount", AMOUNTS)}
    elif kind is EntryKind.DRINKEN:
        ml = details.get("ml")
        if not isinstance(ml, int) or isinstance(ml, bool) or not 1 <= ml <= MAX_ML:
            raise _invalid("details.ml", f"a whole number 1 to {MAX_ML}")
        stored = {"ml": ml}
    elif kind is EntryKind.SLAPEN:
        until = _clock(details, "until")
        if at is not None and until <= at:
            raise _invalid("details.until", "after the time the sleep began")
        stored = {"until": until.strftime("%H:%M")}
    elif kind is EntryKind.LUIER:
        stored = {"kind": _choice(details, "kind", DIAPERS)}
    elif kind is EntryKind.MEDICATIE:
        stored = {"name": _short(details, "name"), "dose": _short(details, "dose")}
    elif kind is EntryKind.TEMPERATUUR:
        celsius = details.get("celsius")
        if not isinstance(celsius, int | float) or isinstance(celsius, bool) \
                or not MIN_CELSIUS <= celsius <= MAX_CELSIUS:
            raise _invalid("details.celsius", f"{MIN_CELSIUS} to {MAX_CELSIUS} °C")
        stored = {"celsius": round(float(celsius), 1)}
    return EntryContent(kind, at, text, stored)
