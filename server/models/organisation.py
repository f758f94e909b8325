"""The organisation, its locations, groups, closing days and school holidays."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, str_enum
from server.models.enums import CareType, DayPart


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(64), unique=True)
    # Only the values the organisation changed; merged over server.policy.Policy's defaults.
    policy: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    locations: Mapped[list[Location]] = relationship(back_populates="organisation")


class Location(Base):
    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(16))
    city: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))

    organisation: Mapped[Organisation] = relationship(back_populates="locations")
    lrk_numbers: Mapped[list[LrkRegistration]] = relationship(
        back_populates="location", cascade="all, delete-orphan"
    )
    groups: Mapped[list[CareGroup]] = relationship(back_populates="location")


class LrkRegistration(Base):
    """A location's number in the Landelijk Register Kinderopvang, one per care type."""

    __tablename__ = "location_lrk"

    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), primary_key=True)
    care_type: Mapped[CareType] = mapped_column(str_enum(CareType, "care_type"), primary_key=True)
    lrk_number: Mapped[str] = mapped_column(String(9))

    location: Mapped[Location] = relationship(back_populates="lrk_numbers")


class CareGroup(Base):
    __tablename__ = "care_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    care_type: Mapped[CareType] = mapped_column(str_enum(CareType, "care_type"))

    location: Mapped[Location] = relationship(back_populates="groups")
    capacities: Mapped[list[GroupCapacity]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class GroupCapacity(Base):
    """How many children the group takes in one day-part (the license's limit)."""

    __tablename__ = "group_capacity"

    group_id: Mapped[int] = mapped_column(ForeignKey("care_group.id"), primary_key=True)
    day_part: Mapped[DayPart] = mapped_column(str_enum(DayPart, "day_part"), primary_key=True)
    places: Mapped[int]

    group: Mapped[CareGroup] = relationship(back_populates="capacities")


class ClosingDay(Base):
    """A day without care: organisation-wide when location_id is NULL."""

    __tablename__ = "closing_day"
    __table_args__ = (UniqueConstraint("organisation_id", "location_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    day: Mapped[date]
    reason: Mapped[str] = mapped_column(String(200))


class SchoolHoliday(Base):
    """A school holiday of the organisation's region (herfst-, kerst-, zomervakantie, ...).

    BSO runs holiday care (vakantieopvang) instead of before/after-school care in these weeks,
    and a 40-week contract has no care at all in them."""

    __tablename__ = "school_holiday"
    __table_args__ = (CheckConstraint("last_day >= first_day", name="last_after_first"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    first_day: Mapped[date]
    last_day: Mapped[date]
