"""Which requests the client repeats by itself, how long it waits, and which it never repeats."""

from __future__ import annotations

import socket
import ssl

import httpx
import pytest

from desktop.api.core.errors import (
    CertificateProblem,
    RequestTimeout,
    ServerError,
    ServerUnreachable,
    TooManyAttempts,
    UnknownHost,
)
from desktop.api.core.retry import MAX_RETRY_AFTER


def failing_then(portal, method: str, path: str, failures: list, final=None):
    """Route that answers with each of ``failures`` in turn, then with the normal answer."""
    normal = portal.routes[(method, "/api/v1" + path)] if final is None else final
    remaining = list(failures)

    def handler(request: httpx.Request):
        if remaining:
            failure = remaining.pop(0)
            if isinstance(failure, BaseException):
                raise failure
            return failure
        return normal(request)

    portal.route(method, path, handler)


def refused() -> httpx.ConnectError:
    error = httpx.ConnectError("All connection attempts failed")
    error.__cause__ = ConnectionRefusedError(111, "Connection refused")
    return error


def unknown_host() -> httpx.ConnectError:
    error = httpx.ConnectError("Name or service not known")
    error.__cause__ = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return error


def bad_certificate() -> httpx.ConnectError:
    error = httpx.ConnectError("certificate verify failed")
    error.__cause__ = ssl.SSLCertVerificationError(1, "certificate verify failed")
    return error


async def test_get_is_retried_after_503_honouring_retry_after(logged_in, portal, sleeps) -> None:
    failing_then(
        portal, "GET", "/me", [portal.problem(503, "unavailable", headers={"Retry-After": "3"})]
    )
    profile = await logged_in.profile.me()
    assert profile.user.name == "Sanne de Vries"
    assert sleeps.delays == [3.0]
    assert len(portal.sent("GET", "/me")) == 2


async def test_retry_after_as_http_date_is_honoured(logged_in, portal, sleeps) -> None:
    # The fixture's clock says 2026-03-02 09:00:00 UTC.
    failing_then(
        portal,
        "GET",
        "/me",
        [httpx.Response(503, headers={"Retry-After": "Mon, 02 Mar 2026 09:00:07 GMT"})],
    )
    await logged_in.profile.me()
    assert sleeps.delays == [7.0]


async def test_429_on_get_is_retried(logged_in, portal, sleeps) -> None:
    failing_then(
        portal,
        "GET",
        "/policy",
        [portal.problem(429, "rate_limited", retry_after=2, headers={"Retry-After": "2"})],
    )
    await logged_in.portal.policy()
    assert sleeps.delays == [2.0]


async def test_too_long_retry_after_goes_to_the_caller(logged_in, portal, sleeps) -> None:
    wait = int(MAX_RETRY_AFTER) + 90
    portal.route(
        "GET",
        "/me",
        lambda r: portal.problem(
            429, "rate_limited", retry_after=wait, headers={"Retry-After": str(wait)}
        ),
    )
    with pytest.raises(TooManyAttempts) as caught:
        await logged_in.profile.me()
    assert caught.value.retry_after == wait
    assert sleeps.delays == []
    assert len(portal.sent("GET", "/me")) == 1


async def test_backoff_grows_with_jitter_then_gives_up(logged_in, portal, sleeps) -> None:
    portal.route("GET", "/me", lambda r: httpx.Response(502, html="<h1>Bad Gateway</h1>"))
    with pytest.raises(ServerError) as caught:
        await logged_in.profile.me()
    assert caught.value.status == 502
    assert len(portal.sent("GET", "/me")) == 3  # the first try and max_retries=2 retries
    first, second = sleeps.delays
    assert 0.375 <= first <= 0.5
    assert 0.75 <= second <= 1.0


async def test_connection_refused_on_get_is_retried(logged_in, portal, sleeps) -> None:
    failing_then(portal, "GET", "/me", [refused(), refused()])
    profile = await logged_in.profile.me()
    assert profile.children
    assert len(sleeps.delays) == 2


async def test_connection_problem_is_raised_when_retries_run_out(logged_in, portal) -> None:
    failing_then(portal, "GET", "/me", [refused(), refused(), refused()])
    with pytest.raises(ServerUnreachable):
        await logged_in.profile.me()


async def test_timeouts_on_get_are_retried(logged_in, portal) -> None:
    failing_then(portal, "GET", "/me", [httpx.ReadTimeout("timed out")])
    await logged_in.profile.me()
    assert len(portal.sent("GET", "/me")) == 2


