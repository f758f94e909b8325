""""Alle foto's opslaan": every photo's original into one folder, under readable names
(``2026-11-03 Herfstwandeling 01.jpg``, :mod:`desktop.services.photos.names`), through the one
folder-saving loop (:mod:`desktop.services.shared.save_folder`: resumable, no duplicates on a
second run, never half a photo). An original whose download was interrupted continues where
it stopped (``Range``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from desktop.api.photos.records import Photo, Rendition
from desktop.services.photos.names import numbered, readable_name
from desktop.services.shared.save_folder import SaveItem

__all__ = ["photo_items"]


def photo_items(photos: Sequence[Photo], original: Callable[[Photo], Awaitable[Path]],
                release: Callable[[Photo], None]) -> list[SaveItem]:
    """Each photo as an item to save: ``original(photo)`` gives the verified original on disk
    (downloading it), ``release(photo)`` lets it go once copied."""
    places = numbered(photos)
    return [SaveItem(readable_name(photo, places[photo.id]), "photo",
                     photo.file(Rendition.ORIGINAL).sha256,
                     lambda p=photo: original(p), lambda p=photo: release(p))
            for photo in photos]
