"""Activation and "wachtwoord vergeten": one flow with a mailed link and code."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.auth import throttle
from server.auth.audit import ClientInfo, record_event
from server.auth.devices import known_address
from server.auth.expiry import check_not_expired
from server.auth.login import normalise_email, user_by_email
from server.auth.password_policy import Account, check_password_policy
from server.auth.passwords import PasswordHasher
from server.auth.reset_mail import ResetMail
from server.auth.sessions import end_all_sessions
from server.auth.tokens import codes_match, hash_code, hash_token, new_reset_code, new_token
from server.config import Settings
from server.models import AuthEventKind, Organisation, PasswordReset, User
from server.problems import Problem

MAX_WRONG_CODES = 5
# More requests than this within an hour send no further mail (the answer stays the same),
# so the form cannot be used to flood someone's mailbox. Requests from an address the
# account logged in from before have a few more, so that strangers who used up the first
# ones cannot keep the parent from getting a mail.
MAX_REQUESTS_PER_HOUR = 5
MAX_REQUESTS_PER_HOUR_KNOWN_ADDRESS = 10


async def request_reset(db: AsyncSession, settings: Settings, email: str,
                        client: ClientInfo) -> ResetMail | None:
    """Create a reset for a known, active user and return the mail to send, else None.

    The token and code are generated in every case, so the work done (and the time taken)
    does not depend on whether the address is known.
    """
    now = settings.now()
    email = normalise_email(email)
    token, code, salt = new_token(), new_reset_code(), secrets.token_hex(16)
    token_hash, code_hash = hash_token(token), hash_code(code, salt)
    user = await user_by_email(db, email)
    eligible = user is not None and not user.disabled
    if user is not None and eligible:
        try:
            await check_not_expired(db, user, now)
        except Problem:
            eligible = False
    if user is not None and eligible:
        recent = await db.scalar(
            select(func.count()).select_from(PasswordReset).where(
                PasswordReset.user_id == user.id,
                PasswordReset.created_at > now - timedelta(hours=1))
        )
        recent = recent or 0
        eligible = recent < MAX_REQUESTS_PER_HOUR or (
            recent < MAX_REQUESTS_PER_HOUR_KNOWN_ADDRESS
            and await known_address(db, user, client.ip, now))
    record_event(db, AuthEventKind.RESET_REQUESTED, now, client,
                 user_id=user.id if user else None, email=email,
                 detail=None if eligible else "no_mail")
    if user is None or not eligible:
        await db.commit()
        return None
    # Older links stay valid until they expire or one of them is used: otherwise a stranger
    # who asks for a mail to the parent's address would kill the link the parent just got.
    db.add(PasswordReset(user_id=user.id, token_hash=token_hash, code_salt=salt,
                         code_hash=code_hash, created_at=now,
                         expires_at=now + settings.reset_ttl, wrong_codes=0))
    await db.commit()
    return ResetMail(email=user.email, name=user.name,
                     link=f"{settings.public_url}/reset/{token}", code=code)


async def policy_account(db: AsyncSession, user: User) -> Account:
    """What the user's new password must not be made of: their e-mail, their organisation."""
    return _account(user.email, await db.get(Organisation, user.organisation_id))


async def typed_account(db: AsyncSession, email: str) -> Account:
    """The same for an e-mail address as typed, without looking it up (so the answer says
    nothing about whether it is known): the portal's organisation."""
    organisation = await db.scalar(select(Organisation).order_by(Organisation.id).limit(1))
    return _account(normalise_email(email), organisation)


def _account(email: str, organisation: Organisation | None) -> Account:
    names = (organisation.name, organisation.short_name) if organisation else ()
    return Account(email=email, organisation_names=names)


def _usable(reset: PasswordReset, now: datetime) -> bool:
    """Whether the link still works. Wrong codes never end the link: they end the code
    only (`wrong_codes`), so a stranger who types codes cannot take the parent's link."""
    return reset.used_at is None and reset.invalidated_at is None and reset.expires_at > now


async def reset_for_token(db: AsyncSession, token: str, now: datetime) -> PasswordReset | None:
    """The usable reset a link token belongs to, or None."""
    reset = await db.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == hash_token(token))
        .options(selectinload(PasswordReset.user))
    )
    return reset if reset is not None and _usable(reset, now) else None


async def confirm_with_token(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                             token: str, new_password: str, end_other_sessions: bool,
                             client: ClientInfo) -> None:
    reset = await reset_for_token(db, token, settings.now())
    if reset is None:
        raise Problem("reset_code_invalid")
    await _complete(db, settings, hasher, reset, new_password, end_other_sessions, client)


async def confirm_with_code(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                            email: str, code: str, new_password: str, end_other_sessions: bool,
                            client: ClientInfo) -> None:
    """Any usable reset's code works; a wrong one counts against each of them, and a
    reset with MAX_WRONG_CODES wrong codes takes no more codes (its link still works)."""
    now = settings.now()
    user = await user_by_email(db, email)
    resets: list[PasswordReset] = []
    if user is not None:
        resets = list((await db.scalars(
            select(PasswordReset)
            .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None),
                   PasswordReset.invalidated_at.is_(None), PasswordReset.expires_at > now,
                   PasswordReset.wrong_codes < MAX_WRONG_CODES)
            .order_by(PasswordReset.id)
            .options(selectinload(PasswordReset.user))
            .with_for_update()
        )).all())
    matching = next((r for r in resets if codes_match(code, r.code_salt, r.code_hash)), None)
    if matching is None:
        for reset in resets:
            reset.wrong_codes += 1
        await db.commit()
        raise Problem("reset_code_invalid")
    await _complete(db, settings, hasher, matching, new_password, end_other_sessions, client)


async def _complete(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                    reset: PasswordReset, new_password: str, end_other_sessions: bool,
                    client: ClientInfo) -> None:
    user = reset.user
    # A policy failure leaves the reset usable, so the user can simply pick another password.
    check_password_policy(new_password, await policy_account(db, user))
    now = settings.now()
    # Conditional update: of two concurrent confirmations only one may use the reset.
    claimed = await db.execute(
        update(PasswordReset)
        .where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise Problem("reset_code_invalid")
    # Every other link and code of the user ends with this one.
    await db.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.id != reset.id,
               PasswordReset.used_at.is_(None), PasswordReset.invalidated_at.is_(None))
        .values(invalidated_at=now)
        .execution_options(synchronize_session=False)
    )
    user.password_hash = await hasher.hash(new_password)
    await throttle.clear_account(db, user.email)
    if end_other_sessions:
        await end_all_sessions(db, user.id, now, "password_reset")
    record_event(db, AuthEventKind.RESET_USED, now, client, user_id=user.id,
                 detail="sessions_ended" if end_other_sessions else None)
    await db.commit()
