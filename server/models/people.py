"""Users, families and children."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, UtcDateTime, str_enum
from server.models.enums import Role
from server.models.organisation import CareGroup, Location, Organisation

staff_group = Table(
    "staff_group",
    Base.metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("care_group.id", ondelete="CASCADE"), primary_key=True),
)

manager_location = Table(
    "manager_location",
    Base.metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("location_id", ForeignKey("location.id", ondelete="CASCADE"), primary_key=True),
)


class Family(Base):
    __tablename__ = "family"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))

    members: Mapped[list[User]] = relationship(back_populates="family")
    children: Mapped[list[Child]] = relationship(back_populates="family", order_by="Child.id")


class User(Base):
    """A login. The e-mail address is stored lower-cased, which makes it unique
    case-insensitively on every database without functional indexes."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    # NULL until the account is activated through the reset flow.
    password_hash: Mapped[str | None] = mapped_column(String(256))
    disabled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    organisation: Mapped[Organisation] = relationship()
    family: Mapped[Family | None] = relationship(back_populates="members")
    groups: Mapped[list[CareGroup]] = relationship(secondary=staff_group, order_by=CareGroup.id)
    managed_locations: Mapped[list[Location]] = relationship(
        secondary=manager_location, order_by=Location.id
    )


class Child(Base):
    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date]
    # Photo consent per channel; parents can withdraw each one separately.
    consent_portal: Mapped[bool] = mapped_column(default=False)
    consent_website: Mapped[bool] = mapped_column(default=False)
    consent_social_media: Mapped[bool] = mapped_column(default=False)
    # Whether staff may give (and note in the diary) medicine the family hands in.
    consent_medication: Mapped[bool] = mapped_column(default=False)

    family: Mapped[Family] = relationship(back_populates="children")
    contracts: Mapped[list[Contract]] = relationship(
        back_populates="child", order_by="Contract.start_date"
    )


from server.models.contracts import Contract  # noqa: E402  (mutual relationship)
