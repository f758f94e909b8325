"""client.portal: is this address a portal, and the organisation's policy."""

from __future__ import annotations

import httpx
import pytest

from desktop.api.core.errors import NotAPortal, PortalUnavailable, ServerError


async def test_portal_info_names_the_organisation(client, portal) -> None:
    info = await client.portal.info()
    assert info.name == "Kinderopvang Zonnebloem"
    assert info.short_name == "zonnebloem"
    assert info.base_url == "https://zonnebloem.ouderportaal.nl"
    assert portal.requests[0].url == "https://zonnebloem.ouderportaal.nl/api/v1/portal"


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, html="<html>Welkom bij onze website</html>"),
        httpx.Response(200, json={"hello": "world"}),
        httpx.Response(200, json=["not", "an", "object"]),
        httpx.Response(404, html="<h1>Not Found</h1>"),
        httpx.Response(404, json={"detail": "Not Found"}),
        httpx.Response(301, headers={"location": "https://elders.example.org/"}),
    ],
    ids=["html-page", "other-json", "json-list", "html-404", "fastapi-404", "redirect"],
)
async def test_something_else_at_the_address_is_not_a_portal(client, portal, answer) -> None:
    portal.route("GET", "/portal", lambda request: answer)
    with pytest.raises(NotAPortal):
        await client.portal.info()


@pytest.mark.parametrize(
    ("answer", "retry_after"),
    [
        (httpx.Response(503, headers={"Retry-After": "120"}, html="<h1>Onderhoud</h1>"), 120),
        (httpx.Response(503, text="Service Unavailable"), 0),
        (httpx.Response(502, html="<center>nginx</center>"), 0),
        (httpx.Response(504, html="<h1>Gateway Timeout</h1>"), 0),
        (httpx.Response(503, headers={"Retry-After": "Mon, 02 Mar 2026 09:05:00 GMT",
                                      "Date": "Mon, 02 Mar 2026 09:00:00 GMT"}), 300),
    ],
    ids=["maintenance-page", "plain-503", "proxy-502", "proxy-504", "retry-after-date"],
)
async def test_an_unavailable_portal_is_not_called_no_portal(client, portal, answer,
                                                             retry_after) -> None:
    portal.route("GET", "/portal", lambda request: answer)
    with pytest.raises(PortalUnavailable) as raised:
        await client.portal.info()
    assert raised.value.retry_after == retry_after


async def test_a_failing_portal_is_not_called_no_portal(client, portal) -> None:
    portal.route("GET", "/portal",
                 lambda request: httpx.Response(500, html="<h1>Internal Server Error</h1>"))
    with pytest.raises(ServerError) as raised:
        await client.portal.info()
    assert not isinstance(raised.value, NotAPortal | PortalUnavailable)


async def test_policy_values(logged_in) -> None:
    policy = await logged_in.portal.policy()
    assert policy.inactivity_lock_minutes == 10
    assert policy.absence_credit_notice_hours == 48

