"""``client.account``: the devices where the account is logged in, the account's security
(password, login address, two-factor login, new-device mails) and its notification
preferences."""

from __future__ import annotations

from desktop.api.account.records import (
    AccountSecurity,
    AuthSession,
    NotificationPreferences,
    TwoFactorSetup,
)
from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Retry, Transport, new_idempotency_key

__all__ = ["AccountEndpoints"]


class AccountEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def sessions(self) -> list[AuthSession]:
        """The account's logged-in devices, newest first (all pages)."""
        return await all_pages(self._core, "/auth/sessions", "sessions", AuthSession.from_json)

    async def end_session(self, session_id: str) -> None:
        await self._core.request("DELETE", f"/auth/sessions/{session_id}",
                                 idempotency_key=new_idempotency_key())

    async def security(self) -> AccountSecurity:
        response = await self._core.request("GET", "/account/security")
        return self._core.parse(response, AccountSecurity.from_json)

    # The password, e-mail and two-factor setup calls carry secrets one way or the other: the
    # server never replays them (docs/api.md, "Account security"), so they are sent once.

    async def change_password(self, current: str, new: str, end_other_sessions: bool) -> int:
        """The new password; returns how many other devices were logged out."""
        response = await self._core.request(
            "POST", "/account/password", retry=Retry.UNSENT,
            json={"current_password": current, "new_password": new,
                  "end_other_sessions": end_other_sessions})
        return self._core.parse(response, lambda data: int(data["sessions_ended"]))

    async def request_email_change(self, current_password: str,
                                   new_email: str) -> AccountSecurity:
        response = await self._core.request(
            "POST", "/account/email", retry=Retry.UNSENT,
            json={"current_password": current_password, "new_email": new_email})
        return self._core.parse(response, AccountSecurity.from_json)

    async def confirm_email_change(self, code: str) -> AccountSecurity:
        response = await self._core.request("POST", "/account/email/confirm",
                                            json={"code": code},
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, AccountSecurity.from_json)

    async def start_two_factor(self) -> TwoFactorSetup:
        response = await self._core.request("POST", "/account/two-factor/setup",
                                            retry=Retry.UNSENT)
        return self._core.parse(response, TwoFactorSetup.from_json)

    async def confirm_two_factor(self, code: str) -> list[str]:
        """Turns it on; returns the ten recovery codes (shown this once)."""
        response = await self._core.request("POST", "/account/two-factor/confirm",
                                            json={"code": code}, retry=Retry.UNSENT)
        return self._core.parse(response,
                                lambda data: [str(c) for c in data["recovery_codes"]])

    async def disable_two_factor(self, code: str) -> AccountSecurity:
        response = await self._core.request("POST", "/account/two-factor/disable",
                                            json={"code": code},
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, AccountSecurity.from_json)

    async def set_new_device_mail(self, on: bool) -> AccountSecurity:
        response = await self._core.request("PUT", "/account/settings",
                                            json={"new_device_mail": on},
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, AccountSecurity.from_json)

    async def notifications(self) -> NotificationPreferences:
        response = await self._core.request("GET", "/account/notifications")
        return self._core.parse(response, NotificationPreferences.from_json)

    async def set_notifications(self, chosen: NotificationPreferences,
                                key: str | None = None) -> NotificationPreferences:
        response = await self._core.request("PUT", "/account/notifications",
                                            json=chosen.to_json(),
                                            idempotency_key=key or new_idempotency_key())
        return self._core.parse(response, NotificationPreferences.from_json)
