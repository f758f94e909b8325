"""How personal data reads (desktop/models/personal_data.py): phone numbers as a Dutch reader
writes them, in the forms and in a change request's old → new rows (docs/api.md, "Personal
data")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.models.personal_data import change_rows, phone_text
from desktop.models.shared.records import ChangeField, ChangeRequest, ChangeStatus


@pytest.mark.parametrize(("stored", "shown"), [
    ("+31612345678", "06 12345678"),  # a mobile number: its usual grouping
    ("+31402451890", "0402451890"),  # an area code: two lengths exist, so no grouping
    ("+3161234567", "061234567"),  # one digit short of a mobile number: not grouped
    ("+3220123456", "+3220123456"),  # Belgian: stays international
    ("+31 6 1234", "+31 6 1234"),  # not E.164: shown as it came
    ("", ""),
    (None, None),
])
def test_a_phone_number_reads_in_the_national_form(stored, shown) -> None:
    assert phone_text(stored) == shown


def test_a_change_request_shows_the_numbers_in_the_national_form() -> None:
    request = ChangeRequest(
        7, "De Vries", ChangeField.EMERGENCY_CONTACTS, 1, "Emma de Vries",
        {"contacts": [{"name": "Joke", "relation": "oma", "phone": "+31611223344"}]},
        {"contacts": [{"name": "Joke", "relation": "oma", "phone": "+31402451890"}]},
        ChangeStatus.PENDING, "Sanne de Vries", datetime(2026, 11, 2, 9, tzinfo=UTC), None,
        None, None)
    assert change_rows(request) == [
        ("People", "Joke (oma), 06 11223344", "Joke (oma), 0402451890", True)]
