"""Typed, immutable records of what the portal API returns (shapes: docs/api.md).

Every record has ``from_json``; :class:`Profile` also has ``to_json`` so the offline cache can
store exactly what ``GET /me`` returned and read it back. A malformed body raises
``ValueError``/``KeyError``/``TypeError``; the client turns those into a ``ServerError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar

__all__ = [
    "Child",
    "Family",
    "Group",
    "Location",
    "Placement",
    "Policy",
    "PhotoConsent",
    "PortalInfo",
    "Profile",
    "Role",
    "SessionInfo",
    "Tokens",
    "User",
]

Json = Mapping[str, Any]


class Role(StrEnum):
    """What the logged-in user is to the organisation; staff and managers see groups."""

    PRIMARY_PARENT = "primary_parent"
    SECONDARY_PARENT = "secondary_parent"
    STAFF = "staff"
    MANAGER = "manager"

    @property
    def is_parent(self) -> bool:
        return self in (Role.PRIMARY_PARENT, Role.SECONDARY_PARENT)


def _date(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date, got {type(value).__name__}")
    return date.fromisoformat(value)


def _optional_date(value: Any) -> date | None:
    return None if value is None else _date(value)


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO timestamp, got {type(value).__name__}")
    moment = datetime.fromisoformat(value)
    # The API always sends an offset; a naive value would be ambiguous, so read it as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class PortalInfo:
    """What ``GET /portal`` says about the organisation behind a base URL."""

    name: str
    short_name: str
    base_url: str
    api_version: int = 1

    @classmethod
    def from_json(cls, data: Json, base_url: str) -> PortalInfo:
        return cls(
            name=_str(data["name"]),
            short_name=_str(data["short_name"]),
            base_url=base_url,
            api_version=_int(data.get("api_version", 1)),
        )


@dataclass(frozen=True)
class Tokens:
    """An access/refresh token pair. The secrets are kept out of ``repr`` (and so out of logs)."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: datetime
    session_id: str | None = None

    @classmethod
    def from_json(cls, data: Json, now: datetime | None = None) -> Tokens:
        issued = now if now is not None else datetime.now(UTC)
        session_id = data.get("session_id")
        return cls(
            access_token=_str(data["access_token"]),
            refresh_token=_str(data["refresh_token"]),
            expires_at=issued + timedelta(seconds=_int(data["expires_in"])),
            session_id=None if session_id is None else str(session_id),
        )


