"""Forgotten password (and first activation): request the mail, then confirm with its code."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.api.core.address import AddressError, portal_base_url
from desktop.api.core.errors import PortalError
from desktop.services.session.clients import ClientFactory
from desktop.services.shared.errors import address_message, password_refusal, user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

if TYPE_CHECKING:
    from desktop.api.client import PortalClient

__all__ = ["PasswordResetService"]

log = logging.getLogger(__name__)

Work = Callable[["PortalClient"], Awaitable[None]]


class PasswordResetService(QObject):
    """The "forgot password" flow against the organisation's portal.

    Signals: ``busyChanged(bool)``; ``mailRequested()`` — after every accepted request, since
    the server never says whether it knows the address; ``passwordChanged()``; ``failed(str)``
    (translated); ``passwordAssessed(strength, refusal)`` — the portal's estimate of a new
    password from 0 (guessed at once) to 4, and why the policy refuses it ("" when it does
    not). An assessment that fails (offline) says nothing: the confirmation still checks.
    """

    busyChanged = Signal(bool)
    mailRequested = Signal()
    passwordChanged = Signal()
    failed = Signal(str)
    passwordAssessed = Signal(int, str)

    def __init__(
        self,
        *,
        clients: ClientFactory | None = None,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients or ClientFactory()
        self._tasks = TaskRunner(on_crash)
        self._busy = False
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self, organisation: str, email: str) -> None:
        """Ask the portal to mail a reset link and code to ``email``."""
        email = email.strip()
        if not email:
            self.failed.emit(self.tr("Enter your e-mail address."))
            return
        self._start(organisation, lambda client: self._request(client, email))

    def confirm(self, organisation: str, email: str, code: str, new_password: str,
                end_other_sessions: bool = True) -> None:
        """Set ``new_password`` with the code from the mail; by default the account's other
        sessions end too (whoever knew the old password is logged out)."""
        email, code = email.strip(), code.strip().upper()
        if not email or not code:
            self.failed.emit(self.tr("Enter your e-mail address and the code from the e-mail."))
            return
        self._start(organisation, lambda client: self._confirm(
            client, email, code, new_password, end_other_sessions))

    def assess(self, organisation: str, email: str, new_password: str) -> None:
        """Ask the portal how ``new_password`` fares; a newer call replaces a pending one."""
        try:
            base_url = portal_base_url(organisation)
        except AddressError:
            return
        self._tasks.run("assess", self._assess(base_url, email.strip(), new_password),
                        lambda error: log.info("no password estimate: %s",
                                               type(error).__name__))

    async def _assess(self, base_url: str, email: str, new_password: str) -> None:
        client = self._clients(base_url)
        try:
            verdict = await client.auth.check_new_password(email, new_password)
        finally:
            await client.aclose()
        refusal = "" if verdict.acceptable else password_refusal(verdict.reason)
        self.passwordAssessed.emit(verdict.strength, refusal)

    def _start(self, organisation: str, work: Work) -> None:
        try:
            base_url = portal_base_url(organisation)
        except AddressError as error:
            self.failed.emit(address_message(error))
            return
        self._set_busy(True)
        self._generation += 1
        # One name for both steps: a new request or confirmation replaces a pending one.
        self._tasks.run("reset", self._with_client(base_url, work, self._generation), self._failed)

    async def _with_client(self, base_url: str, work: Work, generation: int) -> None:
        client: PortalClient | None = None
        try:
            await self._clients.ready()
            client = self._clients(base_url)
            await work(client)
        finally:
            if client is not None:
                await client.aclose()
            if generation == self._generation:  # not replaced by a newer action
                self._set_busy(False)

    async def _request(self, client: PortalClient, email: str) -> None:
        await client.auth.request_password_reset(email)
        self.mailRequested.emit()

    async def _confirm(
        self, client: PortalClient, email: str, code: str, new_password: str,
        end_other_sessions: bool,
    ) -> None:
        await client.auth.confirm_password_reset(email, code, new_password,
                                            end_other_sessions=end_other_sessions)
        self.passwordChanged.emit()

    def _failed(self, error: PortalError) -> None:
        self.failed.emit(user_message(error))

    async def aclose(self) -> None:
        await self._tasks.drain()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
