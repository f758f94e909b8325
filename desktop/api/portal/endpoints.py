"""``client.portal``: is this address a portal, and the organisation's policy values."""

from __future__ import annotations

from desktop.api.core.errors import NotAPortal, ProblemResponse, ServerError
from desktop.api.core.transport import Retry, Transport
from desktop.api.portal.records import Policy, PortalInfo

__all__ = ["PortalEndpoints"]


class PortalEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def info(self) -> PortalInfo:
        """Check that the base URL is an Ouderportaal server; raises :class:`NotAPortal`.

        A server that fails or is unavailable (5xx, also a proxy's error page) is not "no
        portal": it raises :class:`ServerError` / :class:`PortalUnavailable`, so the parent is
        told to try again later rather than to check the address.
        """
        base_url = self._core.base_url
        try:
            response = await self._core.request("GET", "/portal", authenticated=False,
                                                retry=Retry.SAFE)
        except ServerError as exc:
            if exc.code == "http_error" and exc.status < 500:  # e.g. a redirect to a website
                raise NotAPortal(f"{base_url} answered HTTP {exc.status}") from exc
            raise
        except ProblemResponse as exc:
            if exc.code.startswith("http_") or exc.status == 404:
                raise NotAPortal(f"{base_url} has no portal API") from exc
            raise
        try:
            return PortalInfo.from_json(response.json(), base_url)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAPortal(f"{base_url} is not an Ouderportaal server") from exc

    async def policy(self) -> Policy:
        return self._core.parse(await self._core.request("GET", "/policy"), Policy.from_json)
