"""Records of ``GET /me``: who is logged in, their family, children, contracts, groups and
locations (shapes: docs/api.md, "Profile").

Every record has ``to_json`` so the offline cache stores exactly what the server returned and
reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from desktop.api.core.fields import Json, as_date, as_int, as_optional_date, as_optional_str, as_str

__all__ = [
    "Child",
    "Contract",
    "Family",
    "Group",
    "Location",
    "PhotoConsent",
    "Profile",
    "Role",
    "User",
]


class Role(StrEnum):
    """What the logged-in user is to the organisation; staff and managers see groups."""

    PRIMARY_PARENT = "primary_parent"
    SECONDARY_PARENT = "secondary_parent"
    STAFF = "staff"
    MANAGER = "manager"

    @property
    def is_parent(self) -> bool:
        return self in (Role.PRIMARY_PARENT, Role.SECONDARY_PARENT)


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
            id=as_int(data["id"]),
            email=as_str(data["email"]),
            name=as_str(data["name"]),
            phone=as_optional_str(data.get("phone")),
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
            id=as_int(data["id"]),
            name=as_str(data["name"]),
            primary_parent_name=as_optional_str(data.get("primary_parent_name")),
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
class Contract:
    """A child's care agreement in a group; ``end_date`` None means open-ended."""

    id: int
    group_id: int
    care_type: str
    start_date: date
    end_date: date | None

    @classmethod
    def from_json(cls, data: Json) -> Contract:
        return cls(
            id=as_int(data["id"]),
            group_id=as_int(data["group_id"]),
            care_type=as_str(data["care_type"]),
            start_date=as_date(data["start_date"]),
            end_date=as_optional_date(data.get("end_date")),
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
    """A child of the family with its contracts."""

    id: int
    first_name: str
    last_name: str
    date_of_birth: date
    photo_consent: PhotoConsent
    contracts: tuple[Contract, ...]
    medication_consent: bool = False  # staff may give medicines (docs/api.md, "Profile")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def from_json(cls, data: Json) -> Child:
        return cls(
            id=as_int(data["id"]),
            first_name=as_str(data["first_name"]),
            last_name=as_str(data["last_name"]),
            date_of_birth=as_date(data["date_of_birth"]),
            photo_consent=PhotoConsent.from_json(data["photo_consent"]),
            contracts=tuple(Contract.from_json(c) for c in data.get("contracts", ())),
            medication_consent=bool(data.get("medication_consent", False)),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "photo_consent": self.photo_consent.to_json(),
            "medication_consent": self.medication_consent,
            "contracts": [c.to_json() for c in self.contracts],
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
            id=as_int(data["id"]),
            name=as_str(data["name"]),
            care_type=as_str(data["care_type"]),
            location_id=as_int(data["location_id"]),
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
            id=as_int(data["id"]),
            name=as_str(data["name"]),
            address=as_str(data["address"]),
            postal_code=as_str(data["postal_code"]),
            city=as_str(data["city"]),
            phone=as_str(data["phone"]),
            email=as_str(data["email"]),
            lrk_numbers={as_str(k): as_str(v) for k, v in lrk.items()},
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
            access_until=as_optional_date(data.get("access_until")),
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
        """The location of the child's current contract (or the most recent one)."""
        day = on if on is not None else date.today()
        contracts = sorted(child.contracts, key=lambda c: c.start_date, reverse=True)
        current = [c for c in contracts if c.is_active_on(day)]
        for contract in current or contracts:
            group = self.group(contract.group_id)
            if group is not None:
                return self.location(group.location_id)
        return None
