"""The opt-in two-factor login: TOTP (RFC 6238, 30-second steps, 6 digits) with `pyotp`, and
ten single-use recovery codes.

- The secret is sealed at rest (server/account/secret_box.py) and leaves the server once, in
  the setup answer, which the idempotency layer never stores.
- A code is accepted for the current step and one step either side (a phone's clock is a
  little off), and only for a step after the last one accepted: a code seen once, on the
  wire or over a shoulder, never works again, nor does an older one.
- Recovery codes (`K7MQ-29XP`, about 40 bits each) are stored as salted hashes and work once.
- Codes are throttled with the passwords (server/auth/throttle.py): a wrong code is a failed
  login of the account from that address.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import record_change
from server.account.secret_box import seal, unseal
from server.auth.tokens import CODE_ALPHABET, codes_match, hash_code, normalise_code
from server.config import Settings
from server.models import Organisation, RecoveryCode, Role, TwoFactor, User
from server.policy import organisation_policy
from server.problems import Problem

RECOVERY_CODES = 10
VALID_WINDOW = 1  # steps either side of now
STEP_SECONDS = 30


def _label(user: User) -> str:
    return f"totp:{user.id}"


async def two_factor_of(db: AsyncSession, user: User) -> TwoFactor | None:
    """The account's confirmed two-factor login, or None when it is off."""
    row = await db.get(TwoFactor, user.id)
    return row if row is not None and row.confirmed_at is not None else None


async def required_by_policy(db: AsyncSession, user: User) -> bool:
    """Whether the organisation requires this account to log in with a code: its managers,
    under `two_factor_required_for_managers` (docs/api.md, "Required for managers")."""
    return user.role == Role.MANAGER and (
        await organisation_policy(db, user.organisation_id)).two_factor_required_for_managers


@dataclass(frozen=True)
class Setup:
    secret: str
    uri: str

    def __repr__(self) -> str:
        return "Setup(…)"


async def start_setup(db: AsyncSession, settings: Settings, user: User) -> Setup:
    """A new secret for the account, not yet in force; an unconfirmed earlier one is
    replaced."""
    if await two_factor_of(db, user) is not None:
        raise Problem("two_factor_already_on")
    secret = pyotp.random_base32()
    organisation = await db.get(Organisation, user.organisation_id)
    issuer = organisation.name if organisation else "Ouderportaal"
    now = settings.now()
    row = await db.get(TwoFactor, user.id)
    if row is None:
        db.add(TwoFactor(user_id=user.id, sealed_secret=seal(settings, secret, _label(user)),
                         created_at=now))
    else:
        row.sealed_secret = seal(settings, secret, _label(user))
        row.created_at = now
        row.last_step = None
    await db.commit()
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)
    return Setup(secret, uri)


def _accepted_step(settings: Settings, row: TwoFactor, user: User, code: str,
                   now: datetime) -> int | None:
    """The time step `code` belongs to, when it is a fresh valid TOTP code; else None."""
    digits = "".join(ch for ch in code if not ch.isspace())
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = pyotp.TOTP(unseal(settings, row.sealed_secret, _label(user)))
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if row.last_step is not None and step <= row.last_step:
            continue
        if secrets.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def _new_recovery_codes(db: AsyncSession, user: User) -> list[str]:
    codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
    for code in codes:
        salt = secrets.token_hex(16)
        db.add(RecoveryCode(user_id=user.id, code_salt=salt, code_hash=hash_code(code, salt)))
    return codes


async def confirm_setup(db: AsyncSession, settings: Settings, user: User,
                        code: str) -> list[str]:
    """Turn the two-factor login on with a code from the new secret; returns the recovery
    codes (shown this once)."""
    row = await db.get(TwoFactor, user.id, with_for_update=True)
    if row is None or row.confirmed_at is not None:
        raise Problem("two_factor_already_on" if row is not None else "two_factor_not_set_up")
    now = settings.now()
    step = _accepted_step(settings, row, user, code, now)
    if step is None:
        raise Problem("two_factor_code_invalid")
    row.confirmed_at = now
    row.last_step = step
    await db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = _new_recovery_codes(db, user)
    record_change(db, now, user, "two_factor_on")
    await db.commit()
    return codes


async def check_code(db: AsyncSession, settings: Settings, user: User, code: str) -> str | None:
    """Whether `code` proves the second factor now: "totp" or "recovery_code" (that one is
    used up), None when it does not. The caller commits."""
    row = await two_factor_of(db, user)
    if row is None:
        return None
    now = settings.now()
    step = _accepted_step(settings, row, user, code, now)
    if step is not None:
        row.last_step = step
        return "totp"
    if len(normalise_code(code)) != 8:
        return None
    unused = (await db.scalars(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)).with_for_update())).all()
    for recovery in unused:
        if codes_match(code, recovery.code_salt, recovery.code_hash):
            recovery.used_at = now
            return "recovery_code"
    return None


async def recovery_codes_left(db: AsyncSession, user: User) -> int:
    return len((await db.scalars(select(RecoveryCode.id).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)))).all())


async def turn_off(db: AsyncSession, settings: Settings, user: User) -> None:
    """The caller has checked a code. The secret and the recovery codes are deleted."""
    now = settings.now()
    await db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    await db.execute(delete(TwoFactor).where(TwoFactor.user_id == user.id))
    record_change(db, now, user, "two_factor_off")
    await db.commit()
