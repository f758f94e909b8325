"""What a postcode, a phone number and an IBAN must look like, and their stored forms.

Each check returns the normalised value or raises `FieldInvalid(field, reason)`; the route
turns those into one `validation_error` naming every field and what is wrong with it (the
reasons' texts are in server/problems/catalogue.py, `FIELD_REASON_TEXT`).
"""

from __future__ import annotations

import re

import phonenumbers
from schwifty import IBAN
from schwifty.exceptions import InvalidChecksumDigits, SchwiftyException

from server.problems import Problem

# Four digits (not starting with 0) and two letters; SA, SD and SS are never used.
_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
_UNUSED_LETTERS = {"SA", "SD", "SS"}
_HOUSE_NUMBER = re.compile(r"^[1-9][0-9]{0,5}$")


class FieldInvalid(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def invalid(errors: list[FieldInvalid]) -> Problem:
    return Problem("validation_error", errors=[
        {"field": e.field, "reason": e.reason, "message": e.reason} for e in errors])


def postcode(value: str, field: str = "postcode") -> str:
    """`5611ab` → `5611 AB`."""
    match = _POSTCODE.match(value.strip().upper())
    if match is None or match.group(2) in _UNUSED_LETTERS:
        raise FieldInvalid(field, "postcode")
    return f"{match.group(1)} {match.group(2)}"


def house_number(value: str, field: str = "house_number") -> str:
    if not _HOUSE_NUMBER.match(value.strip()):
        raise FieldInvalid(field, "house_number")
    return value.strip()


def phone(value: str, field: str = "phone") -> str:
    """A Dutch (06 12345678, 040 123 45 67) or international (+32 …, 0032 …) number in
    E.164: `+31612345678`."""
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException as exc:
        raise FieldInvalid(field, "phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise FieldInvalid(field, "phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def iban(value: str, field: str = "iban") -> str:
    """The compact IBAN (`NL91ABNA0417164300`) of an account in the SEPA area."""
    try:
        checked = IBAN(value)
    except InvalidChecksumDigits as exc:
        raise FieldInvalid(field, "iban_checksum") from exc
    except SchwiftyException as exc:
        raise FieldInvalid(field, "iban") from exc
    if not checked.in_sepa_zone:
        raise FieldInvalid(field, "iban_not_sepa")
    return checked.compact


def required(value: str | None, field: str) -> str:
    if value is None or not value.strip():
        raise FieldInvalid(field, "required")
    return value.strip()
