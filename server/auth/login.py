"""Logging in and refreshing: credentials, throttling, expiry, then a new session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth import throttle
from server.auth.audit import ClientInfo, record_event
from server.auth.devices import known_address, known_device, remember_device
from server.auth.expiry import check_not_expired
from server.auth.passwords import PasswordHasher
from server.auth.sessions import IssuedTokens, rotate_refresh_token, start_session
from server.config import Settings
from server.models import AuthEventKind, User
from server.problems import Problem
from server.validation import normalise_email


async def user_by_email(db: AsyncSession, email: str) -> User | None:
    return await db.scalar(select(User).where(User.email == normalise_email(email)))


@dataclass(frozen=True)
class LoggedIn:
    tokens: IssuedTokens
    device_token: str


async def log_in(db: AsyncSession, settings: Settings, hasher: PasswordHasher, email: str,
                 password: str, device_name: str | None, client: ClientInfo,
                 device_token: str | None = None) -> LoggedIn:
    email = normalise_email(email)
    now = settings.now()
    user = await user_by_email(db, email)

    async def trusted() -> bool:
        # Asked only when strangers have filled the account's hourly cap.
        return user is not None and (
            await known_device(db, user, device_token, now) is not None
            or await known_address(db, user, client.ip, now))

    attempt = await throttle.claim_attempt(db, email, client.ip, now, trusted)
    if isinstance(attempt, int):
        record_event(db, AuthEventKind.LOGIN_THROTTLED, now, client, email=email)
        await db.commit()
        raise Problem("too_many_attempts", retry_after=attempt,
                      headers={"Retry-After": str(attempt)})
    # Other logins must see this attempt in flight during the slow password check.
    await db.commit()

    if user is None or user.password_hash is None:
        await hasher.dummy_verify(password)
        verified = False
    else:
        verified = await hasher.verify(user.password_hash, password)
    if not verified:
        await throttle.record_failure(db, attempt, now)
        record_event(db, AuthEventKind.LOGIN_FAILED, now, client,
                     user_id=user.id if user else None, email=email, detail="bad_credentials")
        await db.commit()
        raise Problem("invalid_credentials")

    assert user is not None and user.password_hash is not None
    await throttle.record_success(db, attempt, now)
    # Only after the password proved right do we say why the account cannot log in.
    try:
        if user.disabled:
            raise Problem("account_disabled")
        await check_not_expired(db, user, now)
    except Problem as problem:
        record_event(db, AuthEventKind.LOGIN_FAILED, now, client, user_id=user.id,
                     email=email, detail=problem.code)
        await db.commit()
        raise

    if hasher.needs_rehash(user.password_hash, password):
        user.password_hash = await hasher.hash(password)
    tokens = await start_session(db, settings, user, device_name, now)
    device = await remember_device(db, user, device_token, now)
    record_event(db, AuthEventKind.LOGIN_OK, now, client, user_id=user.id,
                 session_id=tokens.session_id)
    await db.commit()
    return LoggedIn(tokens, device)


async def refresh(db: AsyncSession, settings: Settings, refresh_token: str,
                  client: ClientInfo) -> IssuedTokens:
    now = settings.now()
    user, tokens = await rotate_refresh_token(db, settings, refresh_token, now, client)
    await check_not_expired(db, user, now)
    await db.commit()
    return tokens
