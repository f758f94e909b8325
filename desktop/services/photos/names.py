"""The names photos are saved under: ``2026-11-03 Herfstwandeling 01.jpg`` — the day, the
activity and the photo's place in it, so a folder of saved photos sorts by day and reads like
an album."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.api.photos.records import Photo, Rendition
from desktop.services.shared.files import file_name_part

__all__ = ["numbered", "readable_name"]


def readable_name(photo: Photo, number: int) -> str:
    title = file_name_part(photo.activity_title) or str(photo.activity_id)
    extension = photo.file(Rendition.ORIGINAL).extension
    return f"{photo.date.isoformat()} {title} {number:02d}.{extension}"


def numbered(photos: Iterable[Photo]) -> dict[int, int]:
    """Each photo's place (1, 2, …) within its activity, in the listing's order."""
    counts: dict[int, int] = {}
    places: dict[int, int] = {}
    for photo in photos:
        counts[photo.activity_id] = counts.get(photo.activity_id, 0) + 1
        places[photo.id] = counts[photo.activity_id]
    return places
