"""Sessions, tokens, password resets, throttling, audit and idempotency records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, UtcDateTime, str_enum
from server.models.enums import AuthEventKind, TokenKind
from server.models.people import User


class AuthSession(Base):
    """One login on one device. Revoking it kills all its tokens at once."""

    __tablename__ = "auth_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    device_name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Moves forward at every refresh: the refresh token's lifetime.
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(40))

    user: Mapped[User] = relationship()


class SessionToken(Base):
    """An access or refresh token, stored only as its SHA-256 hash.

    Rotated tokens are kept with `retired_at` set, so presenting an old refresh token again
    is recognised as theft and ends the session.
    """

    __tablename__ = "session_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("auth_session.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[TokenKind] = mapped_column(str_enum(TokenKind, "token_kind"))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # A rotated refresh token: the pair that replaced it, sealed with a key only its holder
    # can derive (server/auth/tokens.py), for a repeat within the grace window.
    successor: Mapped[bytes | None] = mapped_column(LargeBinary)

    session: Mapped[AuthSession] = relationship()


class PasswordReset(Base):
    """A pending activation or password reset: a link token and a short code, both hashed."""

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    wrong_codes: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Set when a newer request supersedes it or too many wrong codes were tried.
    invalidated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship()


class ThrottleCounter(Base):
    """Login failures per key (server/auth/throttle.py), shared by all processes."""

    __tablename__ = "throttle_counter"

    # "account-address:" + e-mail (254) + "|" + client address (64) is the longest.
    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    consecutive_failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    window_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    window_failures: Mapped[int] = mapped_column(default=0)
    # Attempts being checked right now, and when the last one was claimed.
    in_flight: Mapped[int] = mapped_column(default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class KnownDevice(Base):
    """A device an account logged in from: its `device_token` (stored hashed) lifts the
    account-wide hourly cap of the login throttle for that account."""

    __tablename__ = "known_device"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuthEvent(Base):
    """Audit trail of authentication events. Never holds a password, token or code."""

    __tablename__ = "auth_event"
    __table_args__ = (Index("ix_auth_event_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[AuthEventKind] = mapped_column(str_enum(AuthEventKind, "auth_event_kind"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # The address that was typed, for failures on unknown accounts.
    email: Mapped[str | None] = mapped_column(String(254))
    session_id: Mapped[int | None]
    ip_address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    detail: Mapped[str | None] = mapped_column(String(100))


class IdempotencyRecord(Base):
    """The first response to a mutating request, replayed for the same user and key."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    content_type: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
