"""The shapes of `/news` (docs/api.md, "News")."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from server.attachments import AttachmentOut
from server.validation import FreeText, PlainText

MAX_TITLE = 150
MAX_BODY = 20_000


class AudienceIn(BaseModel):
    organisation: bool = False
    location_ids: list[int] = Field(default_factory=list, max_length=50)
    group_ids: list[int] = Field(default_factory=list, max_length=200)


class NewsIn(BaseModel):
    title: PlainText = Field(max_length=MAX_TITLE)
    body: FreeText = Field(max_length=MAX_BODY)
    audience: AudienceIn
    # Omitted: now. A later moment schedules the item.
    published_at: AwareDatetime | None = None
    # Uploads of the caller (`POST /news-images`, `POST /news-attachments`) the item carries.
    image_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    attachment_id: int | None = Field(default=None, ge=1, le=2**31 - 1)

    @field_validator("title", "body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()


class AudienceOut(BaseModel):
    organisation: bool
    location_ids: list[int]
    group_ids: list[int]
    names: list[str]


class NewsImageOut(AttachmentOut):
    """The picture: its size in pixels lets the reader lay out the item before it arrives."""

    width: int
    height: int


class NewsOut(BaseModel):
    id: int
    title: str
    body: str
    author_name: str
    published_at: datetime
    audience: AudienceOut
    read: bool
    mine: bool
    image: NewsImageOut | None
    attachment: AttachmentOut | None


class NewsListOut(BaseModel):
    news: list[NewsOut]
    next_cursor: str | None
    unread: int


class PlaceOut(BaseModel):
    id: int
    name: str


class GroupPlaceOut(PlaceOut):
    location_id: int


class AudiencesOut(BaseModel):
    """What the caller may publish for (`GET /news/audiences`)."""

    organisation: PlaceOut | None
    locations: list[PlaceOut]
    groups: list[GroupPlaceOut]
