"""How personal data and its change requests read: the label of every field, a change
request's values as (label, old, new) rows, and the title of what a request changes. Shared by
the parents' Gegevens page and the managers' Wijzigingen page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.models.shared.records import ChangeField, ChangeRequest

__all__ = ["change_rows", "change_title", "field_label", "phone_text", "value_text"]

PHONE_KEYS = frozenset({"phone", "home_phone", "gp_phone"})


def phone_text(phone: str | None) -> str | None:
    """A phone number as a Dutch reader writes it. The portal stores E.164 (docs/api.md,
    "Personal data"): ``+31612345678`` reads ``06 12345678``, ``+31402451890`` reads
    ``0402451890``; a foreign number stays international. The portal reads either form back
    as the same number."""
    if not phone or not phone.startswith("+31") or not phone[3:].isdigit():
        return phone
    national = "0" + phone[3:]
    # Only mobile numbers have one grouping everybody uses; area codes have two lengths.
    return f"06 {national[2:]}" if national.startswith("06") and len(national) == 10 \
        else national


def field_label(key: str) -> str:
    labels = {
        "street": QCoreApplication.translate("PersonalData", "Street"),
        "house_number": QCoreApplication.translate("PersonalData", "House number"),
        "addition": QCoreApplication.translate("PersonalData", "Addition"),
        "postcode": QCoreApplication.translate("PersonalData", "Postcode"),
        "city": QCoreApplication.translate("PersonalData", "City"),
        "iban": QCoreApplication.translate("PersonalData", "IBAN"),
        "account_holder": QCoreApplication.translate("PersonalData", "Account holder"),
        "mandate": QCoreApplication.translate("PersonalData", "Direct debit"),
        "gp_name": QCoreApplication.translate("PersonalData", "GP (huisarts)"),
        "gp_phone": QCoreApplication.translate("PersonalData", "GP's phone"),
        "allergies": QCoreApplication.translate("PersonalData", "Allergies"),
        "diet": QCoreApplication.translate("PersonalData", "Diet"),
        "medical_notes": QCoreApplication.translate("PersonalData", "Medical notes"),
        "contacts": QCoreApplication.translate("PersonalData", "People"),
        "phone": QCoreApplication.translate("PersonalData", "Phone"),
        "home_phone": QCoreApplication.translate("PersonalData", "Second phone"),
        "notification_email": QCoreApplication.translate("PersonalData",
                                                         "E-mail for notifications"),
        "name": QCoreApplication.translate("PersonalData", "Name"),
        "relation": QCoreApplication.translate("PersonalData", "Relation"),
    }
    return labels.get(key, key)


def value_text(key: str, value: Any) -> str:
    """One value as text: contacts one per line, yes/no for the mandate, "—" for nothing."""
    if key == "contacts":
        return "\n".join(f"{c['name']} ({c['relation']}), {phone_text(c['phone'])}"
                         for c in value or []) or "—"
    if key == "mandate":
        return (QCoreApplication.translate("PersonalData", "yes") if value
                else QCoreApplication.translate("PersonalData", "no"))
    if key in PHONE_KEYS and isinstance(value, str):
        value = phone_text(value)
    return str(value) if value not in (None, "") else "—"


def change_rows(request: ChangeRequest) -> list[tuple[str, str, str, bool]]:
    """(label, old, new, changed) for every key of the request's values."""
    keys = list(dict.fromkeys([*request.old_value, *request.new_value]))
    rows = []
    for key in keys:
        old = value_text(key, request.old_value.get(key))
        new = value_text(key, request.new_value.get(key))
        rows.append((field_label(key), old, new, old != new))
    return rows


def change_title(request: ChangeRequest) -> str:
    """What the request changes, e.g. "Collectors of Emma de Vries"."""
    name = request.subject_name
    titles = {
        ChangeField.ADDRESS: QCoreApplication.translate("PersonalData", "Address of {name}"),
        ChangeField.BANK: QCoreApplication.translate("PersonalData",
                                                     "Bank account of {name}"),
        ChangeField.MEDICAL: QCoreApplication.translate("PersonalData",
                                                        "Medical details of {name}"),
        ChangeField.EMERGENCY_CONTACTS: QCoreApplication.translate(
            "PersonalData", "Emergency contacts of {name}"),
        ChangeField.COLLECTORS: QCoreApplication.translate(
            "PersonalData", "Who may collect {name}"),
    }
    return titles[request.field].format(name=name)
