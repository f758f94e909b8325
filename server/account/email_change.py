"""Changing the login address: a code to the new address, a notice to the old one, and the
change only once the code is entered (docs/api.md, "Account security")."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import record_change
from server.account.mails import (
    Notice,
    email_change_notice,
    email_changed_notice,
    email_code_notice,
)
from server.account.reauth import confirm_password
from server.auth import throttle
from server.auth.audit import ClientInfo
from server.auth.login import user_by_email
from server.auth.passwords import PasswordHasher
from server.auth.tokens import codes_match, hash_code, new_reset_code
from server.config import Settings
from server.models import EmailChange, User
from server.problems import Problem
from server.validation import normalise_email

CODE_TTL = timedelta(hours=1)
MAX_WRONG_CODES = 5


async def pending_email(db: AsyncSession, user: User, now: datetime) -> str | None:
    """The new address waiting for its code, if any."""
    return await db.scalar(
        select(EmailChange.new_email)
        .where(EmailChange.user_id == user.id, EmailChange.ended_at.is_(None),
               EmailChange.expires_at > now, EmailChange.wrong_codes < MAX_WRONG_CODES)
        .order_by(EmailChange.id.desc()).limit(1))


async def request_change(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                         user: User, password: str, new_email: str,
                         client: ClientInfo) -> list[Notice]:
    """Store the pending change and return the mails: the code to the new address, the
    notice to the old one. An earlier pending change ends."""
    new_email = normalise_email(new_email)
    await confirm_password(db, settings, hasher, user, password, client)
    if new_email == user.email:
        raise Problem("validation_error", errors=[
            {"field": "new_email", "message": "this is already the login address"}])
    if await user_by_email(db, new_email) is not None:
        raise Problem("email_in_use")
    now = settings.now()
    await _end_pending(db, user, now)
    code, salt = new_reset_code(), secrets.token_hex(16)
    db.add(EmailChange(user_id=user.id, new_email=new_email, code_salt=salt,
                       code_hash=hash_code(code, salt), created_at=now,
                       expires_at=now + CODE_TTL, wrong_codes=0))
    record_change(db, now, user, "email_change_requested", field="email", old=user.email,
                  new=new_email)
    await db.commit()
    return [email_code_notice(user.name, new_email, code),
            email_change_notice(user.name, user.email, new_email)]


async def _end_pending(db: AsyncSession, user: User, now: datetime) -> None:
    await db.execute(update(EmailChange)
                     .where(EmailChange.user_id == user.id, EmailChange.ended_at.is_(None))
                     .values(ended_at=now).execution_options(synchronize_session=False))


async def confirm_change(db: AsyncSession, settings: Settings, user: User,
                         code: str) -> list[Notice]:
    """Switch the login address when `code` is the pending change's; returns the notice to
    the old address. A wrong code counts; after five the change ends (ask again)."""
    now = settings.now()
    change = await db.scalar(
        select(EmailChange).where(EmailChange.user_id == user.id, EmailChange.ended_at.is_(None),
                                  EmailChange.expires_at > now,
                                  EmailChange.wrong_codes < MAX_WRONG_CODES)
        .order_by(EmailChange.id.desc()).limit(1).with_for_update())
    if change is None:
        raise Problem("email_code_invalid")
    if not codes_match(code, change.code_salt, change.code_hash):
        change.wrong_codes += 1
        if change.wrong_codes >= MAX_WRONG_CODES:
            change.ended_at = now
        await db.commit()
        raise Problem("email_code_invalid")
    if await user_by_email(db, change.new_email) is not None:
        change.ended_at = now
        await db.commit()
        raise Problem("email_in_use")
    old = user.email
    user.email = change.new_email
    change.ended_at = now
    # The throttle's counters are keyed by address: the old runs of failures stay with the old.
    await throttle.clear_account(db, old)
    record_change(db, now, user, "email_changed", field="email", old=old, new=user.email)
    await db.commit()
    return [email_changed_notice(user.name, old, user.email)]
