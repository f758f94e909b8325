"""`/news` (docs/api.md, "News")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.deps import Auth, CurrentSettings, Db
from server.events import bus
from server.models import (
    AudienceKind,
    CareGroup,
    Location,
    NewsAudience,
    NewsFilePurpose,
    NewsItem,
    NewsRead,
    Organisation,
    User,
)
from server.news.audience import (
    check_publish,
    publishable,
    readable,
    readable_item,
    reader_targets,
)
from server.news.files import attach, file_out, files_of, image_out
from server.news.sanitise import sanitise
from server.news.schemas import (
    AudienceOut,
    AudiencesOut,
    GroupPlaceOut,
    NewsIn,
    NewsListOut,
    NewsOut,
    PlaceOut,
)
from server.paging import DESC, Keyset, Paging
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["news"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
SIGNED_IN = ("not_authenticated", "token_expired")
NEWEST = Keyset("news", (NewsItem.published_at, DESC), (NewsItem.id, DESC))


async def _readable(db: AsyncSession, auth: Auth, now: datetime):  # noqa: ANN202
    locations, groups = await reader_targets(db, auth.user, now.astimezone(AMSTERDAM).date())
    return readable(auth.user, locations, groups, now)


@router.get("/news", response_model=NewsListOut,
            responses=problem_responses(*SIGNED_IN, "validation_error"))
async def news(db: Db, settings: CurrentSettings, auth: Auth, paging: Paging) -> NewsListOut:
    """The news the caller reads, newest first, with how many of all of it are unread."""
    condition = await _readable(db, auth, settings.now())
    rows = list((await db.scalars(NEWEST.select(select(NewsItem).where(condition),
                                                paging))).all())
    shown, next_cursor = NEWEST.page(rows, paging, lambda n: (n.published_at, n.id))
    read_ids = select(NewsRead.news_id).where(NewsRead.user_id == auth.user.id)
    unread = await db.scalar(select(func.count(NewsItem.id)).where(
        condition, NewsItem.id.not_in(read_ids), NewsItem.author_id != auth.user.id))
    return NewsListOut(news=await _describe(db, auth.user, shown), next_cursor=next_cursor,
                       unread=unread or 0)


@router.post("/news", status_code=201, response_model=NewsOut,
             responses=problem_responses(*SIGNED_IN, "forbidden", "validation_error",
                                         "news_file_invalid"))
async def publish_news(body: NewsIn, db: Db, settings: CurrentSettings, auth: Auth) -> NewsOut:
    """Staff for their groups; a manager for the organisation and their locations."""
    audience = body.audience
    if not (audience.organisation or audience.location_ids or audience.group_ids):
        raise Problem("validation_error", errors=[{"field": "audience",
                                                   "message": "name at least one audience"}])
    await check_publish(db, auth.user, audience.organisation, audience.location_ids,
                        audience.group_ids)
    cleaned = sanitise(body.body)
    if not cleaned:
        raise Problem("validation_error", errors=[{"field": "body",
                                                   "message": "nothing left to show"}])
    now = settings.now()
    item = NewsItem(organisation_id=auth.user.organisation_id, author_id=auth.user.id,
                    title=body.title, body=cleaned, published_at=body.published_at or now,
                    created_at=now)
    db.add(item)
    await db.flush()
    targets = ([(AudienceKind.ORGANISATION, auth.user.organisation_id)]
               if audience.organisation else [])
    targets += [(AudienceKind.LOCATION, i) for i in sorted(set(audience.location_ids))]
    targets += [(AudienceKind.GROUP, i) for i in sorted(set(audience.group_ids))]
    db.add_all([NewsAudience(news_id=item.id, kind=kind, target_id=target)
                for kind, target in targets])
    await attach(db, auth.user, item, body.image_id, body.attachment_id)
    if item.published_at <= now:
        # Everyone of the organisation syncs the news; each finds what is meant for them.
        everyone = (await db.scalars(select(User.id).where(
            User.organisation_id == auth.user.organisation_id, User.id != auth.user.id))).all()
        await bus.publish(db, "news", everyone, {"news_id": item.id}, now)
    await db.commit()
    return (await _describe(db, auth.user, [item]))[0]


@router.get("/news/audiences", response_model=AudiencesOut,
            responses=problem_responses(*SIGNED_IN, "forbidden"))
async def audiences(db: Db, auth: Auth) -> AudiencesOut:
    """What the caller may publish for, by name: staff their groups; a manager the
    organisation, their locations and those locations' groups; parents nothing."""
    if auth.user.role.is_parent:
        raise Problem("forbidden")
    for_organisation, location_ids, group_ids = await publishable(db, auth.user)
    organisation = await db.get(Organisation, auth.user.organisation_id) \
        if for_organisation else None
    locations = (await db.execute(select(Location.id, Location.name).where(
        Location.id.in_(location_ids)).order_by(Location.name, Location.id))).all() \
        if location_ids else []
    groups = (await db.execute(select(CareGroup.id, CareGroup.name, CareGroup.location_id)
                               .where(CareGroup.id.in_(group_ids))
                               .order_by(CareGroup.name, CareGroup.id))).all() \
        if group_ids else []
    return AudiencesOut(
        organisation=PlaceOut(id=organisation.id, name=organisation.name)
        if organisation is not None else None,
        locations=[PlaceOut(id=i, name=n) for i, n in locations],
        groups=[GroupPlaceOut(id=i, name=n, location_id=loc) for i, n, loc in groups])


