"""``client.auth``: logging in and out, a remembered login, and the password reset.

The silent token refresh itself is the transport core's (every request may need it); this group
starts and ends what the core keeps.
"""

from __future__ import annotations

import platform

from desktop.api.account.records import TwoFactorSetup
from desktop.api.auth.records import PasswordAssessment
from desktop.api.core.errors import SessionExpired
from desktop.api.core.tokens import Tokens
from desktop.api.core.transport import Retry, Transport, new_idempotency_key

__all__ = ["AuthEndpoints"]


class AuthEndpoints:
    def __init__(self, core: Transport, device_name: str | None = None) -> None:
        self._core = core
        self._device_name = device_name if device_name is not None else platform.node()

    async def login(self, email: str, password: str, device_token: str | None = None) -> Tokens:
        """Log in; ``device_token`` is the one this account's last login on this device got
        (``Tokens.device_token``), so strangers' failed logins cannot lock this device out."""
        body = {"email": email, "password": password, "device_name": self._device_name}
        if device_token is not None:
            body["device_token"] = device_token
        response = await self._core.request(
            "POST", "/auth/login", json=body, authenticated=False, retry=Retry.NEVER
        )
        tokens = self._core.parse(response, lambda data: Tokens.from_json(data, self._core.now()))
        self._core.store_tokens(tokens)
        return tokens

    async def login_with_code(self, challenge: str, code: str,
                              device_token: str | None = None) -> Tokens:
        """The second step of a two-factor login (``TwoFactorRequired`` from :meth:`login`),
        with this device's token as :meth:`login` sends it."""
        body = {"challenge": challenge, "code": code}
        if device_token is not None:
            body["device_token"] = device_token
        response = await self._core.request(
            "POST", "/auth/login/two-factor", json=body, authenticated=False, retry=Retry.NEVER,
        )
        tokens = self._core.parse(response, lambda data: Tokens.from_json(data, self._core.now()))
        self._core.store_tokens(tokens)
        return tokens

    async def start_setup_at_login(self, challenge: str) -> TwoFactorSetup:
        """The secret for the authenticator app of a manager who must set the two-factor
        login up first (``TwoFactorSetupRequired`` from :meth:`login`)."""
        response = await self._core.request(
            "POST", "/auth/login/two-factor-setup", json={"challenge": challenge},
            authenticated=False, retry=Retry.UNSENT)
        return self._core.parse(response, TwoFactorSetup.from_json)

    async def confirm_setup_at_login(self, challenge: str, code: str,
                                     device_token: str | None = None
                                     ) -> tuple[Tokens, list[str]]:
        """Turn it on with a code of the new secret, which logs in: the tokens and the ten
        recovery codes (shown this once)."""
        body = {"challenge": challenge, "code": code}
        if device_token is not None:
            body["device_token"] = device_token
        response = await self._core.request(
            "POST", "/auth/login/two-factor-setup/confirm", json=body, authenticated=False,
            retry=Retry.NEVER)
        tokens, codes = self._core.parse(response, lambda data: (
            Tokens.from_json(data, self._core.now()), [str(c) for c in data["recovery_codes"]]))
        self._core.store_tokens(tokens)
        return tokens, codes

    async def restore(self, refresh_token: str) -> Tokens:
        """Start from a remembered refresh token (e.g. from the keyring)."""
        return await self._core.restore(refresh_token)

    async def refresh(self) -> Tokens:
        return await self._core.refresh()

    async def logout(self) -> None:
        """Revoke the session on the server; the local tokens are gone afterwards in any case.

        A session the server already considers ended counts as logged out. Any other failure
        (offline, server error) is raised after the tokens were dropped, so the caller can say
        that this computer is logged out but the server could not be told.
        """
        if self._core.tokens is None:
            return
        try:
            await self._core.request("POST", "/auth/logout",
                                     idempotency_key=new_idempotency_key(), retry=Retry.NEVER)
        except SessionExpired:
            pass
        finally:
            self._core.drop_tokens()

    async def request_password_reset(self, email: str) -> None:
        await self._core.request(
            "POST",
            "/auth/password-reset",
            json={"email": email},
            authenticated=False,
            retry=Retry.UNSENT,
        )

    async def check_new_password(self, email: str, new_password: str) -> PasswordAssessment:
        """The portal's verdict on a new password (nothing is stored), to show as it is typed."""
        response = await self._core.request(
            "POST",
            "/auth/password-reset/check",
            json={"email": email, "new_password": new_password},
            authenticated=False,
            retry=Retry.NEVER,
        )
        return self._core.parse(response, PasswordAssessment.from_json)

    async def confirm_password_reset(
        self, email: str, code: str, new_password: str, end_other_sessions: bool = True
    ) -> None:
        body = {
            "email": email,
            "code": code,
            "new_password": new_password,
            "end_other_sessions": end_other_sessions,
        }
        await self._core.request(
            "POST",
            "/auth/password-reset/confirm",
            json=body,
            authenticated=False,
            retry=Retry.NEVER,
        )
