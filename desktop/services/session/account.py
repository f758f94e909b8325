"""The logged-in account, and the state that belongs to one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.api.core.errors import AccountDisabled, AccountExpired, PortalError, SessionExpired
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Profile, Role
from desktop.cache.paths import account_key
from desktop.services.session.password_check import PasswordCheck

if TYPE_CHECKING:
    from desktop.api.client import PortalClient
    from desktop.api.core.tokens import Tokens
    from desktop.cache.store import AccountCache

__all__ = ["STAFF_ROLES", "Account", "SessionState", "now", "setting_is_true", "why_expired"]

#: Roles that always work in shared-PC mode (location computers).
STAFF_ROLES = frozenset({Role.STAFF, Role.MANAGER})


@dataclass(frozen=True)
class Account:
    """The logged-in account as the views see it."""

    key: str
    base_url: str
    email: str
    display_name: str
    organisation_name: str
    role: Role
    shared_pc: bool

    @classmethod
    def of(cls, base_url: str, email: str, organisation: str, profile: Profile, *,
           shared_computer: bool, key: str | None = None) -> Account:
        """The account of ``profile``; staff accounts always work in shared-PC mode. ``key``:
        a remembered account's folder, whatever its e-mail address is today."""
        role = profile.user.role
        return cls(
            key=key or account_key(base_url, email),
            base_url=base_url,
            email=email,
            display_name=profile.user.name,
            organisation_name=organisation,
            role=role,
            shared_pc=shared_computer or role in STAFF_ROLES,
        )


@dataclass(eq=False)
class SessionState:
    """What belongs to one logged-in account; replaced as a whole at login and logout.

    ``client`` is the account's one portal client. A session resumed from the offline data has
    none until its first request: the main window paints from the cache before the HTTP stack
    is even loaded.
    """

    account: Account
    client: PortalClient | None
    cache: AccountCache
    remember: bool
    check: PasswordCheck | None  # None for a resumed session: no password was typed
    policy: Policy
    restore_pending: bool = False  # a remembered login whose keyring token is not used yet

    @property
    def tokens(self) -> Tokens | None:
        return self.client.tokens if self.client is not None else None


def now() -> datetime:
    return datetime.now(UTC)


def setting_is_true(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def why_expired(error: PortalError | None) -> PortalError:
    """A refused refresh because access ended deserves that message, not "session expired"."""
    if isinstance(error, AccountExpired):
        return error
    if isinstance(error, SessionExpired):
        if error.code == "account_expired":
            return AccountExpired(error.status, error.code, error.detail, error.extra)
        if error.code == "account_disabled":
            return AccountDisabled(error.status, error.code, error.detail, error.extra)
        return error
    return SessionExpired(401, "session_expired")
