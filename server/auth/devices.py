"""What an account trusts at login: the devices and addresses it logged in from before.

Trust only lifts the account-wide hourly cap of the throttle (server/auth/throttle.py): the
guesses of strangers from elsewhere then cannot keep the parent out. Every other limit, and
the password itself, still applies.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.tokens import hash_token, new_token
from server.models import AuthEvent, AuthEventKind, KnownDevice, User

# A device or address unused this long is a stranger again.
KNOWN_FOR = timedelta(days=180)
# Proof that someone at an address is the account's owner: the password or the reset mail.
_OWNER_EVENTS = (AuthEventKind.LOGIN_OK, AuthEventKind.RESET_USED)


async def known_device(db: AsyncSession, user: User, token: str | None,
                       now: datetime) -> KnownDevice | None:
    if not token:
        return None
    device = await db.get(KnownDevice, hash_token(token))
    if device is None or device.user_id != user.id or now - device.last_used_at >= KNOWN_FOR:
        return None
    return device


async def known_address(db: AsyncSession, user: User, ip: str, now: datetime) -> bool:
    return bool(await db.scalar(select(exists().where(
        AuthEvent.user_id == user.id, AuthEvent.ip_address == ip,
        AuthEvent.kind.in_(_OWNER_EVENTS), AuthEvent.at > now - KNOWN_FOR))))


async def remember_device(db: AsyncSession, user: User, token: str | None,
                          now: datetime) -> str:
    """The `device_token` for this login: the presented one when it is this account's,
    else a new one. The caller commits."""
    if (device := await known_device(db, user, token, now)) is not None:
        device.last_used_at = now
        assert token is not None
        return token
    token = new_token()
    db.add(KnownDevice(token_hash=hash_token(token), user_id=user.id, created_at=now,
                       last_used_at=now))
    return token
