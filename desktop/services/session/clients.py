"""How the services make a :class:`PortalClient`: one factory, injected, so every client of the
app shares the same language and device name, and tests can slip in an ``httpx`` transport."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from desktop.api.client import PortalClient
from desktop.api.core.tokens import Tokens
from desktop.api.core.transport import DEFAULT_TIMEOUT

__all__ = ["ClientFactory"]


@dataclass(frozen=True)
class ClientFactory:
    """Builds portal clients; ``transport`` is for tests (``httpx.MockTransport``)."""

    language: str = "nl"
    transport: httpx.AsyncBaseTransport | None = None
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = 2
    device_name: str | None = None

    def __call__(
        self, base_url: str, on_tokens: Callable[[Tokens | None], None] | None = None,
        on_outcome: Callable[[bool], None] | None = None,
    ) -> PortalClient:
        """A new client for ``base_url``; raises ``AddressError`` for an unusable address."""
        return PortalClient(
            base_url,
            transport=self.transport,
            timeout=self.timeout,
            max_retries=self.max_retries,
            language=self.language,
            on_tokens=on_tokens,
            on_outcome=on_outcome,
            device_name=self.device_name,
        )
