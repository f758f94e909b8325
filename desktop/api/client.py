"""The async client of the portal API (docs/api.md): one instance per account.

:class:`PortalClient` is the transport core (:mod:`desktop.api.core.transport`: tokens, the
shared silent refresh, retries, problems, idempotency keys, streaming downloads) with one small
endpoint group per feature, reached as attributes — ``client.auth.login(...)``,
``client.agenda.fetch(...)``, ``client.finance.overview(...)``. Each group lives next to its
typed records in ``desktop/api/<group>/{endpoints,records}.py``; a new feature adds a group
and one attribute here, and leaves the core alone.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import datetime

import httpx

from desktop.api.absences.endpoints import AbsenceEndpoints
from desktop.api.account.endpoints import AccountEndpoints
from desktop.api.agenda.endpoints import AgendaEndpoints
from desktop.api.auth.endpoints import AuthEndpoints
from desktop.api.core.tokens import Tokens
from desktop.api.core.transport import DEFAULT_TIMEOUT, Transport
from desktop.api.diary.endpoints import DiaryEndpoints
from desktop.api.events.endpoints import EventEndpoints
from desktop.api.extra_days.endpoints import ExtraDayEndpoints
from desktop.api.finance.endpoints import FinanceEndpoints
from desktop.api.messages.endpoints import MessageEndpoints
from desktop.api.news.endpoints import NewsEndpoints
from desktop.api.personal_data.endpoints import PersonalDataEndpoints
from desktop.api.photos.endpoints import PhotoEndpoints
from desktop.api.portal.endpoints import PortalEndpoints
from desktop.api.profile.endpoints import ProfileEndpoints

__all__ = ["PortalClient"]


class PortalClient:
    """Client of one portal for one account.

    ``on_tokens`` is called with the new :class:`Tokens` after every login, restore and refresh
    (so the caller can persist the rotated refresh token) and with ``None`` when the tokens are
    gone (logout, or a refresh the server refused); ``on_outcome(reached)`` after every request
    (see :class:`Transport`). ``transport`` is for tests (``httpx.MockTransport``).
    """

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        language: str = "nl",
        on_tokens: Callable[[Tokens | None], None] | None = None,
        on_outcome: Callable[[bool], None] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        device_name: str | None = None,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._core = Transport(
            base_url,
            http_transport=transport,
            timeout=timeout,
            max_retries=max_retries,
            language=language,
            on_tokens=on_tokens,
            on_outcome=on_outcome,
            sleep=sleep,
            clock=clock,
            rng=rng,
        )
        self.portal = PortalEndpoints(self._core)
        self.auth = AuthEndpoints(self._core, device_name)
        self.account = AccountEndpoints(self._core)
        self.profile = ProfileEndpoints(self._core)
        self.agenda = AgendaEndpoints(self._core)
        self.absences = AbsenceEndpoints(self._core)
        self.extra_days = ExtraDayEndpoints(self._core)
        self.finance = FinanceEndpoints(self._core)
        self.personal_data = PersonalDataEndpoints(self._core)
        self.messages = MessageEndpoints(self._core)
        self.news = NewsEndpoints(self._core)
        self.events = EventEndpoints(self._core)
        self.photos = PhotoEndpoints(self._core)
        self.diary = DiaryEndpoints(self._core)

    @property
    def base_url(self) -> str:
        return self._core.base_url

    @property
    def tokens(self) -> Tokens | None:
        return self._core.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Replace the tokens without telling ``on_tokens`` (the caller already knows them)."""
        self._core.set_tokens(tokens)

    async def aclose(self) -> None:
        await self._core.aclose()

    async def __aenter__(self) -> PortalClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
