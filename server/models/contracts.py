"""Contracts (plaatsingsovereenkomsten): which child goes to which group on which day-parts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, str_enum
from server.models.enums import CareType, DayPart
from server.models.organisation import CareGroup


class Contract(Base):
    """A contract for one child in one group. `end_date` is the last day of care, inclusive;
    NULL means open-ended."""

    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint("weeks_per_year IN (40, 52)", name="weeks_per_year"),
        CheckConstraint("hourly_rate_cents > 0", name="hourly_rate_positive"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("care_group.id"), index=True)
    care_type: Mapped[CareType] = mapped_column(str_enum(CareType, "care_type"))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    weeks_per_year: Mapped[int] = mapped_column(default=52)
    hourly_rate_cents: Mapped[int]

    child: Mapped[Child] = relationship(back_populates="contracts")
    group: Mapped[CareGroup] = relationship()
    days: Mapped[list[ContractDay]] = relationship(
        back_populates="contract", cascade="all, delete-orphan",
        order_by="(ContractDay.weekday, ContractDay.day_part)",
    )


class ContractDay(Base):
    """One day-part of the weekly pattern; weekday 0 is Monday."""

    __tablename__ = "contract_day"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),)

    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), primary_key=True
    )
    weekday: Mapped[int] = mapped_column(primary_key=True)
    day_part: Mapped[DayPart] = mapped_column(str_enum(DayPart, "day_part"), primary_key=True)

    contract: Mapped[Contract] = relationship(back_populates="days")


from server.models.people import Child  # noqa: E402  (mutual relationship)
