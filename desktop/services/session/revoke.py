"""Telling the portal that a login ends here: revoking a session, also a remembered one.

Nothing in here may keep a logout from happening on this computer: the local state is gone
before these run, and a portal that cannot be told (offline, slow) lets the refresh token
expire by itself.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from desktop.api.core.errors import PortalError
from desktop.services.session.clients import ClientFactory

if TYPE_CHECKING:
    from desktop.api.client import PortalClient

__all__ = ["REVOKE_TIMEOUT", "close_client", "revoke_refresh_token"]

log = logging.getLogger(__name__)

#: How long logging out waits for the server to revoke the session before giving up.
REVOKE_TIMEOUT = 5.0


async def close_client(client: PortalClient, *, revoke: bool) -> None:
    """Close ``client``; with ``revoke`` ask the server to end its session first."""
    try:
        if revoke:
            await asyncio.wait_for(client.auth.logout(), REVOKE_TIMEOUT)
    except (PortalError, TimeoutError) as error:
        # This computer is logged out either way; the server ends the session when the
        # refresh token expires.
        log.info("the server could not revoke the session: %s", type(error).__name__)
    finally:
        await client.aclose()


async def revoke_refresh_token(clients: ClientFactory, base_url: str, refresh_token: str) -> None:
    """End the login behind a remembered refresh token that this computer forgets."""
    await clients.ready()
    client = clients(base_url)
    try:
        await client.auth.restore(refresh_token)
    except PortalError as error:
        # Offline or already ended: nothing here keeps the token any more, and the server
        # lets it expire.
        log.info("a forgotten login could not be ended on the server: %s",
                 type(error).__name__)
        await client.aclose()
        return
    await close_client(client, revoke=True)
