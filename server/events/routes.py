"""`GET /events`: the caller's live events as Server-Sent Events (docs/api.md, "Live
updates").

The stream holds no database connection while it waits: it authenticates with a short
session, then for each wake-up (or heartbeat) opens one to read the caller's new events and to
check that the session is still live and access has not ended — a revoked session or an
ended access ends the stream. `Last-Event-ID` resumes after the last event the app saw; one
older than what is kept gets a `resync` event first (sync everything once)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import func, select
from sse_starlette import EventSourceResponse, ServerSentEvent

from server.auth.expiry import access_until_after, care_ended_on, is_expired
from server.auth.sessions import authenticate_access, session_is_live
from server.config import AMSTERDAM, Settings
from server.deps import _bearer, get_settings
from server.models import AuthSession, LiveEvent, User
from server.policy import organisation_policy
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(tags=["live updates"])
BATCH = 200


@router.get("/events", response_class=EventSourceResponse,
            responses={**problem_responses("not_authenticated", "token_expired"),
                       200: {"content": {"text/event-stream": {}}}})
async def events(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                 last_event_id: Annotated[str | None, Header(alias="Last-Event-ID",
                                                             max_length=20)] = None,
                 ) -> EventSourceResponse:
    """What changed for the caller, as it happens; heartbeats keep proxies from closing it."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Problem("not_authenticated", headers={"WWW-Authenticate": "Bearer"})
    sessionmaker = request.app.state.sessionmaker
    async with sessionmaker() as db:
        auth = await authenticate_access(db, credentials.credentials, settings.now())
        user_id, session_id = auth.user.id, auth.session.id
        newest = await db.scalar(select(func.max(LiveEvent.id)).where(
            LiveEvent.user_id == user_id)) or 0
        oldest = await db.scalar(select(func.min(LiveEvent.id)).where(
            LiveEvent.user_id == user_id))
    after = newest
    resync = False
    if last_event_id is not None and last_event_id.isdigit():
        after = int(last_event_id)
        # Events after it may already be forgotten: then the app syncs everything once.
        resync = oldest is None or oldest > after + 1
        resync = resync and after < newest
    return EventSourceResponse(
        _stream(request, settings, user_id, session_id, after, resync),
        ping=int(settings.event_heartbeat.total_seconds()),
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def _stream(request: Request, settings: Settings, user_id: int, session_id: int,
                  after: int, resync: bool) -> AsyncIterator[ServerSentEvent]:
    hub = request.app.state.events
    sessionmaker = request.app.state.sessionmaker
    check_every = settings.event_heartbeat.total_seconds()
    with hub.subscribe(user_id) as woken:
        yield ServerSentEvent(event="ready", data="{}", id=str(after),
                              retry=int(settings.event_retry.total_seconds() * 1000))
        if resync:
            yield ServerSentEvent(event="resync", data="{}", id=str(after))
        while not hub.closing:
            woken.clear()
            async with sessionmaker() as db:
                if not await _live(db, session_id, settings):
                    yield ServerSentEvent(event="session_ended", data="{}")
                    return
                rows = list((await db.scalars(select(LiveEvent).where(
                    LiveEvent.user_id == user_id, LiveEvent.id > after)
                    .order_by(LiveEvent.id).limit(BATCH))).all())
            for row in rows:
                after = row.id
                yield ServerSentEvent(event=row.kind, data=row.data, id=str(row.id))
            if len(rows) == BATCH:
                continue
            if await request.is_disconnected():
                return
            try:
                await asyncio.wait_for(woken.wait(), check_every)
            except TimeoutError:
                pass  # check the session again; sse-starlette sends the heartbeats


async def _live(db, session_id: int, settings: Settings) -> bool:  # noqa: ANN001
    """The session is not revoked or expired, its user not disabled, access not ended."""
    now = settings.now()
    found = (await db.execute(select(AuthSession, care_ended_on(User.family_id))
                              .join(User, User.id == AuthSession.user_id)
                              .where(AuthSession.id == session_id))).first()
    if found is None:
        return False
    session, ended_on = found
    user = await db.get(User, session.user_id)
    if user is None or user.disabled or not session_is_live(session, now):
        return False
    if user.role.is_parent:
        policy = await organisation_policy(db, user.organisation_id)
        until = access_until_after(ended_on, policy.account_retention_months)
        return not is_expired(until, now.astimezone(AMSTERDAM).date())
    return True

