"""The shapes of `/personal-data`, `/change-requests` and `/care-notes` (docs/api.md,
"Personal data"). Lengths match the columns; postcodes, phones and IBANs are checked by
server/personal_data/checks.py, so a wrong one names its field and what is wrong."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from server.models import ChangeField, ChangeStatus
from server.validation import EmailAddress, FreeText, PlainText


class Address(BaseModel):
    street: PlainText = Field(max_length=100)
    house_number: PlainText = Field(max_length=10)
    addition: PlainText | None = Field(default=None, max_length=10)
    postcode: PlainText = Field(max_length=10)
    city: PlainText = Field(max_length=100)


class Contact(BaseModel):
    name: PlainText = Field(max_length=100)
    relation: PlainText = Field(max_length=60)
    phone: PlainText = Field(max_length=30)


class Contacts(BaseModel):
    contacts: list[Contact] = Field(max_length=10)


class Medical(BaseModel):
    gp_name: PlainText | None = Field(default=None, max_length=100)
    gp_phone: PlainText | None = Field(default=None, max_length=30)
    allergies: FreeText | None = Field(default=None, max_length=500)
    diet: FreeText | None = Field(default=None, max_length=500)
    medical_notes: FreeText | None = Field(default=None, max_length=2000)


class BankIn(BaseModel):
    iban: PlainText = Field(max_length=50)
    account_holder: PlainText = Field(max_length=100)
    mandate: bool = Field(description="Pay the invoices by direct debit from this account")


class ContactDetailsIn(BaseModel):
    """What a parent changes at once, for themself; a field left out stays as it is, null
    clears it."""

    phone: PlainText | None = Field(default=None, max_length=30)
    home_phone: PlainText | None = Field(default=None, max_length=30)
    notification_email: EmailAddress | None = Field(default=None, max_length=300)


class ChangeRequestIn(BaseModel):
    field: ChangeField
    subject_id: int = Field(default=0, ge=0, le=2**31 - 1,
                            description="The parent (address) or child (medical, contacts); "
                                        "0 for the bank account")
    value: dict[str, Any] = Field(description="Address, BankIn, Medical or Contacts")


class ReasonIn(BaseModel):
    reason: FreeText = Field(min_length=1, max_length=500)


class ParentOut(BaseModel):
    user_id: int
    name: str
    role: str
    address: Address | None
    phone: str | None = Field(description="E.164, e.g. +31612345678")
    home_phone: str | None
    notification_email: str | None


class BankOut(BaseModel):
    iban_masked: str
    account_holder: str
    mandate_signed_on: date | None


class ChildDataOut(BaseModel):
    child_id: int
    name: str
    medical: Medical
    emergency_contacts: list[Contact]
    collectors: list[Contact]


class ChangeRequestOut(BaseModel):
    id: int
    family_id: int
    family_name: str
    field: ChangeField
    subject_id: int
    subject_name: str
    old_value: dict[str, Any]
    new_value: dict[str, Any]
    status: ChangeStatus
    requested_by: str
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None


class PersonalDataOut(BaseModel):
    parents: list[ParentOut]
    bank: BankOut | None = Field(description="null for the secondary parent, or none yet")
    bank_visible: bool
    children: list[ChildDataOut]
    change_requests: list[ChangeRequestOut] = Field(
        description="Pending ones, and those decided in the last 30 days")


class ChangeRequestsOut(BaseModel):
    change_requests: list[ChangeRequestOut]
    next_cursor: str | None


class CareNotesChild(BaseModel):
    child_id: int
    first_name: str
    last_name: str
    group_ids: list[int]
    allergies: str | None
    diet: str | None
    medical_notes: str | None
    emergency_contacts: list[Contact]
    collectors: list[Contact]


class CareNotesOut(BaseModel):
    children: list[CareNotesChild]
