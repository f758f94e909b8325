"""Checking what a parent typed into the organisation field, before logging in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.api.core.address import AddressError, portal_base_url
from desktop.services.session.clients import ClientFactory
from desktop.services.shared.errors import address_message, user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["PortalCheck"]


class PortalCheck(QObject):
    """Asks ``GET /portal`` whether an address is an Ouderportaal server.

    Signals: ``checked(base_url, organisation_name)`` and ``failed(str)`` (translated). A new
    check replaces one still running (the parent typed on).
    """

    checked = Signal(str, str)
    failed = Signal(str)

    def __init__(
        self,
        clients: ClientFactory,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = TaskRunner(on_crash)

    def check(self, organisation: str) -> None:
        try:
            base_url = portal_base_url(organisation)
        except AddressError as error:
            self._tasks.cancel("check")
            self.failed.emit(address_message(error))
            return
        self._tasks.run(
            "check", self._check(base_url), lambda error: self.failed.emit(user_message(error))
        )

    async def _check(self, base_url: str) -> None:
        await self._clients.ready()
        client = self._clients(base_url)
        try:
            info = await client.portal.info()
        finally:
            await client.aclose()
        self.checked.emit(info.base_url, info.name)

    async def aclose(self) -> None:
        await self._tasks.drain()
