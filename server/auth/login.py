"""Logging in and refreshing: credentials, throttling, expiry, then a new session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.mails import Notice, new_device_notice
from server.account.reauth import confirm_code
from server.account.two_factor import required_by_policy, two_factor_of
from server.auth import throttle
from server.auth.audit import ClientInfo, record_event
from server.auth.devices import known_address, known_device, remember_device
from server.auth.expiry import check_not_expired
from server.auth.passwords import PasswordHasher
from server.auth.sessions import IssuedTokens, rotate_refresh_token, start_session
from server.auth.tokens import hash_token, new_token
from server.config import Settings
from server.models import AccountSettings, AuthEventKind, KnownDevice, LoginChallenge, User
from server.problems import Problem
from server.validation import normalise_email


async def user_by_email(db: AsyncSession, email: str) -> User | None:
    return await db.scalar(select(User).where(User.email == normalise_email(email)))


# How long the second step of a two-factor login may take after the password.
CHALLENGE_TTL = timedelta(minutes=5)
# How long a manager whom the policy sends to set the two-factor login up may take: installing
# an authenticator app takes a while (docs/api.md, "Required for managers").
SETUP_CHALLENGE_TTL = timedelta(minutes=15)


def challenge_hash(challenge: str, *, setup: bool = False) -> str:
    """How a challenge is stored. A setup challenge is hashed under its own label, so each
    kind is unknown at the other's endpoints."""
    return hash_token(f"setup:{challenge}" if setup else challenge)


async def _challenge(db: AsyncSession, user: User, device_name: str | None, now: datetime,
                     *, setup: bool) -> Problem:
    """A new challenge standing in for the right password (which is not sent again), as
    the problem that hands it out."""
    ttl = SETUP_CHALLENGE_TTL if setup else CHALLENGE_TTL
    challenge = new_token()
    db.add(LoginChallenge(token_hash=challenge_hash(challenge, setup=setup), user_id=user.id,
                          device_name=device_name, created_at=now, expires_at=now + ttl))
    await db.commit()
    return Problem("two_factor_setup_required" if setup else "two_factor_required",
                   challenge=challenge, expires_in=int(ttl.total_seconds()))


@dataclass(frozen=True)
class LoggedIn:
    tokens: IssuedTokens
    device_token: str
    # The mail about a login from a new device, to send after the answer (or None).
    notice: Notice | None = None


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
    if await two_factor_of(db, user) is not None:
        # The password was right; the session waits for the code (docs/api.md, "Two-factor
        # login").
        raise await _challenge(db, user, device_name, now, setup=False)
    if await required_by_policy(db, user):
        # No session without it: the setup comes first (server/auth/two_factor_setup.py).
        raise await _challenge(db, user, device_name, now, setup=True)
    return await finish(db, settings, user, device_name, device_token, client, now)


async def log_in_with_code(db: AsyncSession, settings: Settings, challenge: str, code: str,
                           device_token: str | None, client: ClientInfo) -> LoggedIn:
    """The second step of a two-factor login: the challenge of the first and a code (or a
    recovery code). Wrong codes are throttled like wrong passwords; the challenge stays
    usable until it expires or a code was right."""
    now = settings.now()
    row, user = await open_challenge(db, challenge, now, setup=False)

    async def trusted() -> bool:
        return (await known_device(db, user, device_token, now) is not None
                or await known_address(db, user, client.ip, now))

    await confirm_code(db, settings, user, code, client, trusted)
    await claim_challenge(db, row, now)
    await check_may_log_in(db, user, now)
    return await finish(db, settings, user, row.device_name, device_token, client, now)


async def open_challenge(db: AsyncSession, challenge: str, now: datetime,
                         *, setup: bool) -> tuple[LoginChallenge, User]:
    """The live challenge of that kind and its user; else `two_factor_challenge_invalid`."""
    row = await db.get(LoginChallenge, challenge_hash(challenge, setup=setup))
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise Problem("two_factor_challenge_invalid")
    user = await db.get(User, row.user_id)
    assert user is not None
    return row, user


async def claim_challenge(db: AsyncSession, row: LoginChallenge, now: datetime) -> None:
    """Spend the challenge: of two requests with the same right code only one may."""
    claimed = await db.execute(
        update(LoginChallenge)
        .where(LoginChallenge.token_hash == row.token_hash, LoginChallenge.used_at.is_(None))
        .values(used_at=now).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise Problem("two_factor_challenge_invalid")


async def check_may_log_in(db: AsyncSession, user: User, now: datetime) -> None:
    """What may have changed since the password was checked."""
    if user.disabled:
        raise Problem("account_disabled")
    await check_not_expired(db, user, now)


async def finish(db: AsyncSession, settings: Settings, user: User, device_name: str | None,
                  device_token: str | None, client: ClientInfo, now: datetime) -> LoggedIn:
    """The end of every login: a session, the device remembered, the audit, and the mail
    about a new device when the account wants it."""
    # Not for the account's first device: that login is no news to its owner.
    new_device = (await known_device(db, user, device_token, now) is None
                  and bool(await db.scalar(select(exists().where(KnownDevice.user_id == user.id)))))
    tokens = await start_session(db, settings, user, device_name, now)
    device = await remember_device(db, user, device_token, now)
    record_event(db, AuthEventKind.LOGIN_OK, now, client, user_id=user.id,
                 session_id=tokens.session_id)
    await db.commit()
    notice = None
    if new_device and await wants_new_device_mail(db, user):
        notice = new_device_notice(user.name, user.email, device_name, now)
    return LoggedIn(tokens, device, notice)


async def wants_new_device_mail(db: AsyncSession, user: User) -> bool:
    chosen = await db.get(AccountSettings, user.id)
    return chosen is None or chosen.new_device_mail


async def refresh(db: AsyncSession, settings: Settings, refresh_token: str,
                  client: ClientInfo) -> IssuedTokens:
    now = settings.now()
    user, tokens = await rotate_refresh_token(db, settings, refresh_token, now, client)
    await check_not_expired(db, user, now)
    await db.commit()
    return tokens
