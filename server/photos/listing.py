"""Photos as the API lists them: one query for the page, one for the renditions, one for
the tags the reader may see, one for the hearts (docs/architecture.md, "Queries per
request")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Activity, Photo, PhotoFile, PhotoTag, Rendition
from server.paging import ASC, DESC, Keyset
from server.photos.hearts import HeartView, heart_values
from server.photos.schemas import PhotoFileOut, PhotoFilesOut, PhotoOut

# Newest day first, an activity's photos in the order they were uploaded.
PHOTOS = Keyset("photos", (Activity.day, DESC), (Activity.id, DESC), (Photo.id, ASC))


def sort_key(row: Any) -> tuple[Any, ...]:
    photo, activity = row
    return activity.day, activity.id, photo.id


async def photo_outs(db: AsyncSession, rows: list[Any], hearts: HeartView | None,
                     tags: Any | None = None) -> list[PhotoOut]:
    """`rows` of (Photo, Activity) as PhotoOut; `tags` selects (photo id, child id) the
    reader may see (None: every tag, for staff); `hearts` what the reader sees of the hearts
    (None: the organisation has them off)."""
    ids = [photo.id for photo, _ in rows]
    files: dict[int, dict[Rendition, PhotoFileOut]] = {i: {} for i in ids}
    for file in await db.scalars(select(PhotoFile).where(PhotoFile.photo_id.in_(ids))):
        files[file.photo_id][file.rendition] = PhotoFileOut(
            media_type=file.media_type, size=file.size, sha256=file.sha256)
    tagged: dict[int, list[int]] = {i: [] for i in ids}
    query = tags if tags is not None else select(PhotoTag.photo_id, PhotoTag.child_id).where(
        PhotoTag.photo_id.in_(ids))
    for photo_id, child_id in (await db.execute(query)).all():
        tagged[photo_id].append(child_id)
    marked = await heart_values(db, hearts, ids) if hearts is not None and ids else {}
    parent = hearts is not None and hearts.user_id is not None
    return [PhotoOut(
        id=photo.id, activity_id=activity.id, activity_title=activity.title,
        caption=activity.caption, date=activity.day, width=photo.width, height=photo.height,
        child_ids=sorted(tagged[photo.id]), changed_at=photo.changed_at,
        files=PhotoFilesOut(**{r.value: f for r, f in files[photo.id].items()}),
        hearted=bool(marked.get(photo.id)) if parent else None,
        heart_count=marked.get(photo.id, 0) if hearts is not None and not parent else None)
        for photo, activity in rows]
