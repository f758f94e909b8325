"""Absences (afmeldingen) and the absence credit they earn."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, UtcDateTime, str_enum
from server.models.enums import AbsenceReason, DayPart


class Absence(Base):
    """A parent reported that a child will not come on one planned day-part.

    Cancelling keeps the row (the request overview shows it) and sets `cancelled_at`."""

    __tablename__ = "absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    day: Mapped[date]
    day_part: Mapped[DayPart] = mapped_column(str_enum(DayPart, "day_part"))
    reason: Mapped[AbsenceReason] = mapped_column(str_enum(AbsenceReason, "absence_reason"))
    note: Mapped[str | None] = mapped_column(String(500))
    reported_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    credit: Mapped[AbsenceCredit | None] = relationship(back_populates="absence")


class AbsenceCredit(Base):
    """Hours of care (kept in minutes) an early absence earned; usable until `expires_on`."""

    __tablename__ = "absence_credit"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    absence_id: Mapped[int] = mapped_column(ForeignKey("absence.id"), unique=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    minutes: Mapped[int]
    earned_on: Mapped[date]
    expires_on: Mapped[date]
    # Set when the absence is cancelled: the credit no longer exists for the family.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    absence: Mapped[Absence] = relationship(back_populates="credit")
