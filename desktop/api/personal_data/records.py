"""Records of the personal data (docs/api.md, "Personal data"). Values of a change request stay
plain dicts of text: the views show them field by field, old beside new."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.api.core.fields import (
    Json,
    as_int,
    as_optional_date,
    as_optional_str,
    as_str,
    as_timestamp,
)

__all__ = ["Address", "BankAccount", "CareNotes", "ChangeField", "ChangeRequest",
           "ChangeStatus", "ChildData", "Contact", "Medical", "ParentData", "PersonalData"]


class ChangeField(enum.StrEnum):
    ADDRESS = "address"
    BANK = "bank"
    MEDICAL = "medical"
    EMERGENCY_CONTACTS = "emergency_contacts"
    COLLECTORS = "collectors"


class ChangeStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Address:
    street: str
    house_number: str
    addition: str | None
    postcode: str
    city: str

    @classmethod
    def from_json(cls, data: Json) -> Address:
        return cls(as_str(data["street"]), as_str(data["house_number"]),
                   as_optional_str(data.get("addition")), as_str(data["postcode"]),
                   as_str(data["city"]))

    def to_json(self) -> dict[str, Any]:
        return {"street": self.street, "house_number": self.house_number,
                "addition": self.addition, "postcode": self.postcode, "city": self.city}


@dataclass(frozen=True)
class Contact:
    name: str
    relation: str
    phone: str

    @classmethod
    def from_json(cls, data: Json) -> Contact:
        return cls(as_str(data["name"]), as_str(data["relation"]), as_str(data["phone"]))

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "relation": self.relation, "phone": self.phone}


@dataclass(frozen=True)
class Medical:
    gp_name: str | None = None
    gp_phone: str | None = None
    allergies: str | None = None
    diet: str | None = None
    medical_notes: str | None = None

    @classmethod
    def from_json(cls, data: Json) -> Medical:
        return cls(*(as_optional_str(data.get(name)) for name in
                     ("gp_name", "gp_phone", "allergies", "diet", "medical_notes")))

    def to_json(self) -> dict[str, str | None]:
        return {"gp_name": self.gp_name, "gp_phone": self.gp_phone,
                "allergies": self.allergies, "diet": self.diet,
                "medical_notes": self.medical_notes}


@dataclass(frozen=True)
class ParentData:
    user_id: int
    name: str
    role: str
    address: Address | None
    phone: str | None
    home_phone: str | None
    notification_email: str | None

    @classmethod
    def from_json(cls, data: Json) -> ParentData:
        address = data.get("address")
        return cls(as_int(data["user_id"]), as_str(data["name"]), as_str(data["role"]),
                   Address.from_json(address) if address else None,
                   as_optional_str(data.get("phone")), as_optional_str(data.get("home_phone")),
                   as_optional_str(data.get("notification_email")))


@dataclass(frozen=True)
class BankAccount:
    iban_masked: str
    account_holder: str
    mandate_signed_on: date | None

    @classmethod
    def from_json(cls, data: Json) -> BankAccount:
        return cls(as_str(data["iban_masked"]), as_str(data["account_holder"]),
                   as_optional_date(data.get("mandate_signed_on")))


@dataclass(frozen=True)
class ChildData:
    child_id: int
    name: str
    medical: Medical
    emergency_contacts: tuple[Contact, ...]
    collectors: tuple[Contact, ...]

    @classmethod
    def from_json(cls, data: Json) -> ChildData:
        return cls(as_int(data["child_id"]), as_str(data["name"]),
                   Medical.from_json(data["medical"]),
                   tuple(Contact.from_json(c) for c in data["emergency_contacts"]),
                   tuple(Contact.from_json(c) for c in data["collectors"]))


@dataclass(frozen=True)
class ChangeRequest:
    id: int
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

    @classmethod
    def from_json(cls, data: Json) -> ChangeRequest:
        return cls(
            id=as_int(data["id"]), family_name=as_str(data["family_name"]),
            field=ChangeField(data["field"]), subject_id=as_int(data["subject_id"]),
            subject_name=as_str(data["subject_name"]), old_value=dict(data["old_value"]),
            new_value=dict(data["new_value"]), status=ChangeStatus(data["status"]),
            requested_by=as_str(data["requested_by"]),
            created_at=as_timestamp(data["created_at"]),
            decided_by=as_optional_str(data.get("decided_by")),
            decided_at=as_timestamp(data["decided_at"]) if data.get("decided_at") else None,
            decision_reason=as_optional_str(data.get("decision_reason")))


@dataclass(frozen=True)
class PersonalData:
    parents: tuple[ParentData, ...]
    bank: BankAccount | None
    bank_visible: bool
    children: tuple[ChildData, ...]
    change_requests: tuple[ChangeRequest, ...] = field(default=())

    @classmethod
    def from_json(cls, data: Json) -> PersonalData:
        bank = data.get("bank")
        return cls(tuple(ParentData.from_json(p) for p in data["parents"]),
                   BankAccount.from_json(bank) if bank else None, bool(data["bank_visible"]),
                   tuple(ChildData.from_json(c) for c in data["children"]),
                   tuple(ChangeRequest.from_json(r) for r in data["change_requests"]))

    def pending(self, field_: ChangeField, subject_id: int) -> ChangeRequest | None:
        """The change of that field waiting for the location, if any."""
        return next((r for r in self.change_requests if r.field is field_
                     and r.subject_id == subject_id and r.status is ChangeStatus.PENDING), None)

    def last_rejected(self, field_: ChangeField, subject_id: int) -> ChangeRequest | None:
        """The newest decision on that field when it was a rejection (its reason is shown)."""
        decided = [r for r in self.change_requests if r.field is field_
                   and r.subject_id == subject_id and r.status is not ChangeStatus.PENDING]
        newest = max(decided, key=lambda r: (r.created_at, r.id), default=None)
        return newest if newest is not None and newest.status is ChangeStatus.REJECTED \
            else None


@dataclass(frozen=True)
class CareNotes:
    """What staff must know of a child of their groups (``GET /care-notes``)."""

    child_id: int
    first_name: str
    last_name: str
    group_ids: tuple[int, ...]
    allergies: str | None
    diet: str | None
    medical_notes: str | None
    emergency_contacts: tuple[Contact, ...]
    collectors: tuple[Contact, ...]

    @classmethod
    def from_json(cls, data: Json) -> CareNotes:
        return cls(as_int(data["child_id"]), as_str(data["first_name"]),
                   as_str(data["last_name"]), tuple(as_int(g) for g in data["group_ids"]),
                   as_optional_str(data.get("allergies")), as_optional_str(data.get("diet")),
                   as_optional_str(data.get("medical_notes")),
                   tuple(Contact.from_json(c) for c in data["emergency_contacts"]),
                   tuple(Contact.from_json(c) for c in data["collectors"]))

    @property
    def marked(self) -> bool:
        """Whether staff must see something about this child."""
        return bool(self.allergies or self.diet or self.medical_notes)
