"""Records of the news (docs/api.md, "News"). ``body`` is the portal's sanitised HTML subset."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.api.core.fields import Json, as_int, as_str, as_timestamp
from desktop.api.messages.records import Attachment

__all__ = ["NewsDraft", "NewsFileDraft", "NewsImage", "NewsItem", "NewsList", "Place",
           "PublishAudiences"]


@dataclass(frozen=True)
class NewsImage(Attachment):
    """An item's picture: its size in pixels lets the reader make room before it arrives."""

    width: int = 0
    height: int = 0

    @classmethod
    def from_json(cls, data: Json) -> NewsImage:
        file = Attachment.from_json(data)
        return cls(file.id, file.filename, file.media_type, file.size, file.sha256, file.url,
                   as_int(data["width"]), as_int(data["height"]))


@dataclass(frozen=True)
class NewsItem:
    id: int
    title: str
    body: str
    author_name: str
    published_at: datetime
    audience: tuple[str, ...]  # "Kinderopvang Zonnebloem", "Zonnetjes", …
    read: bool
    mine: bool
    image: NewsImage | None = None
    attachment: Attachment | None = None

    @classmethod
    def from_json(cls, data: Json) -> NewsItem:
        read, mine = data["read"], data["mine"]
        if not isinstance(read, bool) or not isinstance(mine, bool):
            raise TypeError("read and mine are booleans")
        image, attachment = data.get("image"), data.get("attachment")
        return cls(as_int(data["id"]), as_str(data["title"]), as_str(data["body"]),
                   as_str(data["author_name"]), as_timestamp(data["published_at"]),
                   tuple(as_str(n) for n in data["audience"]["names"]), read, mine,
                   None if image is None else NewsImage.from_json(image),
                   None if attachment is None else Attachment.from_json(attachment))


@dataclass(frozen=True)
class NewsList:
    items: tuple[NewsItem, ...]
    unread: int


@dataclass(frozen=True)
class Place:
    """The organisation, a location or a group one may publish for."""

    id: int
    name: str
    location_id: int | None = None  # a group's location

    @classmethod
    def from_json(cls, data: Json) -> Place:
        location = data.get("location_id")
        return cls(as_int(data["id"]), as_str(data["name"]),
                   None if location is None else as_int(location))


@dataclass(frozen=True)
class PublishAudiences:
    """What this user may publish for (``GET /news/audiences``): staff their groups; a manager
    the organisation, their locations and those locations' groups."""

    organisation: Place | None
    locations: tuple[Place, ...]
    groups: tuple[Place, ...]

    @classmethod
    def from_json(cls, data: Json) -> PublishAudiences:
        organisation = data.get("organisation")
        return cls(None if organisation is None else Place.from_json(organisation),
                   tuple(Place.from_json(p) for p in data["locations"]),
                   tuple(Place.from_json(p) for p in data["groups"]))


@dataclass(frozen=True)
class NewsFileDraft:
    """A picture or attachment chosen for an item, read when it was chosen (the original may
    move before the item is published)."""

    filename: str
    data: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class NewsDraft:
    """A news item to publish. ``body`` is HTML of the portal's subset; ``published_at`` None
    publishes now, a later moment schedules it."""

    title: str
    body: str
    organisation: bool = False
    location_ids: tuple[int, ...] = ()
    group_ids: tuple[int, ...] = ()
    published_at: datetime | None = None
    image: NewsFileDraft | None = None
    attachment: NewsFileDraft | None = None

    def to_json(self, image_id: int | None = None,
                attachment_id: int | None = None) -> dict[str, Any]:
        """The body of ``POST /news``, with the ids of the uploaded picture and attachment."""
        data: dict[str, Any] = {"title": self.title, "body": self.body, "audience": {
            "organisation": self.organisation, "location_ids": list(self.location_ids),
            "group_ids": list(self.group_ids)}}
        if self.published_at is not None:
            data["published_at"] = self.published_at.isoformat()
        if image_id is not None:
            data["image_id"] = image_id
        if attachment_id is not None:
            data["attachment_id"] = attachment_id
        return data
