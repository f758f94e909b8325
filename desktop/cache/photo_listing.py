"""The family's photo listing as the cache keeps it: one line per photo, read in a worker.

A listing of 20,000 photos is read at every login; as one JSON document it cost ~0.8 s of the
GUI thread and a peak of dictionaries several times its size (benchmarks/photos.py). Here it
is a first line with the listing's own fields, then one compact JSON array per photo (no key
names), so that

- :func:`read_photo_listing` can run in a worker thread (its own read-only SQLite connection;
  one small ``json.loads`` per line, so the GUI thread gets the GIL back between lines);
- the strings and dates photos share (an activity's title and day, the media types) are one
  object each, not one per photo;
- writing (:func:`listing_lines`, also run in a worker) never builds the whole listing as
  dictionaries.

An older cache holds the listing as one document (``photos``): it is still read, and replaced
at the next sync.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

from desktop.api.photos.records import RENDITIONS, Photo, PhotoListing

__all__ = ["LINES_DOCUMENT", "OLD_DOCUMENT", "listing_from_lines", "listing_lines",
           "read_photo_listing"]

log = logging.getLogger(__name__)

#: The name of the listing in the cache's ``documents`` table (and the older one).
LINES_DOCUMENT = "photo-lines"
OLD_DOCUMENT = "photos"
_FORMAT = 1


def listing_lines(listing: PhotoListing) -> str:
    """``listing`` in the cache's form: a heading line, then a line per photo."""
    head = json.dumps({"format": _FORMAT, "available_until": listing.available_until.isoformat()
                       if listing.available_until else None})
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return "\n".join([head, *(dumps(_row(p)) for p in listing.photos)])


def listing_from_lines(text: str) -> PhotoListing:
    """The listing back from :func:`listing_lines` (ValueError, KeyError or TypeError for
    text that is not one)."""
    lines = text.split("\n")
    head = json.loads(lines[0])
    if not isinstance(head, dict) or head.get("format") != _FORMAT:
        raise ValueError("not a photo listing of this version")
    until = head.get("available_until")
    shared: dict[object, object] = {}
    photos = tuple(_photo(json.loads(line), shared) for line in lines[1:])
    return PhotoListing(photos, date.fromisoformat(until) if until else None)


def read_photo_listing(db_path: Path) -> PhotoListing | None:
    """The listing in the cache file ``db_path`` (None: none, or unreadable — the next sync
    brings it again), read through a connection of its own: safe in a worker thread."""
    try:
        db = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.warning("cannot read the cached photo listing: %s", exc)
        return None
    try:
        rows = dict(db.execute("SELECT name, body FROM documents WHERE name IN (?, ?)",
                               (LINES_DOCUMENT, OLD_DOCUMENT)).fetchall())
    except sqlite3.Error as exc:
        log.warning("cannot read the cached photo listing: %s", exc)
        return None
    finally:
        db.close()
    try:
        if LINES_DOCUMENT in rows:
            return listing_from_lines(rows[LINES_DOCUMENT])
        if OLD_DOCUMENT in rows:
            return PhotoListing.from_json(json.loads(rows[OLD_DOCUMENT]))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        log.warning("discarding unreadable cached photo listing: %s", exc)
    return None


def _row(photo: Photo) -> list[object]:
    return [photo.id, photo.activity_id, photo.activity_title, photo.caption,
            photo.date.isoformat(), photo.width, photo.height, list(photo.child_ids),
            photo.changed_at.isoformat(),
            [list(photo.renditions[n:n + 3]) for n in range(0, 3 * len(RENDITIONS), 3)],
            photo.hearted, photo.heart_count]


def _photo(row: list, shared: dict[object, object]) -> Photo:
    (photo_id, activity_id, title, caption, day, width, height, child_ids, changed_at, files,
     hearted, heart_count) = row
    if not (isinstance(photo_id, int) and isinstance(activity_id, int)
            and isinstance(title, str) and isinstance(width, int) and isinstance(height, int)
            and len(files) == len(RENDITIONS)):
        raise TypeError(f"not a cached photo: {row!r:.80}")
    return Photo(
        id=photo_id, activity_id=activity_id, activity_title=_one(shared, title),
        caption=_one(shared, caption), date=_one(shared, day, date.fromisoformat),
        width=width, height=height, child_ids=tuple(int(c) for c in child_ids),
        changed_at=_one(shared, changed_at, datetime.fromisoformat),
        renditions=tuple(v for f in files for v in (_one(shared, str(f[0])), int(f[1]),
                                                     str(f[2]))),
        hearted=None if hearted is None else bool(hearted),
        heart_count=None if heart_count is None else int(heart_count))


def _one(shared: dict[object, object], value: object, make: object = None) -> object:
    """One object for equal values (strings, dates) across the listing."""
    key = (make, value)
    found = shared.get(key)
    if found is None:
        found = shared[key] = value if make is None or value is None else make(value)  # type: ignore[operator]
    return found