@dataclass(frozen=True)
class User:
    """The logged-in person."""

    id: int
    email: str
    name: str
    phone: str | None
    role: Role

    @classmethod
    def from_json(cls, data: Json) -> User:
        return cls(
            id=_int(data["id"]),
            email=_str(data["email"]),
            name=_str(data["name"]),
            phone=_optional_str(data.get("phone")),
            role=Role(data["role"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "email": self.email,
            "name": self.name,
            "phone": self.phone,
            "role": self.role.value,
        }


@dataclass(frozen=True)
class Family:
    """The family of a parent; ``primary_parent_name`` is None while no primary parent is set."""

    id: int
    name: str
    primary_parent_name: str | None

    @classmethod
    def from_json(cls, data: Json) -> Family:
        return cls(
            id=_int(data["id"]),
            name=_str(data["name"]),
            primary_parent_name=_optional_str(data.get("primary_parent_name")),
        )

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "primary_parent_name": self.primary_parent_name}


@dataclass(frozen=True)
class PhotoConsent:
    """Whether photos of the child may be shown per channel."""

    portal: bool
    website: bool
    social_media: bool

    @classmethod
    def from_json(cls, data: Json) -> PhotoConsent:
        return cls(
            portal=bool(data["portal"]),
            website=bool(data["website"]),
            social_media=bool(data["social_media"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {"portal": self.portal, "website": self.website, "social_media": self.social_media}


@dataclass(frozen=True)
class Placement:
    """A child's contract in a group; ``end_date`` None means open-ended."""

    id: int
    group_id: int
    care_type: str
    start_date: date
    end_date: date | None

    @classmethod
    def from_json(cls, data: Json) -> Placement:
        return cls(
            id=_int(data["id"]),
            group_id=_int(data["group_id"]),
            care_type=_str(data["care_type"]),
            start_date=_date(data["start_date"]),
            end_date=_optional_date(data.get("end_date")),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group_id": self.group_id,
            "care_type": self.care_type,
            "start_date": self.start_date.isoformat(),
            "end_date": None if self.end_date is None else self.end_date.isoformat(),
        }

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class Child:
    """A child of the family with its placements (contracts)."""

    id: int
    first_name: str
    last_name: str
    date_of_birth: date
    photo_consent: PhotoConsent
    placements: tuple[Placement, ...]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def from_json(cls, data: Json) -> Child:
        return cls(
            id=_int(data["id"]),
            first_name=_str(data["first_name"]),
            last_name=_str(data["last_name"]),
            date_of_birth=_date(data["date_of_birth"]),
            photo_consent=PhotoConsent.from_json(data["photo_consent"]),
            placements=tuple(Placement.from_json(p) for p in data.get("placements", ())),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "photo_consent": self.photo_consent.to_json(),
            "placements": [p.to_json() for p in self.placements],
        }


@dataclass(frozen=True)
class Group:
    """A group of children at a location (``care_type``: KDV, BSO, peuteropvang)."""

    id: int
    name: str
    care_type: str
    location_id: int

    @classmethod
    def from_json(cls, data: Json) -> Group:
        return cls(
            id=_int(data["id"]),
            name=_str(data["name"]),
            care_type=_str(data["care_type"]),
            location_id=_int(data["location_id"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "care_type": self.care_type,
            "location_id": self.location_id,
        }


@dataclass(frozen=True)
class Location:
    """A childcare location with its contact data; ``lrk_numbers`` maps care type → LRK number."""

    id: int
    name: str
    address: str
    postal_code: str
    city: str
    phone: str
    email: str
    lrk_numbers: dict[str, str] = field(hash=False)

    @classmethod
    def from_json(cls, data: Json) -> Location:
        lrk = data.get("lrk_numbers") or {}
        return cls(
            id=_int(data["id"]),
            name=_str(data["name"]),
            address=_str(data["address"]),
            postal_code=_str(data["postal_code"]),
            city=_str(data["city"]),
            phone=_str(data["phone"]),
            email=_str(data["email"]),
            lrk_numbers={_str(k): _str(v) for k, v in lrk.items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "address": self.address,
            "postal_code": self.postal_code,
            "city": self.city,
            "phone": self.phone,
            "email": self.email,
            "lrk_numbers": dict(self.lrk_numbers),
        }


@dataclass(frozen=True)
class Profile:
    """``GET /me``: who is logged in, their family, children, groups and locations."""

    user: User
    family: Family | None
    children: tuple[Child, ...]
    groups: tuple[Group, ...]
    locations: tuple[Location, ...]
    access_until: date | None = None

    @classmethod
    def from_json(cls, data: Json) -> Profile:
        family = data.get("family")
        return cls(
            user=User.from_json(data["user"]),
            family=None if family is None else Family.from_json(family),
            children=tuple(Child.from_json(c) for c in data.get("children", ())),
            groups=tuple(Group.from_json(g) for g in data.get("groups", ())),
            locations=tuple(Location.from_json(loc) for loc in data.get("locations", ())),
            access_until=_optional_date(data.get("access_until")),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user.to_json(),
            "family": None if self.family is None else self.family.to_json(),
            "children": [c.to_json() for c in self.children],
            "groups": [g.to_json() for g in self.groups],
            "locations": [loc.to_json() for loc in self.locations],
            "access_until": None if self.access_until is None else self.access_until.isoformat(),
        }

    def group(self, group_id: int) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def location(self, location_id: int) -> Location | None:
        return next((loc for loc in self.locations if loc.id == location_id), None)

    def location_of_child(self, child: Child, on: date | None = None) -> Location | None:
        """The location of the child's current placement (or the most recent one)."""
        day = on if on is not None else date.today()
        placements = sorted(child.placements, key=lambda p: p.start_date, reverse=True)
        current = [p for p in placements if p.is_active_on(day)]
        for placement in current or placements:
            group = self.group(placement.group_id)
            if group is not None:
                return self.location(group.location_id)
        return None


@dataclass(frozen=True)
class SessionInfo:
    """One logged-in device of the user (``GET /auth/sessions``)."""

    id: str
    device_name: str
    created_at: datetime
    last_used_at: datetime
    current: bool

    @classmethod
    def from_json(cls, data: Json) -> SessionInfo:
        return cls(
            id=str(data["id"]),
            device_name=_optional_str(data.get("device_name")) or "",
            created_at=_timestamp(data["created_at"]),
            last_used_at=_timestamp(data["last_used_at"]),
            current=bool(data.get("current", False)),
        )


@dataclass(frozen=True)
class Policy:
    """The organisation's policy values (``GET /policy``); unknown values land in ``other``."""

    absence_credit_notice_hours: int = 48
    undo_absence_min_days: int = 30
    absence_credit_valid_months: int = 0
    extra_day_min_days_ahead: int = 4
    extra_day_max_days_ahead: int = 90
    account_retention_months: int = 15
    diary_retention_weeks: int = 8
    inactivity_lock_minutes: int = 10
    other: dict[str, Any] = field(default_factory=dict, hash=False)

    _KNOWN: ClassVar[tuple[str, ...]] = (
        "absence_credit_notice_hours",
        "undo_absence_min_days",
        "absence_credit_valid_months",
        "extra_day_min_days_ahead",
        "extra_day_max_days_ahead",
        "account_retention_months",
        "diary_retention_weeks",
        "inactivity_lock_minutes",
    )

    @classmethod
    def from_json(cls, data: Json) -> Policy:
        known = {name: _int(data[name]) for name in cls._KNOWN if name in data}
        other = {k: v for k, v in data.items() if k not in cls._KNOWN}
        return cls(**known, other=other)

    def to_json(self) -> dict[str, Any]:
        return {**self.other, **{name: getattr(self, name) for name in self._KNOWN}}
