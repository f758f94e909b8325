"""How the services make a :class:`PortalClient`: one factory, injected, so every client of the
app shares the same language and device name, and tests can slip in an ``httpx`` transport.

The HTTP stack is not imported when the app starts: the login window paints without it.
:meth:`ClientFactory.ready` loads it — httpx, the client's modules and the CA certificates —
in a worker thread, once per process; a client made after that costs the GUI thread next to
nothing (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from desktop.api.client import PortalClient
    from desktop.api.core.tokens import Tokens

__all__ = ["ClientFactory"]


@dataclass(frozen=True)
class ClientFactory:
    """Builds portal clients; ``transport`` is for tests (``httpx.MockTransport``) and
    ``timeout`` overrides the client's default."""

    language: str = "nl"
    transport: httpx.AsyncBaseTransport | None = None
    timeout: httpx.Timeout | None = None
    max_retries: int = 2
    device_name: str | None = None

    async def ready(self) -> None:
        """Load the HTTP stack off the GUI thread; at once when it is loaded already."""
        await asyncio.to_thread(_load_http_stack, tls=self.transport is None)

    def __call__(
        self, base_url: str, on_tokens: Callable[[Tokens | None], None] | None = None,
        on_outcome: Callable[[bool], None] | None = None,
    ) -> PortalClient:
        """A new client for ``base_url``; raises ``AddressError`` for an unusable address."""
        from desktop.api.client import PortalClient  # loaded by ready() off the GUI thread

        options = {} if self.timeout is None else {"timeout": self.timeout}
        return PortalClient(
            base_url,
            transport=self.transport,
            max_retries=self.max_retries,
            language=self.language,
            on_tokens=on_tokens,
            on_outcome=on_outcome,
            device_name=self.device_name,
            **options,
        )


def _load_http_stack(*, tls: bool) -> None:
    """Import the client (httpx with it) and build what every client shares; all cached."""
    import desktop.api.client  # noqa: F401 (the import is the work)
    from desktop.api.core.transport import tls_context, user_agent

    user_agent()
    if tls:
        tls_context()
