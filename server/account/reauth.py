"""Checks under the login throttle (server/auth/throttle.py) for a user who is already known:
the password again before a change that matters (the password itself, the login address), and
a two-factor code. A wrong one is a failed login of the account from that address, so neither
a stolen session nor a stolen password becomes a way to guess the rest."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from server.account.two_factor import check_code
from server.auth import throttle
from server.auth.audit import ClientInfo, record_event
from server.auth.passwords import PasswordHasher
from server.config import Settings
from server.models import AuthEventKind, User
from server.problems import Problem


async def _holds_a_session() -> bool:
    # The caller holds a live session of the account: the account-wide cap, which keeps
    # strangers from elsewhere out, is not theirs.
    return True


async def throttled_check(db: AsyncSession, settings: Settings, user: User, client: ClientInfo,
                          check: Callable[[], Awaitable[bool]], refusal: str,
                          trusted: throttle.Trusted = _holds_a_session) -> None:
    """Return when `check()` passes; else the problem `refusal` (counted as a failed login)
    or `too_many_attempts`. Commits the counters with what `check` changed."""
    now = settings.now()
    attempt = await throttle.claim_attempt(db, user.email, client.ip, now, trusted)
    if isinstance(attempt, int):
        record_event(db, AuthEventKind.LOGIN_THROTTLED, now, client, user_id=user.id,
                     email=user.email, detail=refusal)
        await db.commit()
        raise Problem("too_many_attempts", retry_after=attempt,
                      headers={"Retry-After": str(attempt)})
    # Other attempts must see this one in flight during the check.
    await db.commit()
    if not await check():
        await throttle.record_failure(db, attempt, now)
        record_event(db, AuthEventKind.LOGIN_FAILED, now, client, user_id=user.id,
                     email=user.email, detail=refusal)
        await db.commit()
        raise Problem(refusal)
    await throttle.record_success(db, attempt, now)
    await db.commit()


async def confirm_password(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                           user: User, password: str, client: ClientInfo) -> None:
    async def right() -> bool:
        return user.password_hash is not None and await hasher.verify(user.password_hash,
                                                                      password)

    await throttled_check(db, settings, user, client, right, "current_password_wrong")


async def confirm_code(db: AsyncSession, settings: Settings, user: User, code: str,
                       client: ClientInfo,
                       trusted: throttle.Trusted = _holds_a_session) -> None:
    """A TOTP code or an unused recovery code (used up by this)."""
    async def right() -> bool:
        return await check_code(db, settings, user, code) is not None

    await throttled_check(db, settings, user, client, right, "two_factor_code_invalid",
                          trusted)
