"""The audit log of account and family data changes (`AuditEntry`): who, when, what, the
old and new value. Secrets never enter it; an IBAN only masked (`mask_iban`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuditEntry, User


def record_change(db: AsyncSession, at: datetime, actor: User | None, action: str, *,
                  subject: User | None = None, family_id: int | None = None,
                  field: str | None = None, old: str | None = None,
                  new: str | None = None) -> None:
    """Add an entry to the session's transaction; the caller commits."""
    subject = subject or actor
    db.add(AuditEntry(
        at=at, actor_id=actor.id if actor else None,
        subject_user_id=subject.id if subject else None,
        family_id=family_id if family_id is not None else (subject.family_id if subject
                                                           else None),
        action=action, field=field, old_value=old, new_value=new))


def mask_iban(iban: str | None) -> str | None:
    """`NL91 **** **** **43 00`-style: country, and the last four characters."""
    if not iban:
        return iban
    compact = iban.replace(" ", "")
    return compact[:2] + "*" * (len(compact) - 6) + compact[-4:]
