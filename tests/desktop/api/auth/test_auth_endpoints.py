"""Logging in and out, a remembered login (restore), and the password reset (client.auth)."""

from __future__ import annotations

import json

import httpx
import pytest

from desktop.api.core.errors import (
    ConnectionProblem,
    InvalidCredentials,
    SessionExpired,
)


async def test_login_stores_and_reports_tokens(client, portal, token_log) -> None:
    tokens = await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo")

    assert client.tokens == tokens
    assert tokens.access_token == "access-1"
    assert tokens.refresh_token == "refresh-1"
    assert tokens.session_id == "s1"
    assert tokens.device_token == "device-1"
    assert tokens.expires_at.isoformat() == "2026-03-02T09:15:00+00:00"
    assert token_log.reported == [tokens]
    (request,) = portal.sent("POST", "/auth/login")
    assert json.loads(request.content) == {
        "email": "sanne.devries@voorbeeld.nl",
        "password": "zonnebloem-demo",
        "device_name": "Keukenlaptop",
    }
    assert "authorization" not in request.headers


async def test_login_sends_the_device_token_of_the_last_login_here(client, portal) -> None:
    tokens = await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem-demo",
                                     device_token="device-7")

    (request,) = portal.sent("POST", "/auth/login")
    assert json.loads(request.content)["device_token"] == "device-7"
    assert tokens.device_token == "device-7"
    assert "device-7" not in repr(tokens)  # kept out of logs like the other tokens
    refreshed = await client.auth.refresh()
    assert refreshed.device_token is None  # a refresh hands out none


async def test_wrong_password_is_invalid_credentials(client, token_log) -> None:
    with pytest.raises(InvalidCredentials) as caught:
        await client.auth.login("sanne.devries@voorbeeld.nl", "zonnebloem")
    assert caught.value.detail == "E-mailadres of wachtwoord is onjuist."
    assert client.tokens is None
    assert token_log.reported == []


async def test_restore_starts_from_a_remembered_refresh_token(client, portal, token_log) -> None:
    portal.generation = 7  # the server knows refresh-7 from an earlier run of the app

    tokens = await client.auth.restore("refresh-7")

    assert tokens.refresh_token == "refresh-8"
    assert client.tokens == tokens
    assert token_log.reported == [tokens]
    profile = await client.profile.me()
    assert profile.family.name == "Familie De Vries"


async def test_restore_with_a_dead_token_is_session_expired(client, portal, token_log) -> None:
    with pytest.raises(SessionExpired):
        await client.auth.restore("refresh-from-last-month")
    assert client.tokens is None


async def test_logout_revokes_and_forgets_the_tokens(logged_in, portal, token_log) -> None:
    await logged_in.auth.logout()

    (request,) = portal.sent("POST", "/auth/logout")
    assert request.headers["authorization"] == "Bearer access-1"
    assert logged_in.tokens is None
    assert token_log.reported[-1] is None
    with pytest.raises(SessionExpired):
        await logged_in.profile.me()


async def test_logout_while_offline_still_forgets_the_tokens(logged_in, portal, sleeps) -> None:
    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down") from OSError(101, "Network is unreachable")

    portal.route("POST", "/auth/logout", offline)

    with pytest.raises(ConnectionProblem):
        await logged_in.auth.logout()
    assert logged_in.tokens is None
    assert len(portal.sent("POST", "/auth/logout")) == 1  # logging out never waits for retries
    assert sleeps.delays == []


async def test_logout_of_an_already_ended_session_is_fine(logged_in, portal) -> None:
    portal.revoked = True
    await logged_in.auth.logout()
    assert logged_in.tokens is None


async def test_logout_without_tokens_sends_nothing(client, portal) -> None:
    await client.auth.logout()
    assert portal.requests == []


async def test_password_reset_request_and_confirm(client, portal) -> None:
    await client.auth.request_password_reset("sanne.devries@voorbeeld.nl")
    await client.auth.confirm_password_reset(
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

