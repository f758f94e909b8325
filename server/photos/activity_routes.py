"""`/api/v1/activities`: staff and managers post activities (albums) of their groups, upload
photos into them and tag the children (docs/api.md, "Photos"). Parents are refused.

An upload is the image itself as the request body (one photo per request, so each file has
its own `Idempotency-Key` and its own answer); `?child_id=` tags it at once, checked before
any image work. Every refusal has its own problem code.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field
from sqlalchemy import func, literal, select

from server.agenda.access import own_group_ids
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.models import Activity, Photo, PhotoTag
from server.paging import DESC, Keyset, Paging
from server.photos.hearts import activity_heart_count, heart_view
from server.photos.listing import PHOTOS, photo_outs, sort_key
from server.photos.live import seeing, tell_families
from server.photos.rules import (
    check_posting_group,
    check_tags,
    photos_select,
    posting_activity,
    readable_photo,
    taggable_children,
)
from server.photos.schemas import (
    ActivitiesPage,
    ActivityIn,
    ActivityOut,
    PhotoOut,
    PhotosPage,
    TaggableChildOut,
    TaggableChildrenOut,
    TagsIn,
)
from server.photos.store import store_photo
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["photos"])

REFUSALS = problem_responses("not_authenticated", "token_expired", "account_expired",
                             "forbidden", "not_found")
UPLOAD_REFUSALS = problem_responses(
    "not_authenticated", "token_expired", "not_found", "photo_too_large",
    "photo_type_not_supported", "photo_too_many_pixels", "photo_damaged", "photo_tag_refused")
ActivityId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PhotoId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ACTIVITIES = Keyset("activities", (Activity.day, DESC), (Activity.id, DESC))


def _activity_out(activity: Activity, photo_count: int,
                  heart_count: int | None = None) -> ActivityOut:
    return ActivityOut(id=activity.id, group_id=activity.group_id, date=activity.day,
                       title=activity.title, caption=activity.caption, photo_count=photo_count,
                       heart_count=heart_count)


@router.post("/activities", status_code=201, response_model=ActivityOut,
             responses=REFUSALS)
async def post_activity(body: ActivityIn, db: Db, auth: Auth,
                        settings: CurrentSettings) -> ActivityOut:
    await check_posting_group(db, auth.user, body.group_id)
    activity = Activity(group_id=body.group_id, day=body.date, title=body.title.strip(),
                        caption=(body.caption or "").strip() or None,
                        created_by=auth.user.id, created_at=settings.now())
    db.add(activity)
    await db.commit()
    return _activity_out(activity, 0, 0 if await heart_view(db, auth.user) else None)


@router.get("/activities", response_model=ActivitiesPage, responses=REFUSALS)
async def activities(db: Db, auth: Auth, paging: Paging,
                     group_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None
                     ) -> ActivitiesPage:
    """The activities of the caller's groups (or of one of them), newest first."""
    if auth.user.role.is_parent:
        raise Problem("forbidden")
    groups = await own_group_ids(db, auth.user)
    if group_id is not None:
        groups &= {group_id}
    count = select(func.count(Photo.id)).where(Photo.activity_id == Activity.id) \
        .correlate(Activity).scalar_subquery()
    hearts_on = await heart_view(db, auth.user) is not None
    hearts = activity_heart_count() if hearts_on else literal(None)
    rows = list((await db.execute(ACTIVITIES.select(
        select(Activity, count, hearts).where(Activity.group_id.in_(groups or {-1})),
        paging))).all())
    page, next_cursor = ACTIVITIES.page(rows, paging, lambda r: (r[0].day, r[0].id))
    return ActivitiesPage(activities=[_activity_out(a, n, h) for a, n, h in page],
                          next_cursor=next_cursor)


@router.get("/activities/{activity_id}/children", response_model=TaggableChildrenOut,
            responses=REFUSALS)
async def activity_children(activity_id: ActivityId, db: Db, auth: Auth) -> TaggableChildrenOut:
    """The children of the group on the activity's day; those without portal photo consent
    are listed too (`portal_consent` false), so the app can show why they cannot be tagged."""
    activity = await posting_activity(db, auth.user, activity_id)
    return TaggableChildrenOut(children=[TaggableChildOut(
        id=c.id, first_name=c.first_name, last_name=c.last_name,
        portal_consent=c.consent_portal) for c in await taggable_children(db, activity)])


@router.get("/activities/{activity_id}/photos", response_model=PhotosPage, responses=REFUSALS)
async def activity_photos(activity_id: ActivityId, db: Db, auth: Auth,
                          paging: Paging) -> PhotosPage:
    activity = await posting_activity(db, auth.user, activity_id)
    rows = list((await db.execute(PHOTOS.select(
        photos_select().where(Photo.activity_id == activity.id), paging))).all())
    page, next_cursor = PHOTOS.page(rows, paging, sort_key)
    return PhotosPage(photos=await photo_outs(db, page, await heart_view(db, auth.user)),
                      next_cursor=next_cursor)


@router.post("/activities/{activity_id}/photos", status_code=201, response_model=PhotoOut,
             responses=UPLOAD_REFUSALS,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "image/jpeg": {}, "image/png": {}, "image/heic": {}}}})
async def upload_photo(activity_id: ActivityId, request: Request, db: Db, auth: Auth, blobs: Blobs,
                       settings: CurrentSettings,
                       child_id: Annotated[list[Annotated[int, Field(ge=1, le=2**31 - 1)]] | None,
                                         Query(max_length=100)] = None
                       ) -> PhotoOut:
    """One photo as the body (JPEG, PNG or HEIC, recognised by content), tagged with the
    `child_id`s. The answer lists the stored renditions with their SHA-256."""
    activity = await posting_activity(db, auth.user, activity_id)
    tags = await check_tags(db, activity, child_id or [])
    data = await request.body()
    prepared = await request.app.state.image_workers.prepare(data)
    photo = await store_photo(db, blobs, activity, prepared, tags, auth.user.id, settings.now())
    await db.flush()
    await tell_families(db, activity.id, photo.id, {}, await seeing(db, photo.id),
                        settings.now())
    await db.commit()
    return (await photo_outs(db, [(photo, activity)], await heart_view(db, auth.user)))[0]


@router.put("/photos/{photo_id}/tags", response_model=PhotoOut,
            responses={**REFUSALS, **problem_responses("photo_tag_refused")})
async def put_tags(photo_id: PhotoId, body: TagsIn, db: Db, auth: Auth,
                   settings: CurrentSettings) -> PhotoOut:
    """Replace the photo's tags. A child taken off is hidden from that family at once."""
    if auth.user.role.is_parent:
        raise Problem("forbidden")
    photo = await readable_photo(db, auth.user, photo_id, settings.today())
    activity = await posting_activity(db, auth.user, photo.activity_id)
    wanted = set(await check_tags(db, activity, body.child_ids))
    before = await seeing(db, photo.id)
    current = set((await db.scalars(select(PhotoTag.child_id).where(
        PhotoTag.photo_id == photo.id))).all())
    for tag in await db.scalars(select(PhotoTag).where(
            PhotoTag.photo_id == photo.id, PhotoTag.child_id.in_(current - wanted))):
        await db.delete(tag)
    db.add_all(PhotoTag(photo_id=photo.id, child_id=c) for c in sorted(wanted - current))
    if wanted != current:
        photo.changed_at = settings.now()
        await db.flush()
        await tell_families(db, activity.id, photo.id, before, await seeing(db, photo.id),
                            settings.now())
    await db.commit()
    return (await photo_outs(db, [(photo, activity)], await heart_view(db, auth.user)))[0]



