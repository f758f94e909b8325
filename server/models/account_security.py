"""Account security beyond the password: a pending e-mail change, the two-factor login
(its secret, recovery codes and the login's second step), the account's own settings, and
the audit log of changes to an account (docs/api.md, "Account security")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime


class EmailChange(Base):
    """A new login address waiting for the code mailed to it; the old one stays until then."""

    __tablename__ = "email_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True)
    new_email: Mapped[str] = mapped_column(String(254))
    code_salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    wrong_codes: Mapped[int] = mapped_column(default=0)
    # Set when the change took effect, or a newer request or too many wrong codes ended it.
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TwoFactor(Base):
    """An account's TOTP secret (RFC 6238), sealed with the server's key; on once confirmed."""

    __tablename__ = "two_factor"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    sealed_secret: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The time step of the last code accepted: that code, and older ones, never work again.
    last_step: Mapped[int | None]


class RecoveryCode(Base):
    """One single-use recovery code, stored as its salted hash."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True)
    code_salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class LoginChallenge(Base):
    """A login whose password was right and that waits for its two-factor code. The
    challenge token (stored hashed) stands in for the password in the second step."""

    __tablename__ = "login_challenge"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True)
    device_name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AccountSettings(Base):
    """What an account chose for itself. A missing row is the defaults."""

    __tablename__ = "account_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    new_device_mail: Mapped[bool] = mapped_column(default=True)


class AuditEntry(Base):
    """One change to an account or a family's data, or a decision on one: who, when, what,
    the old and new value (an IBAN masked, a secret never)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_subject_at", "subject_user_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"))
    action: Mapped[str] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(String(1000))
    new_value: Mapped[str | None] = mapped_column(String(1000))
