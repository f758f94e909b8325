"""The silent token refresh: shared by concurrent callers, before expiry, refused, offline."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest

from desktop.api.client import PortalClient
from desktop.api.core.errors import (
    ConnectionProblem,
    RequestTimeout,
    ServerError,
    ServerUnreachable,
    SessionExpired,
)
from desktop.api.core.retry import LOST_REFRESH_ATTEMPTS, LOST_REFRESH_WINDOW

NOW_FOR_EXPIRY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_expired_access_token_is_refreshed_silently(logged_in, portal, token_log) -> None:
    portal.expire_access_tokens()

    profile = await logged_in.profile.me()

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

    first, second = await asyncio.gather(logged_in.profile.me(), logged_in.profile.me())

    assert first == second
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert refused == 2
    assert logged_in.tokens.refresh_token == "refresh-2"


async def test_token_near_expiry_is_refreshed_before_the_request(portal, sleeps) -> None:
    now = [NOW_FOR_EXPIRY]
    async with PortalClient(
        "zonnebloem", transport=portal.transport, sleep=sleeps, clock=lambda: now[0]
    ) as client:
        await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")
        now[0] = NOW_FOR_EXPIRY.replace(minute=14, second=45)  # 15 s before expiry
        await client.profile.me()
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
        await logged_in.profile.me()

    assert logged_in.tokens is None
    assert token_log.reported[-1] is None
    requests_before = len(portal.requests)
    with pytest.raises(SessionExpired):
        await logged_in.profile.me()
    assert len(portal.requests) == requests_before  # no pointless request without tokens


async def test_refresh_while_offline_keeps_the_tokens(logged_in, portal, token_log) -> None:
    portal.expire_access_tokens()

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused") from ConnectionRefusedError(111, "refused")

    portal.route("POST", "/auth/refresh", offline)

    with pytest.raises(ConnectionProblem):
        await logged_in.profile.me()
    assert logged_in.tokens is not None
    assert logged_in.tokens.refresh_token == "refresh-1"
    assert None not in token_log.reported


async def test_server_error_during_refresh_keeps_the_tokens(logged_in, portal) -> None:
    portal.expire_access_tokens()
    portal.route("POST", "/auth/refresh", lambda r: portal.problem(500, "internal_error"))
    with pytest.raises(ServerError) as caught:
        await logged_in.profile.me()
    assert not isinstance(caught.value, SessionExpired)  # not a logout
    assert logged_in.tokens.refresh_token == "refresh-1"


async def test_refused_again_after_refresh_is_session_expired(logged_in, portal) -> None:
    portal.expire_access_tokens()
    portal.route("GET", "/me", lambda r: portal.problem(401, "not_authenticated"))
    with pytest.raises(SessionExpired):
        await logged_in.profile.me()
    assert len(portal.sent("POST", "/auth/refresh")) == 1
    assert logged_in.tokens is None


async def test_explicit_refresh_rotates(logged_in, token_log) -> None:
    tokens = await logged_in.auth.refresh()
    assert tokens.refresh_token == "refresh-2"
    assert token_log.reported[-1] == tokens


async def test_refresh_without_login_is_session_expired(client) -> None:
    with pytest.raises(SessionExpired):
        await client.auth.refresh()


async def test_set_tokens_does_not_report_back(client, portal, token_log) -> None:
    from desktop.api.core.tokens import Tokens

    portal.generation = 1
    client.set_tokens(
        Tokens.from_json(
            {"access_token": "access-1", "refresh_token": "refresh-1", "expires_in": 900},
            NOW_FOR_EXPIRY,
        )
    )
    assert (await client.profile.me()).user.name == "Sanne de Vries"
    assert token_log.reported == []


async def test_refresh_refused_for_an_expired_account_says_why(logged_in, portal, token_log):
    portal.expire_access_tokens()
    portal.route(
        "POST",
        "/auth/refresh",
        lambda r: portal.problem(403, "account_expired", access_ended_on="2025-06-30"),
    )

    with pytest.raises(SessionExpired) as caught:
        await logged_in.profile.me()

    assert caught.value.code == "account_expired"
    assert caught.value.extra["access_ended_on"] == "2025-06-30"
    assert token_log.reported.count(None) == 1


async def test_concurrent_callers_share_a_failed_refresh(logged_in, portal) -> None:
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

    results = await asyncio.gather(logged_in.profile.me(), logged_in.profile.me(),
                                   return_exceptions=True)

    assert [type(r) for r in results] == [RequestTimeout, RequestTimeout]
    # One refresh for both callers (retried with the same token while its answers were lost).
    assert len(portal.sent("POST", "/auth/refresh")) == 1 + LOST_REFRESH_ATTEMPTS
    assert logged_in.tokens.refresh_token == "refresh-1"  # kept for a later attempt

    # Later (back online) a new attempt is made rather than repeating the old failure.
    portal.route("POST", "/auth/refresh", real_refresh)
    assert (await logged_in.profile.me()).user.name == "Sanne de Vries"
    assert logged_in.tokens.refresh_token == "refresh-2"



# --- a refresh whose answer was lost (docs/api.md, "How the app copes with failures") ---------


def lose_answers(portal, count: int, error=httpx.ReadError):
    """The portal handles the next ``count`` refreshes (and rotates the token), but their
    answers never arrive."""
    real = portal.routes[("POST", "/api/v1/auth/refresh")]
    left = [count]

    def refresh(request: httpx.Request) -> httpx.Response:
        response = real(request)
        if left[0] > 0:
            left[0] -= 1
            raise error("the answer was lost", request=request)
        return response

    portal.route("POST", "/auth/refresh", refresh)


async def test_a_lost_refresh_answer_is_retried_with_the_same_token(logged_in, portal,
                                                                    token_log) -> None:
    portal.expire_access_tokens()
    lose_answers(portal, 1)

    profile = await logged_in.profile.me()

    assert profile.user.name == "Sanne de Vries"
    sent = [json.loads(r.content)["refresh_token"] for r in portal.sent("POST", "/auth/refresh")]
    assert sent == ["refresh-1", "refresh-1"]  # the same token: the grace answers it again
    assert logged_in.tokens.refresh_token == "refresh-2"
    assert None not in token_log.reported  # never logged out
    assert [t.refresh_token for t in token_log.reported] == ["refresh-1", "refresh-2"]


async def test_a_timed_out_refresh_is_retried_too(logged_in, portal) -> None:
    portal.expire_access_tokens()
    lose_answers(portal, 2, error=httpx.ReadTimeout)
    assert (await logged_in.profile.me()).user.name == "Sanne de Vries"
    assert len(portal.sent("POST", "/auth/refresh")) == 3


async def test_refresh_answers_all_lost_give_up_offline_and_keep_the_tokens(
        logged_in, portal, token_log, sleeps) -> None:
    portal.expire_access_tokens()
    lose_answers(portal, 100)

    with pytest.raises(ServerUnreachable):
        await logged_in.profile.me()

    assert len(portal.sent("POST", "/auth/refresh")) == 1 + LOST_REFRESH_ATTEMPTS
    assert len(sleeps.delays) == LOST_REFRESH_ATTEMPTS  # with backoff in between
    assert logged_in.tokens.refresh_token == "refresh-1"
    assert None not in token_log.reported


async def test_the_lost_answer_is_not_retried_after_the_window(portal) -> None:
    now = [NOW_FOR_EXPIRY]

    async def sleep(delay: float) -> None:
        now[0] += LOST_REFRESH_WINDOW / 2  # every wait takes half the window

    async with PortalClient("zonnebloem", transport=portal.transport, sleep=sleep,
                            clock=lambda: now[0]) as client:
        await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")
        portal.expire_access_tokens()
        lose_answers(portal, 100)
        with pytest.raises(ConnectionProblem):
            await client.profile.me()
        # First try, then after half the window, then (the window gone) no more.
        assert len(portal.sent("POST", "/auth/refresh")) == 2
        assert client.tokens is not None


async def test_without_the_grace_a_retried_refresh_ends_the_session(logged_in, portal) -> None:
    # An old portal (before the grace window) takes the retry for reuse: it says so, and the
    # session ends as it would have without the retry.
    portal.grace = False
    portal.expire_access_tokens()
    lose_answers(portal, 1)
    with pytest.raises(SessionExpired):
        await logged_in.profile.me()
