"""Extra-day requests (dag aanvragen), their day-parts and the absence credit they use."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.agenda import AbsenceCredit
from server.models.base import Base, UtcDateTime, str_enum
from server.models.enums import DayPart


class ExtraDayStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ExtraDayPayment(StrEnum):
    CREDIT = "credit"
    INVOICE = "invoice"
    MIXED = "mixed"


class ExtraDayRequest(Base):
    """One child's request for extra care on one or more day-parts, decided as a whole.

    `day_part` NULL means hele dag (ochtend + middag)."""

    __tablename__ = "extra_day_request"
    __table_args__ = (CheckConstraint("last_date >= first_date", name="last_after_first"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    first_date: Mapped[date]
    last_date: Mapped[date]
    day_part: Mapped[DayPart | None] = mapped_column(str_enum(DayPart, "day_part"))
    payment: Mapped[ExtraDayPayment] = mapped_column(
        str_enum(ExtraDayPayment, "extra_day_payment"))
    note: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[ExtraDayStatus] = mapped_column(str_enum(ExtraDayStatus, "extra_day_status"))
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_reason: Mapped[str | None] = mapped_column(String(500))

    items: Mapped[list[ExtraDayItem]] = relationship(
        back_populates="request", cascade="all, delete-orphan",
        order_by="(ExtraDayItem.date, ExtraDayItem.id)")


class ExtraDayItem(Base):
    """One day-part of a request with its cost: `invoice_cents` is what the invoice after the
    month of care bills (once approved); `credit_minutes` were paid from absence credit."""

    __tablename__ = "extra_day_item"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        CheckConstraint("credit_minutes >= 0 AND credit_minutes <= minutes",
                        name="credit_within_minutes"),
        CheckConstraint("invoice_cents >= 0", name="invoice_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("extra_day_request.id", ondelete="CASCADE"), index=True)
    date: Mapped[date]
    day_part: Mapped[DayPart] = mapped_column(str_enum(DayPart, "day_part"))
    minutes: Mapped[int]
    hourly_rate_cents: Mapped[int]
    credit_minutes: Mapped[int]
    invoice_cents: Mapped[int]
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))

    request: Mapped[ExtraDayRequest] = relationship(back_populates="items")
    credit_uses: Mapped[list[CreditUse]] = relationship(
        back_populates="item", cascade="all, delete-orphan")


class CreditUse(Base):
    """Minutes of one absence credit reserved for one item; released (not deleted) when the
    request is rejected or withdrawn, so the history stays readable."""

    __tablename__ = "credit_use"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("extra_day_item.id", ondelete="CASCADE"), index=True)
    credit_id: Mapped[int] = mapped_column(ForeignKey("absence_credit.id"), index=True)
    minutes: Mapped[int]
    released_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    item: Mapped[ExtraDayItem] = relationship(back_populates="credit_uses")
    credit: Mapped[AbsenceCredit] = relationship()
