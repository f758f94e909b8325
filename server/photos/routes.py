"""`/api/v1/photos`: a family's photos, in pages, and every photo's renditions with ETag and
Range (docs/api.md, "Photos").

A parent sees a photo only through a tag of one of their own children whose consent covers
the portal, and only their own children's ids on it (server.photos.rules). The app syncs by
reading every page: a photo no longer listed (consent withdrawn, tag removed, photo period
over) is removed from its cache.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response

from server.blobs import BlobInfo
from server.blobs.http import blob_response
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.models import Activity, Photo, PhotoFile, Rendition
from server.paging import Paging
from server.photos.hearts import heart_view
from server.photos.listing import PHOTOS, photo_outs, sort_key
from server.photos.rules import (
    family_photos,
    family_photos_until,
    family_tags,
    photo_period_over,
    readable_photo,
)
from server.photos.schemas import PhotosPage
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(prefix="/photos", tags=["photos"])
PhotoId = Annotated[int, Path(ge=1, le=2**31 - 1)]

REFUSALS = problem_responses("not_authenticated", "token_expired", "account_expired",
                             "forbidden")


@router.get("", response_model=PhotosPage, responses=REFUSALS)
async def photos(db: Db, auth: Auth, settings: CurrentSettings, paging: Paging,
                 child_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None) -> PhotosPage:
    """The family's photos (of one child with `child_id`), newest day first. After the
    family's photo period (`available_until`) the list is empty."""
    user = auth.user
    if not user.role.is_parent or user.family_id is None:
        raise Problem("forbidden")
    until = await family_photos_until(db, user)
    if photo_period_over(until, settings.today()):
        return PhotosPage(photos=[], next_cursor=None, available_until=until)
    query = family_photos(user.family_id, child_id)
    rows = list((await db.execute(PHOTOS.select(query, paging))).all())
    page, next_cursor = PHOTOS.page(rows, paging, sort_key)
    outs = await photo_outs(db, page, await heart_view(db, user),
                           family_tags(user.family_id, [p.id for p, _ in page]))
    return PhotosPage(photos=outs, next_cursor=next_cursor, available_until=until)


def _filename(activity: Activity, photo: Photo, file: PhotoFile) -> str:
    extension = "png" if file.media_type == "image/png" else "jpg"
    return f"{activity.day.isoformat()}-{photo.id}-{file.rendition.value}.{extension}"


@router.get("/{photo_id}/{rendition}", response_class=Response,
            responses={**REFUSALS, **problem_responses("not_found"),
                       200: {"content": {"image/jpeg": {}, "image/png": {}}},
                       206: {"description": "Partial content (Range)"},
                       304: {"description": "Not modified (If-None-Match)"},
                       416: {"description": "Range not satisfiable"}})
async def photo_file(photo_id: PhotoId, rendition: Rendition, db: Db, blobs: Blobs,
                     settings: CurrentSettings, auth: Auth,
                     range_header: Annotated[str | None, Header(alias="Range")] = None,
                     if_none_match: Annotated[str | None, Header()] = None,
                     if_range: Annotated[str | None, Header()] = None) -> Response:
    """One rendition's bytes with ETag and SHA-256, 304 for a current copy, 206 for a range."""
    photo = await readable_photo(db, auth.user, photo_id, settings.today())
    file = await db.get(PhotoFile, (photo.id, rendition))
    activity = await db.get(Activity, photo.activity_id)
    if file is None or activity is None:
        raise Problem("not_found")
    return await blob_response(
        blobs, BlobInfo(file.blob_key, file.size, file.sha256), media_type=file.media_type,
        filename=_filename(activity, photo, file), range_header=range_header,
        if_none_match=if_none_match, if_range=if_range)
