"""Personal data a family keeps up to date, and its change requests (docs/api.md, "Personal
data"): per parent the address, phone numbers and notification e-mail; per child the GP,
allergies and diet, medical notes, emergency contacts and the people who may collect the
child. The family's bank account is its `FamilyBilling` (server/models/finance.py)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime, str_enum


class ParentDetails(Base):
    __tablename__ = "parent_details"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    street: Mapped[str | None] = mapped_column(String(100))
    house_number: Mapped[str | None] = mapped_column(String(10))
    addition: Mapped[str | None] = mapped_column(String(10))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    # A second number (E.164, parsed with `phonenumbers`); the first is `User.phone`.
    home_phone: Mapped[str | None] = mapped_column(String(20))
    notification_email: Mapped[str | None] = mapped_column(String(254))


class ChildDetails(Base):
    __tablename__ = "child_details"

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          primary_key=True)
    gp_name: Mapped[str | None] = mapped_column(String(100))
    gp_phone: Mapped[str | None] = mapped_column(String(20))
    allergies: Mapped[str | None] = mapped_column(String(500))
    diet: Mapped[str | None] = mapped_column(String(500))
    medical_notes: Mapped[str | None] = mapped_column(String(2000))


class ContactKind(StrEnum):
    EMERGENCY = "emergency"
    COLLECTOR = "collector"


class ChildContact(Base):
    """An emergency contact of a child, or someone who may collect the child."""

    __tablename__ = "child_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[ContactKind] = mapped_column(str_enum(ContactKind, "contact_kind"))
    name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)


class ChangeField(StrEnum):
    """What a change request changes; `subject_id` says whose (a parent or a child)."""

    ADDRESS = "address"  # a parent's
    BANK = "bank"  # the family's
    MEDICAL = "medical"  # a child's GP, allergies, diet and medical notes
    EMERGENCY_CONTACTS = "emergency_contacts"  # a child's
    COLLECTORS = "collectors"  # a child's


class ChangeStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ChangeRequest(Base):
    """A change the location manager approves or rejects. One pending request per field and
    subject at a time (the partial unique index)."""

    __tablename__ = "change_request"
    __table_args__ = (
        Index("uq_change_request_pending", "family_id", "field", "subject_id", unique=True,
              sqlite_where=text("status = 'pending'"),
              postgresql_where=text("status = 'pending'")),
        Index("ix_change_request_family_created", "family_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    field: Mapped[ChangeField] = mapped_column(str_enum(ChangeField, "change_field"))
    # The parent (address) or child (the rest); 0 for the family's bank account.
    subject_id: Mapped[int]
    # JSON documents: what it was when asked, and what it becomes.
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    status: Mapped[ChangeStatus] = mapped_column(str_enum(ChangeStatus, "change_status"),
                                                 default=ChangeStatus.PENDING)
    requested_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_reason: Mapped[str | None] = mapped_column(String(500))
