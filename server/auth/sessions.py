"""Sessions and their tokens: issue, authenticate, rotate, revoke."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager, joinedload

from server.auth.audit import ClientInfo, record_event
from server.auth.expiry import access_until_after, care_ended_on, raise_if_expired
from server.auth.tokens import hash_token, new_token, open_successor, seal_successor
from server.config import Settings
from server.models import (
    AuthEventKind,
    AuthSession,
    Organisation,
    Role,
    SessionToken,
    TokenKind,
    User,
)
from server.policy import Policy, effective_policy, organisation_policy
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


@dataclass(frozen=True)
class SessionLimits:
    """How long a login may last (`lifetime`, counted from the login) and how long it may go
    unused (`idle`: the refresh token's life; each refresh starts it again)."""

    lifetime: timedelta
    idle: timedelta

    @classmethod
    def of(cls, policy: Policy, role: Role) -> SessionLimits:
        # Staff and managers work on shared PCs: their logins end the same working day.
        if role.is_parent:
            return cls(timedelta(days=policy.session_lifetime_days),
                       timedelta(days=policy.session_idle_days))
        return cls(timedelta(hours=policy.staff_session_lifetime_hours),
                   timedelta(hours=policy.staff_session_idle_hours))

    def session_end(self, created_at: datetime, now: datetime) -> datetime:
        """When a session refreshed at `now` ends unless it is used again: never later
        than its lifetime allows, so refreshing cannot keep a session alive for ever."""
        return min(now + self.idle, created_at + self.lifetime)


async def start_session(db: AsyncSession, settings: Settings, user: User,
                        device_name: str | None, now: datetime) -> IssuedTokens:
    session = AuthSession(user_id=user.id, device_name=device_name, created_at=now,
                          last_used_at=now, expires_at=now)
    db.add(session)
    await db.flush()
    return await _issue(db, settings, session, user, now)


async def _issue(db: AsyncSession, settings: Settings, session: AuthSession, user: User,
                 now: datetime, access: str | None = None,
                 refresh: str | None = None) -> IssuedTokens:
    limits = SessionLimits.of(await organisation_policy(db, user.organisation_id), user.role)
    access, refresh = access or new_token(), refresh or new_token()
    session.expires_at = limits.session_end(session.created_at, now)
    # No access token outlives its session.
    access_expires_at = min(now + settings.access_token_ttl, session.expires_at)
    db.add_all([
        SessionToken(token_hash=hash_token(access), session_id=session.id,
                     kind=TokenKind.ACCESS, expires_at=access_expires_at),
        SessionToken(token_hash=hash_token(refresh), session_id=session.id,
                     kind=TokenKind.REFRESH, expires_at=session.expires_at),
    ])
    return IssuedTokens(access, refresh, int((access_expires_at - now).total_seconds()),
                        session.id)


def session_is_live(session: AuthSession, now: datetime) -> bool:
    return session.revoked_at is None and session.expires_at > now


async def _token_row(db: AsyncSession, token: str, kind: TokenKind,
                     fresh: bool = False) -> SessionToken | None:
    """The token's row with its session, user and the user's organisation in one query (the
    organisation stays in the identity map, so the policy asked for later costs none);
    `fresh` reads past the session's cache."""
    query = (select(SessionToken)
             .where(SessionToken.token_hash == hash_token(token), SessionToken.kind == kind)
             .options(joinedload(SessionToken.session, innerjoin=True)
                      .joinedload(AuthSession.user, innerjoin=True)
                      .joinedload(User.organisation, innerjoin=True)))
    if fresh:
        query = query.execution_options(populate_existing=True)
    return await db.scalar(query)


async def authenticate_access(db: AsyncSession, token: str, now: datetime) -> Authenticated:
    """The user and session of a bearer access token, or a 401 problem; `account_expired`
    once the family's access has ended, even while the token itself is still valid.

    One query: the token with its session, user, the user's organisation and the family's
    last day of care (docs/api.md, "Auth"). The organisation stays in the identity map, so the
    policy a route asks for later costs no query."""
    found = (await db.execute(
        select(SessionToken, care_ended_on(User.family_id))
        .join(AuthSession, AuthSession.id == SessionToken.session_id)
        .join(User, User.id == AuthSession.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(SessionToken.token_hash == hash_token(token),
               SessionToken.kind == TokenKind.ACCESS)
        .options(contains_eager(SessionToken.session).contains_eager(AuthSession.user)
                 .contains_eager(User.organisation))
    )).first()
    if found is None or found[0].retired_at is not None:
        raise Problem("not_authenticated")
    row, ended_on = found
    session = row.session
    if not session_is_live(session, now) or session.user.disabled:
        raise Problem("not_authenticated")
    if row.expires_at <= now:
        raise Problem("token_expired")
    if session.user.role.is_parent:
        policy = effective_policy(session.user.organisation.policy)
        raise_if_expired(access_until_after(ended_on, policy.account_retention_months), now)
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
    """Exchange a refresh token for a new pair.

    Exactly one exchange of a token rotates it. The same token again within
    `settings.refresh_grace` gets that same successor pair (concurrent refreshes of one app,
    a retry after a lost answer); after the grace it is reuse and ends the session.
    """
    row = await _token_row(db, token, TokenKind.REFRESH)
    if row is None:
        raise Problem("session_expired")
    session = row.session
    if row.retired_at is None:
        if not session_is_live(session, now) or row.expires_at <= now:
            raise Problem("session_expired")
        if session.user.disabled:
            raise Problem("account_disabled")
        access, refresh = new_token(), new_token()
        # Conditional update: of concurrent refreshes with this token exactly one retires it;
        # the others find it retired with its successor below.
        won = await db.execute(
            update(SessionToken)
            .where(SessionToken.token_hash == row.token_hash, SessionToken.retired_at.is_(None))
            .values(retired_at=now, successor=seal_successor(token, access, refresh))
        )
        if won.rowcount == 1:
            # The pair's access token goes with it (the new pair is not inserted yet).
            await db.execute(
                update(SessionToken)
                .where(SessionToken.session_id == session.id, SessionToken.retired_at.is_(None))
                .values(retired_at=now))
            session.last_used_at = now
            return session.user, await _issue(db, settings, session, session.user, now,
                                             access, refresh)
        row = await _token_row(db, token, TokenKind.REFRESH, fresh=True)
        assert row is not None
    if (repeated := await _successor_in_grace(db, settings, row, token, now)) is not None:
        return session.user, repeated
    if session.revoked_at is None:
        await revoke_session(db, session, now, "refresh_reuse")
        record_event(db, AuthEventKind.REFRESH_REUSE, now, client,
                     user_id=session.user_id, session_id=session.id)
        await db.commit()
    raise Problem("session_expired")


async def _successor_in_grace(db: AsyncSession, settings: Settings, row: SessionToken,
                              token: str, now: datetime) -> IssuedTokens | None:
    """The pair that replaced `row` when it was rotated moments ago and that pair is still
    the session's current one; None otherwise (reuse)."""
    assert row.retired_at is not None
    session = row.session
    if (row.successor is None or now - row.retired_at >= settings.refresh_grace
            or not session_is_live(session, now) or session.user.disabled):
        return None
    access, refresh = open_successor(token, row.successor)
    successor = await db.get(SessionToken, hash_token(refresh))
    current = await db.get(SessionToken, hash_token(access))
    if (successor is None or successor.retired_at is not None or current is None
            or current.retired_at is not None or current.expires_at <= now):
        return None
    return IssuedTokens(access, refresh, int((current.expires_at - now).total_seconds()),
                        session.id)


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
