"""The desktop app's agenda services over the real portal, wired as the app wires them, for the
service-level end-to-end tests (the ``make_services`` fixture in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from desktop.services.agenda.extra_days import ExtraDayService
from desktop.services.agenda.service import AgendaService
from desktop.services.profile import ProfileService
from desktop.services.session.clients import ClientFactory
from desktop.services.session.service import SessionService


class AgendaApp:
    """The three services as the desktop app wires them."""

    def __init__(self, data_root: Path, qapp, crashes: list, transport=None) -> None:
        clients = ClientFactory(language="en", max_retries=0, transport=transport)
        self.session = SessionService(data_root, clients=clients, app=qapp,
                                      on_crash=crashes.append)
        self.profile = ProfileService(self.session, on_crash=crashes.append)
        self.agenda = AgendaService(self.session, self.profile, on_crash=crashes.append)
        self.extra_days = ExtraDayService(self.session, on_crash=crashes.append)

    async def aclose(self) -> None:
        await self.extra_days.aclose()
        await self.agenda.aclose()
        await self.profile.aclose()
        await self.session.aclose()
