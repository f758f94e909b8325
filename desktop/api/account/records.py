"""Records of the account's own data: the logged-in devices (auth sessions) and the account's
security (login address, two-factor login, new-device mails)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.api.core.fields import Json, as_int, as_optional_str, as_str, as_timestamp

__all__ = ["CATEGORIES", "AccountSecurity", "AuthSession", "NotificationPreferences",
           "TwoFactorSetup", "grouped_secret"]

#: The categories of desktop notification, in the portal's order (docs/api.md,
#: "Notifications"): parents have all of them, staff and managers the first two.
CATEGORIES = ("messages", "news", "decisions", "diary", "photos")


def grouped_secret(secret: str) -> str:
    """``JBSW Y3DP EHPK 3PXP``: easier to type over from the screen (authenticator apps
    ignore the spaces), and a line can wrap between the groups."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@dataclass(frozen=True)
class AuthSession:
    """One logged-in device of the user (``GET /auth/sessions``); the UI says "device"."""

    id: str
    device_name: str
    created_at: datetime
    last_used_at: datetime
    current: bool

    @classmethod
    def from_json(cls, data: Json) -> AuthSession:
        return cls(
            id=str(data["id"]),
            device_name=as_optional_str(data.get("device_name")) or "",
            created_at=as_timestamp(data["created_at"]),
            last_used_at=as_timestamp(data["last_used_at"]),
            current=bool(data.get("current", False)),
        )


@dataclass(frozen=True)
class AccountSecurity:
    """``GET /account/security``: the login address (and a new one waiting for its code),
    whether the login asks for a code, and whether new devices are reported by mail."""

    email: str
    pending_email: str | None
    two_factor: bool
    recovery_codes_left: int
    new_device_mail: bool
    #: The organisation requires it of this account (a manager): it cannot be turned off.
    two_factor_required: bool = False

    @classmethod
    def from_json(cls, data: Json) -> AccountSecurity:
        return cls(email=as_str(data["email"]),
                   pending_email=as_optional_str(data.get("pending_email")),
                   two_factor=bool(data["two_factor"]),
                   recovery_codes_left=as_int(data.get("recovery_codes_left", 0)),
                   new_device_mail=bool(data["new_device_mail"]),
                   two_factor_required=data.get("two_factor_required") is True)


@dataclass(frozen=True)
class TwoFactorSetup:
    """A new two-factor secret, not in force until a code of it is confirmed. A secret:
    never logged (the repr hides it)."""

    secret: str
    otpauth_uri: str

    def __repr__(self) -> str:
        return "TwoFactorSetup(…)"

    @classmethod
    def from_json(cls, data: Json) -> TwoFactorSetup:
        return cls(secret=as_str(data["secret"]), otpauth_uri=as_str(data["otpauth_uri"]))


@dataclass(frozen=True)
class NotificationPreferences:
    """``GET /account/notifications``: the account's desktop categories (only those of its
    role, in order) and the mails about unread messages."""

    desktop: dict[str, bool]
    email_unread_messages: bool = False
    email_include_text: bool = False

    @classmethod
    def from_json(cls, data: Json) -> NotificationPreferences:
        desktop = data.get("desktop") or {}
        # A category this app does not know yet is kept out: it has no checkbox here.
        return cls(desktop={c: bool(desktop[c]) for c in CATEGORIES if c in desktop},
                   email_unread_messages=data.get("email_unread_messages") is True,
                   email_include_text=data.get("email_include_text") is True)

    def to_json(self) -> Json:
        return {"desktop": dict(self.desktop),
                "email_unread_messages": self.email_unread_messages,
                "email_include_text": self.email_include_text}
