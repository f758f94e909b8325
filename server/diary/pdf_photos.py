"""The photos of a child's days for "Dagboek opslaan als PDF": exactly the photos its family
sees for that child in `GET /photos` (server/photos/rules.py decides: tags, portal consent,
the photo period), each as its thumbnail — 320 px is sharp at the PDF's four to a row and
keeps a year of photos to a few megabytes (docs/api.md, "Group day and diary")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore
from server.blobs.store import BlobMissing
from server.models import Activity, Photo, PhotoFile, Rendition, User
from server.photos.rules import family_photos, family_photos_until, photo_period_over

PDF_RENDITION = Rendition.THUMBNAIL


@dataclass(frozen=True)
class DayPhoto:
    activity_id: int
    activity_title: str
    width: int
    height: int
    data: bytes


async def day_photos(db: AsyncSession, blobs: BlobStore, user: User, child_id: int,
                     between: tuple[date, date], today: date) -> dict[date, list[DayPhoto]]:
    """The child's photos the parent may see, by day, an activity's photos in upload order."""
    if user.family_id is None or photo_period_over(await family_photos_until(db, user), today):
        return {}
    rows = (await db.execute(
        family_photos(user.family_id, child_id)
        .add_columns(PhotoFile)
        .join(PhotoFile, (PhotoFile.photo_id == Photo.id)
              & (PhotoFile.rendition == PDF_RENDITION))
        .where(Activity.day.between(*between))
        .order_by(Activity.day, Activity.id, Photo.id))).all()
    photos: dict[date, list[DayPhoto]] = {}
    for photo, activity, file in rows:
        try:
            data = b"".join([chunk async for chunk in await blobs.open(file.blob_key)])
        except BlobMissing:
            continue  # a photo whose file went missing is left out, not the whole PDF
        photos.setdefault(activity.day, []).append(DayPhoto(
            activity.id, activity.title, photo.width, photo.height, data))
    return photos
