"""The formats of personal data (server/personal_data/checks.py), as tables."""

from __future__ import annotations

import pytest

from server.personal_data import checks


@pytest.mark.parametrize(("typed", "stored"), [
    ("5611 GH", "5611 GH"), ("5611gh", "5611 GH"), (" 1011ab ", "1011 AB"), ("9999 ZZ", "9999 ZZ"),
])
def test_postcodes_that_are_dutch(typed: str, stored: str) -> None:
    assert checks.postcode(typed) == stored


@pytest.mark.parametrize("typed", ["0611 GH", "561 GH", "56111 GH", "5611 G", "5611 SA",
                                   "5611 SS", "5611 SD", "5611-GH", "GH 5611", ""])
def test_postcodes_that_are_not(typed: str) -> None:
    with pytest.raises(checks.FieldInvalid) as error:
        checks.postcode(typed)
    assert error.value.reason == "postcode"


@pytest.mark.parametrize(("typed", "stored"), [
    ("06 12345678", "+31612345678"),  # Dutch mobile
    ("06-1234 5678", "+31612345678"),
    ("040 123 45 67", "+31401234567"),  # Dutch landline
    ("020-1234567", "+31201234567"),
    ("+31 6 12345678", "+31612345678"),
    ("0031612345678", "+31612345678"),
    ("+32 470 12 34 56", "+32470123456"),  # Belgian mobile
    ("+49 30 123456", "+4930123456"),  # Berlin
])
def test_phone_numbers_are_stored_in_e164(typed: str, stored: str) -> None:
    assert checks.phone(typed) == stored


@pytest.mark.parametrize("typed", ["hallo", "12", "06 1234567", "06 123456789", "+31 6",
                                   "0000000000", "+999 123456"])
def test_garbage_is_not_a_phone_number(typed: str) -> None:
    with pytest.raises(checks.FieldInvalid) as error:
        checks.phone(typed, "value.gp_phone")
    assert (error.value.field, error.value.reason) == ("value.gp_phone", "phone")


@pytest.mark.parametrize(("typed", "stored"), [
    ("NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
    ("BE68 5390 0754 7034", "BE68539007547034"),  # foreign, in the SEPA area
    ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
])
def test_valid_ibans(typed: str, stored: str) -> None:
    assert checks.iban(typed) == stored


@pytest.mark.parametrize(("typed", "reason"), [
    ("NL91ABNA0417164301", "iban_checksum"),  # one digit off
    ("NL19ABNA0417164300", "iban_checksum"),
    ("BR1500000000000010932840814P2", "iban_not_sepa"),  # valid, but no SEPA direct debit
    ("NL91ABNA04171643", "iban"),
    ("geen iban", "iban"),
])
def test_invalid_ibans_say_why(typed: str, reason: str) -> None:
    with pytest.raises(checks.FieldInvalid) as error:
        checks.iban(typed)
    assert error.value.reason == reason


@pytest.mark.parametrize(("typed", "valid"), [("12", True), ("1", True), ("123456", True),
                                               ("0", False), ("12a", False), ("", False)])
def test_house_numbers(typed: str, valid: bool) -> None:
    if valid:
        assert checks.house_number(typed) == typed
    else:
        with pytest.raises(checks.FieldInvalid):
            checks.house_number(typed)
