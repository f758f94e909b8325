"""Putting a prepared photo into the blob store and its rows into the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore
from server.models import Activity, Photo, PhotoFile, PhotoTag
from server.photos.images import Encoded, Prepared


def blob_key(file: Encoded) -> str:
    """Content-addressed: the same bytes are one blob, a new version is a new key."""
    return f"photos/{file.sha256[:2]}/{file.sha256}.{file.extension}"


async def store_photo(db: AsyncSession, blobs: BlobStore, activity: Activity,
                      prepared: Prepared, child_ids: list[int], uploaded_by: int,
                      now: datetime) -> Photo:
    """The photo's rows (not committed) after its renditions are in the blob store. (A blob
    whose rows never commit stays in the store unnamed: nothing serves it.)"""
    stored = [(file, await blobs.put(blob_key(file), file.data)) for file in prepared.files]
    photo = Photo(activity_id=activity.id, width=prepared.width, height=prepared.height,
                  uploaded_by=uploaded_by, uploaded_at=now, changed_at=now)
    db.add(photo)
    await db.flush()
    db.add_all(PhotoFile(photo_id=photo.id, rendition=file.rendition, blob_key=info.key,
                         media_type=file.media_type, size=info.size, sha256=info.sha256)
               for file, info in stored)
    db.add_all(PhotoTag(photo_id=photo.id, child_id=c) for c in child_ids)
    return photo
