"""Records of the photo API (docs/api.md, "Photos"): a family's photos with their three
renditions, and what staff need to post them (activities, the group's children).

Every rendition carries the SHA-256 of its bytes: the cached file is named by it
(``photo-<sha256>.jpg``), so a changed photo is a new file and a download never mixes two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desktop.api.core.fields import (
    Json,
    as_bool,
    as_date,
    as_int,
    as_optional_bool,
    as_optional_date,
    as_optional_int,
    as_optional_str,
    as_sha256,
    as_str,
    as_timestamp,
)

__all__ = ["RENDITIONS", "Activity", "Photo", "PhotoFile", "PhotoListing", "Rendition",
           "Renditions", "TaggableChild", "rendition_values"]


class Rendition(StrEnum):
    THUMBNAIL = "thumbnail"
    SCREEN = "screen"
    ORIGINAL = "original"


#: Every rendition, once: iterating the enum itself costs more than the rest of parsing a
#: photo, and a listing has 20,000 of them (benchmarks/photos.py).
RENDITIONS = tuple(Rendition)


@dataclass(frozen=True, slots=True)
class PhotoFile:
    """One rendition: its type, size and SHA-256."""

    media_type: str
    size: int
    sha256: str

    @property
    def extension(self) -> str:
        return "png" if self.media_type == "image/png" else "jpg"

    @property
    def blob_name(self) -> str:
        return f"photo-{self.sha256}.{self.extension}"

    @classmethod
    def from_json(cls, data: Json) -> PhotoFile:
        return cls(as_str(data["media_type"]), as_int(data["size"]), as_sha256(data["sha256"]))

    def to_json(self) -> dict[str, Any]:
        return {"media_type": self.media_type, "size": self.size, "sha256": self.sha256}


#: Where a rendition's three values start in :attr:`Photo.renditions`.
_START = {r: 3 * n for n, r in enumerate(RENDITIONS)}
#: What :attr:`Photo.renditions` holds: each rendition's media type, size and SHA-256.
Renditions = tuple[str | int, ...]


def rendition_values(files: Mapping[Rendition, PhotoFile]) -> Renditions:
    """``files`` as :attr:`Photo.renditions` keeps them."""
    return tuple(v for r in RENDITIONS for v in (files[r].media_type, files[r].size,
                                                 files[r].sha256))


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo of an activity. For a parent ``child_ids`` holds only their own children and
    ``hearted`` whether they marked it with a heart; staff get ``heart_count`` instead; both
    None when the organisation has hearts off (docs/api.md, "Hearts").

    ``renditions`` holds the three files flat — media type, size, SHA-256 of the thumbnail,
    the screen copy, the original (:func:`rendition_values`; :meth:`file` answers one): a
    tuple of strings and numbers only is not tracked by Python's cyclic garbage collector,
    so a listing of 20,000 photos adds 20,000 objects to each full collection, not 100,000
    (a dictionary and three records per photo would; docs/architecture.md, "The photo grid
    at 20,000 photos").
    """

    id: int
    activity_id: int
    activity_title: str
    caption: str | None
    date: date
    width: int
    height: int
    child_ids: tuple[int, ...]
    changed_at: datetime
    renditions: Renditions
    hearted: bool | None = None
    heart_count: int | None = None

    def file(self, rendition: Rendition) -> PhotoFile:
        start, values = _START[rendition], self.renditions
        return PhotoFile(values[start], values[start + 1], values[start + 2])  # type: ignore[arg-type]

    @property
    def files(self) -> dict[Rendition, PhotoFile]:
        return {r: self.file(r) for r in RENDITIONS}

    def url(self, rendition: Rendition) -> str:
        return f"/photos/{self.id}/{rendition.value}"

    @classmethod
    def from_json(cls, data: Json) -> Photo:
        files = data["files"]
        return cls(
            id=as_int(data["id"]), activity_id=as_int(data["activity_id"]),
            activity_title=as_str(data["activity_title"]),
            caption=as_optional_str(data.get("caption")), date=as_date(data["date"]),
            width=as_int(data["width"]), height=as_int(data["height"]),
            child_ids=tuple(as_int(c) for c in data["child_ids"]),
            changed_at=as_timestamp(data["changed_at"]),
            renditions=rendition_values({r: PhotoFile.from_json(files[r.value])
                                         for r in RENDITIONS}),
            hearted=as_optional_bool(data.get("hearted")),
            heart_count=as_optional_int(data.get("heart_count")))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "activity_id": self.activity_id,
                "activity_title": self.activity_title, "caption": self.caption,
                "date": self.date.isoformat(), "width": self.width, "height": self.height,
                "child_ids": list(self.child_ids), "changed_at": self.changed_at.isoformat(),
                "files": {r.value: f.to_json() for r, f in self.files.items()},
                "hearted": self.hearted, "heart_count": self.heart_count}


@dataclass(frozen=True)
class PhotoListing:
    """Every photo the family may see, newest first, and its last day of photos (None: no
    end yet)."""

    photos: tuple[Photo, ...]
    available_until: date | None

    @classmethod
    def from_json(cls, data: Json) -> PhotoListing:
        return cls(tuple(Photo.from_json(p) for p in data["photos"]),
                   as_optional_date(data.get("available_until")))

    def to_json(self) -> dict[str, Any]:
        return {"photos": [p.to_json() for p in self.photos],
                "available_until": self.available_until.isoformat()
                if self.available_until else None}


@dataclass(frozen=True)
class Activity:
    """An album of a group: what it did on one day."""

    id: int
    group_id: int
    date: date
    title: str
    caption: str | None
    photo_count: int
    #: The parents' hearts on its photos (None: the organisation has hearts off)
    heart_count: int | None = None

    @classmethod
    def from_json(cls, data: Json) -> Activity:
        return cls(as_int(data["id"]), as_int(data["group_id"]), as_date(data["date"]),
                   as_str(data["title"]), as_optional_str(data.get("caption")),
                   as_int(data["photo_count"]), as_optional_int(data.get("heart_count")))


@dataclass(frozen=True)
class TaggableChild:
    """A child of the activity's group; without portal consent it cannot be tagged."""

    id: int
    first_name: str
    last_name: str
    portal_consent: bool

    @classmethod
    def from_json(cls, data: Json) -> TaggableChild:
        return cls(as_int(data["id"]), as_str(data["first_name"]), as_str(data["last_name"]),
                   as_bool(data["portal_consent"]))
