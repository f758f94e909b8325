"""Sessions and their tokens: issue, authenticate, rotate, revoke."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from server.auth.audit import ClientInfo, record_event
from server.auth.tokens import hash_token, new_token
from server.config import Settings
from server.models import AuthEventKind, AuthSession, SessionToken, TokenKind, User
from server.problems import Problem

# Writing last_used_at on every request would turn every read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    session_id: int


@dataclass(frozen=True)
class Authenticated:
    """The caller of a request with a valid access token."""

    user: User
    session: AuthSession


async def start_session(db: AsyncSession, settings: Settings, user: User,
                        device_name: str | None, now: datetime) -> IssuedTokens:
    session = AuthSession(user_id=user.id, device_name=device_name, created_at=now,
                          last_used_at=now, expires_at=now + settings.refresh_token_ttl)
    db.add(session)
    await db.flush()
    return _issue(db, settings, session, now)


def _issue(db: AsyncSession, settings: Settings, session: AuthSession,
           now: datetime) -> IssuedTokens:
    access, refresh = new_token(), new_token()
    session.expires_at = now + settings.refresh_token_ttl
    db.add_all([
        SessionToken(token_hash=hash_token(access), session_id=session.id,
                     kind=TokenKind.ACCESS, expires_at=now + settings.access_token_ttl),
        SessionToken(token_hash=hash_token(refresh), session_id=session.id,
                     kind=TokenKind.REFRESH, expires_at=session.expires_at),
    ])
    return IssuedTokens(access, refresh, int(settings.access_token_ttl.total_seconds()),
                        session.id)


def session_is_live(session: AuthSession, now: datetime) -> bool:
    return session.revoked_at is None and session.expires_at > now


async def _token_row(db: AsyncSession, token: str, kind: TokenKind) -> SessionToken | None:
    """The token with its session, user and the user's organisation: one lookup by primary key
    for every authenticated request. The organisation stays in the session's identity map, so
    the organisation policy the request asks for later costs no query."""
    return await db.scalar(
        select(SessionToken)
        .where(SessionToken.token_hash == hash_token(token), SessionToken.kind == kind)
        .options(joinedload(SessionToken.session, innerjoin=True)
                 .joinedload(AuthSession.user, innerjoin=True)
                 .joinedload(User.organisation, innerjoin=True))
    )


async def authenticate_access(db: AsyncSession, token: str, now: datetime) -> Authenticated:
    """The user and session of a bearer access token, or a 401 problem."""
    row = await _token_row(db, token, TokenKind.ACCESS)
    if row is None or row.retired_at is not None:
        raise Problem("not_authenticated")
    session = row.session
    if not session_is_live(session, now) or session.user.disabled:
        raise Problem("not_authenticated")
    if row.expires_at <= now:
        raise Problem("token_expired")
    if now - session.last_used_at >= LAST_USED_RESOLUTION:
        session.last_used_at = now
        await db.commit()
    return Authenticated(session.user, session)


async def user_id_for_access_token(db: AsyncSession, token: str, now: datetime) -> int | None:
    """Like authenticate_access but without raising or writing (for the idempotency layer)."""
    row = await _token_row(db, token, TokenKind.ACCESS)
    if (row is None or row.retired_at is not None or row.expires_at <= now
            or not session_is_live(row.session, now) or row.session.user.disabled):
        return None
    return row.session.user_id


async def rotate_refresh_token(db: AsyncSession, settings: Settings, token: str, now: datetime,
                               client: ClientInfo) -> tuple[User, IssuedTokens]:
    """Exchange a refresh token for a new pair. Presenting a retired one ends the session."""
    row = await _token_row(db, token, TokenKind.REFRESH)
    if row is None:
        raise Problem("session_expired")
    session = row.session
    if row.retired_at is not None:
        if session.revoked_at is None:
            await revoke_session(db, session, now, "refresh_reuse")
            record_event(db, AuthEventKind.REFRESH_REUSE, now, client,
                         user_id=session.user_id, session_id=session.id)
            await db.commit()
        raise Problem("session_expired")
    if not session_is_live(session, now) or row.expires_at <= now:
        raise Problem("session_expired")
    if session.user.disabled:
        raise Problem("account_disabled")
    # Conditional update: of two concurrent refreshes with the same token only one wins;
    # the loser is treated like a reuse would be on its next attempt.
    retired = await db.execute(
        update(SessionToken)
        .where(SessionToken.session_id == session.id, SessionToken.retired_at.is_(None))
        .values(retired_at=now)
    )
    if retired.rowcount == 0:
        raise Problem("session_expired")
    session.last_used_at = now
    return session.user, _issue(db, settings, session, now)


async def revoke_session(db: AsyncSession, session: AuthSession, now: datetime,
                         reason: str) -> None:
    session.revoked_at = now
    session.revoked_reason = reason
    await db.execute(
        update(SessionToken)
        .where(SessionToken.session_id == session.id, SessionToken.retired_at.is_(None))
        .values(retired_at=now)
    )


def live_sessions_query(user_id: int, now: datetime) -> Select[tuple[AuthSession]]:
    return select(AuthSession).where(AuthSession.user_id == user_id,
                                     AuthSession.revoked_at.is_(None),
                                     AuthSession.expires_at > now)


async def live_sessions(db: AsyncSession, user_id: int, now: datetime) -> list[AuthSession]:
    return list((await db.scalars(live_sessions_query(user_id, now).order_by(
        AuthSession.created_at.desc(), AuthSession.id.desc()))).all())


async def end_all_sessions(db: AsyncSession, user_id: int, now: datetime, reason: str) -> int:
    sessions = await live_sessions(db, user_id, now)
    for session in sessions:
        await revoke_session(db, session, now, reason)
    return len(sessions)


async def disable_user(db: AsyncSession, user: User, now: datetime) -> None:
    """The organisation switches an account off: it can no longer log in and every session
    ends at once."""
    user.disabled = True
    await end_all_sessions(db, user.id, now, "user_disabled")
    await db.commit()
