"""Logging in, silent token refresh, restore, logout — as the desktop app experiences them."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest

from desktop.api.address import InsecureAddress
from desktop.api.client import PortalClient
from desktop.api.errors import ConnectionProblem, InvalidCredentials, NotAPortal, SessionExpired
from desktop.api.records import Role

NOW_FOR_EXPIRY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_portal_info_names_the_organisation(client, portal) -> None:
    info = await client.portal_info()
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
        httpx.Response(500, html="<h1>Internal Server Error</h1>"),
        httpx.Response(301, headers={"location": "https://elders.example.org/"}),
    ],
    ids=["html-page", "other-json", "json-list", "html-404", "fastapi-404", "html-500", "redirect"],
)
async def test_something_else_at_the_address_is_not_a_portal(client, portal, answer) -> None:
    portal.route("GET", "/portal", lambda request: answer)
    with pytest.raises(NotAPortal):
        await client.portal_info()


async def test_login_stores_and_reports_tokens(client, portal, token_log) -> None:
    tokens = await client.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")

    assert client.tokens == tokens
    assert tokens.access_token == "access-1"
    assert tokens.refresh_token == "refresh-1"
    assert tokens.session_id == "s1"
    assert tokens.expires_at.isoformat() == "2026-03-02T09:15:00+00:00"
    assert token_log.reported == [tokens]
    (request,) = portal.sent("POST", "/auth/login")
    assert json.loads(request.content) == {
        "email": "sanne.devries@voorbeeld.nl",
        "password": "zonnebloem-demo",
        "device_name": "Keukenlaptop",
    }
    assert "authorization" not in request.headers


async def test_wrong_password_is_invalid_credentials(client, token_log) -> None:
    with pytest.raises(InvalidCredentials) as caught:
        await client.login("sanne.devries@voorbeeld.nl", "zonnebloem")
    assert caught.value.detail == "E-mailadres of wachtwoord is onjuist."
    assert client.tokens is None
    assert token_log.reported == []


async def test_requests_identify_the_app_language_and_user(logged_in, portal) -> None:
    await logged_in.me()
    request = portal.sent("GET", "/me")[0]
    assert request.headers["authorization"] == "Bearer access-1"
    assert request.headers["accept-language"] == "nl"
    assert request.headers["user-agent"].startswith("Ouderportaal-Desktop/")
    assert request.headers["user-agent"] != "Ouderportaal-Desktop/unknown"


async def test_language_is_configurable(portal) -> None:
    async with PortalClient("zonnebloem", transport=portal.transport, language="en") as client:
        await client.portal_info()
    assert portal.requests[0].headers["accept-language"] == "en"


async def test_me_returns_the_profile(logged_in) -> None:
    profile = await logged_in.me()
    assert profile.user.role is Role.PRIMARY_PARENT
    assert [c.full_name for c in profile.children] == ["Emma de Vries", "Daan de Vries"]


async def test_expired_access_token_is_refreshed_silently(logged_in, portal, token_log) -> None:
    portal.expire_access_tokens()

    profile = await logged_in.me()

    assert profile.user.name == "Sanne de Vries"
    (refresh,) = portal.sent("POST", "/auth/refresh")
    assert json.loads(refresh.content) == {"refresh_token": "refresh-1"}
    assert [r.headers["authorization"] for r in portal.sent("GET", "/me")] == [
        "Bearer access-1",
        "Bearer access-2",
    ]
    assert logged_in.tokens.refresh_token == "refresh-2"
    # Every rotation is reported, so the caller can keep the new refresh token.
    assert [t.refresh_token for t in token_log.reported] == ["refresh-1", "refresh-2"]


async def test_concurrent_callers_share_one_refresh(logged_in, portal) -> None:
    portal.expire_access_tokens()
    both_refused = asyncio.Event()
    me_route = portal.routes[("GET", "/api/v1/me")]
    refused = 0

    def me(request: httpx.Request) -> httpx.Response:
        nonlocal refused
        response = me_route(request)
        if response.status_code == 401:
            refused += 1
            if refused == 2:
                both_refused.set()
        return response

    refresh_route = portal.routes[("POST", "/api/v1/auth/refresh")]

    async def slow_refresh(request: httpx.Request) -> httpx.Response:
        await both_refused.wait()  # both callers have seen their 401 before the refresh ends
        return refresh_route(request)

    portal.route("GET", "/me", me)
    portal.route("POST", "/auth/refresh", slow_refresh)

    first, second = await asyncio.gather(logged_in.me(), logged_in.me())

    assert first == second
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert refused == 2
    assert logged_in.tokens.refresh_token == "refresh-2"


async def test_token_near_expiry_is_refreshed_before_the_request(portal, sleeps) -> None:
    now = [NOW_FOR_EXPIRY]
    async with PortalClient(
        "zonnebloem", transport=portal.transport, sleep=sleeps, clock=lambda: now[0]
    ) as client:
        await client.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")
        now[0] = NOW_FOR_EXPIRY.replace(minute=14, second=45)  # 15 s before expiry
        await client.me()
    assert [r.url.path for r in portal.requests] == [
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/me",
    ]
    assert portal.sent("GET", "/me")[0].headers["authorization"] == "Bearer access-2"


async def test_refused_refresh_ends_the_session(logged_in, portal, token_log) -> None:
    portal.expire_access_tokens()
    portal.revoked = True  # e.g. the parent ended this device's session elsewhere

    with pytest.raises(SessionExpired):
        await logged_in.me()

    assert logged_in.tokens is None
    assert token_log.reported[-1] is None
    requests_before = len(portal.requests)
    with pytest.raises(SessionExpired):
        await logged_in.me()
    assert len(portal.requests) == requests_before  # no pointless request without tokens


async def test_refresh_while_offline_keeps_the_tokens(logged_in, portal, token_log) -> None:
    portal.expire_access_tokens()

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused") from ConnectionRefusedError(111, "refused")

    portal.route("POST", "/auth/refresh", offline)

    with pytest.raises(ConnectionProblem):
        await logged_in.me()
    assert logged_in.tokens is not None
    assert logged_in.tokens.refresh_token == "refresh-1"
    assert None not in token_log.reported


async def test_server_error_during_refresh_keeps_the_tokens(logged_in, portal) -> None:
    portal.expire_access_tokens()
    portal.route("POST", "/auth/refresh", lambda r: portal.problem(500, "internal_error"))
    with pytest.raises(Exception) as caught:
        await logged_in.me()
    assert not isinstance(caught.value, SessionExpired)
    assert logged_in.tokens.refresh_token == "refresh-1"


async def test_refused_again_after_refresh_is_session_expired(logged_in, portal) -> None:
    portal.expire_access_tokens()
    portal.route("GET", "/me", lambda r: portal.problem(401, "not_authenticated"))
    with pytest.raises(SessionExpired):
        await logged_in.me()
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert logged_in.tokens is None


async def test_restore_starts_from_a_remembered_refresh_token(client, portal, token_log) -> None:
    portal.generation = 7  # the server knows refresh-7 from an earlier run of the app

    tokens = await client.restore("refresh-7")

    assert tokens.refresh_token == "refresh-8"
    assert client.tokens == tokens
    assert token_log.reported == [tokens]
    profile = await client.me()
    assert profile.family.name == "Familie De Vries"


async def test_restore_with_a_dead_token_is_session_expired(client, portal, token_log) -> None:
    with pytest.raises(SessionExpired):
        await client.restore("refresh-from-last-month")
    assert client.tokens is None


async def test_explicit_refresh_rotates(logged_in, token_log) -> None:
    tokens = await logged_in.refresh()
    assert tokens.refresh_token == "refresh-2"
    assert token_log.reported[-1] == tokens


async def test_refresh_without_login_is_session_expired(client) -> None:
    with pytest.raises(SessionExpired):
        await client.refresh()


async def test_logout_revokes_and_forgets_the_tokens(logged_in, portal, token_log) -> None:
    await logged_in.logout()

    (request,) = portal.sent("POST", "/auth/logout")
    assert request.headers["authorization"] == "Bearer access-1"
    assert logged_in.tokens is None
    assert token_log.reported[-1] is None
    with pytest.raises(SessionExpired):
        await logged_in.me()


async def test_logout_while_offline_still_forgets_the_tokens(logged_in, portal, sleeps) -> None:
    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down") from OSError(101, "Network is unreachable")

    portal.route("POST", "/auth/logout", offline)

    with pytest.raises(ConnectionProblem):
        await logged_in.logout()
    assert logged_in.tokens is None
    assert len(portal.sent("POST", "/auth/logout")) == 1  # logging out never waits for retries
    assert sleeps.delays == []


async def test_logout_of_an_already_ended_session_is_fine(logged_in, portal) -> None:
    portal.revoked = True
    await logged_in.logout()
    assert logged_in.tokens is None


async def test_logout_without_tokens_sends_nothing(client, portal) -> None:
    await client.logout()
    assert portal.requests == []


async def test_sessions_and_ending_one(logged_in, portal) -> None:
    portal.route("DELETE", "/auth/sessions/s2", lambda r: httpx.Response(204))

    sessions = await logged_in.sessions()
    await logged_in.end_session("s2")

    assert [(s.id, s.device_name, s.current) for s in sessions] == [
        ("s1", "Keukenlaptop", True),
        ("s2", "", False),
    ]
    (delete,) = portal.sent("DELETE", "/auth/sessions/s2")
    assert delete.headers["authorization"] == "Bearer access-1"
    assert len(delete.headers["idempotency-key"]) >= 16


async def test_policy_values(logged_in) -> None:
    policy = await logged_in.policy()
    assert policy.inactivity_lock_minutes == 10
    assert policy.absence_credit_notice_hours == 48


async def test_password_reset_request_and_confirm(client, portal) -> None:
    await client.request_password_reset("sanne.devries@voorbeeld.nl")
    await client.confirm_password_reset(
        "sanne.devries@voorbeeld.nl", "K7MQ-29XP", "een-nieuw-wachtwoord"
    )

    (request,) = portal.sent("POST", "/auth/password-reset")
    assert json.loads(request.content) == {"email": "sanne.devries@voorbeeld.nl"}
    (confirm,) = portal.sent("POST", "/auth/password-reset/confirm")
    assert json.loads(confirm.content) == {
        "email": "sanne.devries@voorbeeld.nl",
        "code": "K7MQ-29XP",
        "new_password": "een-nieuw-wachtwoord",
        "end_other_sessions": True,
    }
    assert client.tokens is None


@pytest.mark.parametrize(
    "address", ["http://zonnebloem.ouderportaal.nl", "http://portal.example.org:8080"]
)
def test_plain_http_is_refused_for_real_portals(address) -> None:
    with pytest.raises(InsecureAddress):
        PortalClient(address)


async def test_plain_http_is_fine_on_loopback(portal) -> None:
    async with PortalClient("http://127.0.0.1:8765/", transport=portal.transport) as client:
        assert client.base_url == "http://127.0.0.1:8765"
        await client.portal_info()
    assert str(portal.requests[0].url) == "http://127.0.0.1:8765/api/v1/portal"


def test_tokens_never_show_their_secrets_in_repr(portal) -> None:
    from desktop.api.records import Tokens

    tokens = Tokens.from_json(portal.token_body())
    assert "access-1" not in repr(tokens)
    assert "refresh-1" not in repr(tokens)


async def test_set_tokens_does_not_report_back(client, portal, token_log) -> None:
    from desktop.api.records import Tokens

    portal.generation = 1
    client.set_tokens(
        Tokens.from_json(
            {"access_token": "access-1", "refresh_token": "refresh-1", "expires_in": 900},
            NOW_FOR_EXPIRY,
        )
    )
    assert (await client.me()).user.name == "Sanne de Vries"
    assert token_log.reported == []


async def test_refresh_refused_for_an_expired_account_says_why(logged_in, portal, token_log):
    portal.expire_access_tokens()
    portal.route(
        "POST",
        "/auth/refresh",
        lambda r: portal.problem(403, "account_expired", access_ended_on="2025-06-30"),
    )

    with pytest.raises(SessionExpired) as caught:
        await logged_in.me()

    assert caught.value.code == "account_expired"
    assert caught.value.extra["access_ended_on"] == "2025-06-30"
    assert token_log.reported.count(None) == 1


async def test_concurrent_callers_share_a_failed_refresh(logged_in, portal) -> None:
    from desktop.api.errors import RequestTimeout

    portal.expire_access_tokens()
    both_refused = asyncio.Event()
    me_route = portal.routes[("GET", "/api/v1/me")]
    refused = 0

    def me(request: httpx.Request) -> httpx.Response:
        nonlocal refused
        response = me_route(request)
        refused += response.status_code == 401
        if refused == 2:
            both_refused.set()
        return response

    async def timed_out_refresh(request: httpx.Request) -> httpx.Response:
        await both_refused.wait()
        raise httpx.ReadTimeout("timed out")

    real_refresh = portal.routes[("POST", "/api/v1/auth/refresh")]
    portal.route("GET", "/me", me)
    portal.route("POST", "/auth/refresh", timed_out_refresh)

    results = await asyncio.gather(logged_in.me(), logged_in.me(), return_exceptions=True)

    assert [type(r) for r in results] == [RequestTimeout, RequestTimeout]
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert logged_in.tokens.refresh_token == "refresh-1"  # kept for a later attempt

    # Later (back online) a new attempt is made rather than repeating the old failure.
    portal.route("POST", "/auth/refresh", real_refresh)
    assert (await logged_in.me()).user.name == "Sanne de Vries"
    assert logged_in.tokens.refresh_token == "refresh-2"
