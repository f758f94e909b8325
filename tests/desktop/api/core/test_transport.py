"""What every request carries (language, user agent) and where it may go (https, loopback)."""

from __future__ import annotations

import pytest

from desktop.api.client import PortalClient
from desktop.api.core.address import InsecureAddress


async def test_requests_identify_the_app_language_and_user(logged_in, portal) -> None:
    await logged_in.profile.me()
    request = portal.sent("GET", "/me")[0]
    assert request.headers["authorization"] == "Bearer access-1"
    assert request.headers["accept-language"] == "nl"
    assert request.headers["user-agent"].startswith("Ouderportaal-Desktop/")
    assert request.headers["user-agent"] != "Ouderportaal-Desktop/unknown"


async def test_language_is_configurable(portal) -> None:
    async with PortalClient("zonnebloem", transport=portal.transport, language="en") as client:
        await client.portal.info()
    assert portal.requests[0].headers["accept-language"] == "en"


@pytest.mark.parametrize(
    "address", ["http://zonnebloem.ouderportaal.nl", "http://portal.example.org:8080"]
)
def test_plain_http_is_refused_for_real_portals(address) -> None:
    with pytest.raises(InsecureAddress):
        PortalClient(address)


async def test_plain_http_is_fine_on_loopback(portal) -> None:
    async with PortalClient("http://127.0.0.1:8765/", transport=portal.transport) as client:
        assert client.base_url == "http://127.0.0.1:8765"
        await client.portal.info()
    assert str(portal.requests[0].url) == "http://127.0.0.1:8765/api/v1/portal"