@router.get("/news/{news_id}", response_model=NewsOut,
            responses=problem_responses(*SIGNED_IN, "not_found"))
async def one(news_id: Id, db: Db, settings: CurrentSettings, auth: Auth) -> NewsOut:
    item = await readable_item(db, auth.user, news_id, settings.now())
    return (await _describe(db, auth.user, [item]))[0]


@router.post("/news/{news_id}/read", response_model=NewsOut,
             responses=problem_responses(*SIGNED_IN, "not_found"))
async def read(news_id: Id, db: Db, settings: CurrentSettings, auth: Auth) -> NewsOut:
    item = await readable_item(db, auth.user, news_id, settings.now())
    if await db.get(NewsRead, (item.id, auth.user.id)) is None:
        db.add(NewsRead(news_id=item.id, user_id=auth.user.id, read_at=settings.now()))
        await db.commit()
    return (await _describe(db, auth.user, [item]))[0]


async def _describe(db: AsyncSession, user: User, items: Sequence[NewsItem]) -> list[NewsOut]:
    """The items with their audience, author, read state and files (six queries for any
    page)."""
    if not items:
        return []
    ids = [n.id for n in items]
    audiences = (await db.scalars(select(NewsAudience).where(NewsAudience.news_id.in_(ids))
                                  .order_by(NewsAudience.kind, NewsAudience.target_id))).all()
    names = dict((await db.execute(select(User.id, User.name).where(
        User.id.in_({n.author_id for n in items})))).all())
    of_organisation = Location.organisation_id == user.organisation_id
    places = {(AudienceKind(kind), i): n for kind, i, n in (await db.execute(union_all(
        select(literal(AudienceKind.LOCATION.value), Location.id, Location.name)
        .where(of_organisation),
        select(literal(AudienceKind.GROUP.value), CareGroup.id, CareGroup.name)
        .join(Location).where(of_organisation)))).all()}
    organisation = await db.get(Organisation, user.organisation_id)
    read = set((await db.scalars(select(NewsRead.news_id).where(
        NewsRead.user_id == user.id, NewsRead.news_id.in_(ids)))).all())
    files = await files_of(db, ids)
    out = []
    for item in items:
        parts = [a for a in audiences if a.news_id == item.id]
        out.append(NewsOut(
            id=item.id, title=item.title, body=item.body,
            author_name=names.get(item.author_id, ""),
            published_at=item.published_at.astimezone(AMSTERDAM),
            audience=AudienceOut(
                organisation=any(a.kind is AudienceKind.ORGANISATION for a in parts),
                location_ids=[a.target_id for a in parts if a.kind is AudienceKind.LOCATION],
                group_ids=[a.target_id for a in parts if a.kind is AudienceKind.GROUP],
                names=[organisation.name if a.kind is AudienceKind.ORGANISATION and organisation
                       else places.get((a.kind, a.target_id), "") for a in parts]),
            read=item.id in read or item.author_id == user.id,
            mine=item.author_id == user.id,
            image=image_out(picture) if (picture := files.get(
                (item.id, NewsFilePurpose.IMAGE))) else None,
            attachment=file_out(attached) if (attached := files.get(
                (item.id, NewsFilePurpose.ATTACHMENT))) else None))
    return out
