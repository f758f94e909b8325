"""Records of the news (docs/api.md, "News"). ``body`` is the portal's sanitised HTML subset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.api.core.fields import Json, as_int, as_str, as_timestamp

__all__ = ["NewsDraft", "NewsItem", "NewsList", "Place", "PublishAudiences"]


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

    @classmethod
    def from_json(cls, data: Json) -> NewsItem:
        read, mine = data["read"], data["mine"]
        if not isinstance(read, bool) or not isinstance(mine, bool):
            raise TypeError("read and mine are booleans")
        return cls(as_int(data["id"]), as_str(data["title"]), as_str(data["body"]),
                   as_str(data["author_name"]), as_timestamp(data["published_at"]),
                   tuple(as_str(n) for n in data["audience"]["names"]), read, mine)


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
class NewsDraft:
    """A news item to publish. ``body`` is HTML of the portal's subset; ``published_at`` None
    publishes now, a later moment schedules it."""

    title: str
    body: str
    organisation: bool = False
    location_ids: tuple[int, ...] = ()
    group_ids: tuple[int, ...] = ()
    published_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title, "body": self.body, "audience": {
            "organisation": self.organisation, "location_ids": list(self.location_ids),
            "group_ids": list(self.group_ids)}}
        if self.published_at is not None:
            data["published_at"] = self.published_at.isoformat()
        return data