@pytest.mark.parametrize(
    ("failure", "error"), [(unknown_host, UnknownHost), (bad_certificate, CertificateProblem)]
)
async def test_address_and_certificate_problems_are_not_retried(
    client, portal, sleeps, failure, error
) -> None:
    failing_then(portal, "GET", "/portal", [failure(), failure(), failure()])
    with pytest.raises(error):
        await client.portal.info()
    assert sleeps.delays == []
    assert len(portal.requests) == 1


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (lambda p: p.problem(503, "unavailable"), ServerError),
        (lambda p: p.problem(429, "too_many_attempts", retry_after=1), TooManyAttempts),
        (lambda p: refused(), ServerUnreachable),
        (lambda p: httpx.ReadTimeout("timed out"), RequestTimeout),
    ],
    ids=["503", "429", "refused", "timeout"],
)
async def test_login_is_never_retried(client, portal, sleeps, failure, error) -> None:
    failing_then(portal, "POST", "/auth/login", [failure(portal)])
    with pytest.raises(error):
        await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")
    assert len(portal.sent("POST", "/auth/login")) == 1
    assert sleeps.delays == []
    assert client.tokens is None


@pytest.mark.parametrize(
    ("failure", "error"),
    [(lambda p: p.problem(503, "unavailable"), ServerError),
     (lambda p: refused(), ServerUnreachable)],
    ids=["503", "refused"],
)
async def test_password_reset_confirmation_is_never_retried(client, portal, failure,
                                                            error) -> None:
    failing_then(portal, "POST", "/auth/password-reset/confirm", [failure(portal)])
    with pytest.raises(error):
        await client.auth.confirm_password_reset("a@b.nl", "K7MQ-29XP", "een-nieuw-wachtwoord")
    assert len(portal.sent("POST", "/auth/password-reset/confirm")) == 1


async def test_delete_with_idempotency_key_is_retried_with_the_same_key(
    logged_in, portal, sleeps
) -> None:
    failing_then(
        portal,
        "DELETE",
        "/auth/sessions/s2",
        [portal.problem(503, "unavailable"), httpx.ReadTimeout("timed out")],
        final=lambda r: httpx.Response(204),
    )
    await logged_in.account.end_session("s2")
    keys = [r.headers["idempotency-key"] for r in portal.sent("DELETE", "/auth/sessions/s2")]
    assert len(keys) == 3
    assert len(set(keys)) == 1
    assert len(sleeps.delays) == 2


async def test_each_mutation_gets_its_own_idempotency_key(logged_in, portal) -> None:
    portal.route("DELETE", "/auth/sessions/s2", lambda r: httpx.Response(204))
    await logged_in.account.end_session("s2")
    await logged_in.account.end_session("s2")
    keys = {r.headers["idempotency-key"] for r in portal.sent("DELETE", "/auth/sessions/s2")}
    assert len(keys) == 2


async def test_reset_request_is_retried_only_when_it_never_left(client, portal) -> None:
    failing_then(portal, "POST", "/auth/password-reset", [refused()])
    await client.auth.request_password_reset("sanne.devries@voorbeeld.nl")
    assert len(portal.sent("POST", "/auth/password-reset")) == 2


async def test_reset_request_that_may_have_arrived_is_not_repeated(client, portal) -> None:
    # A read timeout means the server may have sent the mail: a repeat would send a second
    # code and silently invalidate the first one.
    failing_then(portal, "POST", "/auth/password-reset", [httpx.ReadTimeout("timed out")])
    with pytest.raises(RequestTimeout):
        await client.auth.request_password_reset("sanne.devries@voorbeeld.nl")
    assert len(portal.sent("POST", "/auth/password-reset")) == 1


async def test_refresh_that_may_have_arrived_is_repeated_with_the_same_token(logged_in,
                                                                             portal) -> None:
    # The server may have rotated the token already: only the same old token, inside the
    # portal's grace window, can bring the lost new pair back (test_token_refresh.py).
    portal.expire_access_tokens()
    failing_then(portal, "POST", "/auth/refresh", [httpx.ReadTimeout("timed out")])
    await logged_in.profile.me()
    sent = portal.sent("POST", "/auth/refresh")
    assert len(sent) == 2 and sent[0].content == sent[1].content


async def test_refresh_that_never_left_is_retried(logged_in, portal) -> None:
    portal.expire_access_tokens()
    failing_then(portal, "POST", "/auth/refresh", [refused()])
    await logged_in.profile.me()
    assert len(portal.sent("POST", "/auth/refresh")) == 2


async def test_max_retries_zero_disables_retrying(portal, sleeps) -> None:
    from desktop.api.client import PortalClient

    failing_then(portal, "GET", "/portal", [portal.problem(503, "unavailable")])
    async with PortalClient(
        "zonnebloem", transport=portal.transport, sleep=sleeps, max_retries=0
    ) as client:
        with pytest.raises(ServerError):
            await client.portal.info()
    assert sleeps.delays == []
