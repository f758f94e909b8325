"""Response bodies of the profile endpoints.

The ones named after a table (`UserOut`, `ContractOut`, `GroupOut`) are read from its row with
`model_validate`: the schema is the one list of what goes on the wire."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from server.models import CareType, Role

_FROM_ROW = ConfigDict(from_attributes=True)


class UserOut(BaseModel):
    model_config = _FROM_ROW

    id: int
    email: str
    name: str
    phone: str | None
    role: Role


class FamilyOut(BaseModel):
    id: int
    name: str
    primary_parent_name: str | None


class PhotoConsentOut(BaseModel):
    portal: bool
    website: bool
    social_media: bool


class ContractOut(BaseModel):
    model_config = _FROM_ROW

    id: int
    group_id: int
    care_type: CareType
    start_date: date
    end_date: date | None


class ChildOut(BaseModel):
    id: int
    first_name: str
    last_name: str
    date_of_birth: date
    photo_consent: PhotoConsentOut
    medication_consent: bool
    contracts: list[ContractOut]


class GroupOut(BaseModel):
    model_config = _FROM_ROW

    id: int
    name: str
    care_type: CareType
    location_id: int


class LocationOut(BaseModel):
    id: int
    name: str
    address: str
    postal_code: str
    city: str
    phone: str
    email: str
    lrk_numbers: dict[str, str]


class MeResponse(BaseModel):
    user: UserOut
    family: FamilyOut | None
    children: list[ChildOut]
    groups: list[GroupOut]
    locations: list[LocationOut]
    access_until: date | None


class ClientRelease(BaseModel):
    """The newest desktop app and where to download it (server settings)."""

    version: str
    download_url: str


class PortalResponse(BaseModel):
    name: str
    short_name: str
    api_version: int
    client: ClientRelease | None = None
