"""Request and response bodies of the photo endpoints (docs/api.md, "Photos")."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from server.agenda.schemas import ChildId
from server.validation import ApiDate, FreeText, PlainText

GroupId = ChildId  # a row id: 1 to 2³¹ − 1, like every id the API takes


class ActivityIn(BaseModel):
    group_id: GroupId
    date: ApiDate
    title: PlainText = Field(min_length=1, max_length=100)
    caption: FreeText | None = Field(default=None, max_length=2000)


class ActivityOut(BaseModel):
    id: int
    group_id: int
    date: date
    title: str
    caption: str | None
    photo_count: int
    # The hearts on its photos that count (docs/api.md, "Hearts"); null: hearts are off.
    heart_count: int | None = None


class ActivitiesPage(BaseModel):
    activities: list[ActivityOut]
    next_cursor: str | None


class TaggableChildOut(BaseModel):
    id: int
    first_name: str
    last_name: str
    # False: the child cannot be tagged (no portal photo consent).
    portal_consent: bool


class TaggableChildrenOut(BaseModel):
    children: list[TaggableChildOut]


class TagsIn(BaseModel):
    child_ids: list[ChildId] = Field(max_length=100)


class PhotoFileOut(BaseModel):
    media_type: str
    size: int
    sha256: str


class PhotoFilesOut(BaseModel):
    thumbnail: PhotoFileOut
    screen: PhotoFileOut
    original: PhotoFileOut


class PhotoOut(BaseModel):
    """A photo as its reader may see it: a parent gets only their own children in
    `child_ids`, staff every tagged child."""

    id: int
    activity_id: int
    activity_title: str
    caption: str | None
    date: date
    width: int
    height: int
    child_ids: list[int]
    changed_at: datetime
    files: PhotoFilesOut
    # Hearts (docs/api.md, "Hearts"): for a parent whether they marked it (`heart_count`
    # null), for staff how many parents did (`hearted` null); both null when the
    # organisation has hearts off.
    hearted: bool | None = None
    heart_count: int | None = None


class PhotosPage(BaseModel):
    photos: list[PhotoOut]
    next_cursor: str | None
    # The family's last day of photos (8 weeks after the last contract); null: no end.
    available_until: date | None = None


class HeartOut(BaseModel):
    hearted: bool
