"""PortalClient against the real portal server (the embedded demo server on loopback)."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from mail_folder import read_reset_code

from desktop.api.client import PortalClient
from desktop.api.core.errors import (
    AccountExpired,
    InvalidCredentials,
    NotFound,
    PasswordRejected,
    ResetCodeInvalid,
    SessionExpired,
)
from desktop.api.profile.records import Role
from server.embedded import EmbeddedServer

SANNE = "sanne.devries@voorbeeld.nl"
THOMAS = "thomas.devries@voorbeeld.nl"
MARK = "mark.bakker@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    demo = EmbeddedServer(tmp_path_factory.mktemp("portal"))
    demo.start()
    yield demo
    demo.stop()


@pytest.fixture
async def client(server):
    async with PortalClient(server.url, device_name="Testlaptop") as portal_client:
        yield portal_client


async def test_portal_info_names_the_demo_organisation(client) -> None:
    info = await client.portal.info()
    assert info.name == "Kinderopvang Zonnebloem"
    assert info.short_name == "zonnebloem"


async def test_login_shows_the_family(client) -> None:
    await client.auth.login(SANNE, PASSWORD)
    profile = await client.profile.me()

    assert profile.user.role is Role.PRIMARY_PARENT
    assert profile.user.email == SANNE
    assert sorted(child.first_name for child in profile.children) == ["Daan", "Emma"]
    for child in profile.children:
        location = profile.location_of_child(child)
        assert location is not None
        assert location.city == "Eindhoven"


async def test_wrong_password_is_invalid_credentials(client) -> None:
    with pytest.raises(InvalidCredentials):
        await client.auth.login(SANNE, "niet-het-wachtwoord")
    assert client.tokens is None


async def test_expired_account_says_when_access_ended(client) -> None:
    with pytest.raises(AccountExpired) as caught:
        await client.auth.login(MARK, PASSWORD)
    assert caught.value.access_ended_on is not None
    assert caught.value.access_ended_on < date.today()


async def test_refresh_rotates_and_the_old_token_dies(client, server) -> None:
    reported = []
    async with PortalClient(server.url, on_tokens=reported.append) as watched:
        first = await watched.auth.login(SANNE, PASSWORD)
        second = await watched.auth.refresh()
        assert second.refresh_token != first.refresh_token
        assert second.access_token != first.access_token
        assert reported == [first, second]
        assert (await watched.profile.me()).user.email == SANNE

        # The just-rotated token again within the grace (an answer lost on the way) gets the
        # same new pair: no logout.
        again = await client.auth.restore(first.refresh_token)
        assert (again.access_token, again.refresh_token) == (second.access_token,
                                                              second.refresh_token)
        # Once its successor was rotated too, it is theft: the session ends.
        await watched.auth.refresh()
        with pytest.raises(SessionExpired):
            await client.auth.restore(first.refresh_token)
        with pytest.raises(SessionExpired):
            await watched.profile.me()
        assert watched.tokens is None
        assert reported[-1] is None


async def test_restore_continues_a_remembered_session(client, server) -> None:
    remembered = (await client.auth.login(SANNE, PASSWORD)).refresh_token
    async with PortalClient(server.url) as next_start:
        tokens = await next_start.auth.restore(remembered)
        assert tokens.refresh_token != remembered
        assert (await next_start.profile.me()).user.email == SANNE


async def test_logout_ends_the_session_on_the_server(client, server) -> None:
    tokens = await client.auth.login(SANNE, PASSWORD)
    await client.auth.logout()

    with pytest.raises(SessionExpired):
        await client.profile.me()
    async with PortalClient(server.url) as thief:
        thief.set_tokens(tokens)  # someone who copied the tokens before the logout
        with pytest.raises(SessionExpired):
            await thief.profile.me()


async def test_sessions_list_and_end_another_device(client, server) -> None:
    await client.auth.login(SANNE, PASSWORD)
    async with PortalClient(server.url, device_name="Tablet") as tablet:
        await tablet.auth.login(SANNE, PASSWORD)
        sessions = await client.account.sessions()
        (current,) = [s for s in sessions if s.current]
        assert current.device_name == "Testlaptop"
        other = next(s for s in sessions if s.device_name == "Tablet")

        await client.account.end_session(other.id)

        with pytest.raises(SessionExpired):
            await tablet.profile.me()
        with pytest.raises(NotFound):
            await client.account.end_session("999999")


async def test_policy_has_the_inactivity_lock(client) -> None:
    await client.auth.login(SANNE, PASSWORD)
    policy = await client.portal.policy()
    assert policy.inactivity_lock_minutes > 0
    assert policy.account_retention_months == 15


async def test_password_reset_with_the_code_from_the_mail(client, server) -> None:
    await client.auth.request_password_reset(THOMAS)
    code = read_reset_code(server.mail_folder, THOMAS)

    with pytest.raises(PasswordRejected) as rejected:
        await client.auth.confirm_password_reset(THOMAS, code, "kort")
    assert rejected.value.reason == "too_short"
    with pytest.raises(ResetCodeInvalid):
        await client.auth.confirm_password_reset(THOMAS, "AAAA-AAAA", "een-lang-nieuw-wachtwoord")

    await client.auth.confirm_password_reset(THOMAS, code, "een-lang-nieuw-wachtwoord")

    with pytest.raises(InvalidCredentials):
        await client.auth.login(THOMAS, PASSWORD)
    await client.auth.login(THOMAS, "een-lang-nieuw-wachtwoord")
    assert (await client.profile.me()).user.role is Role.SECONDARY_PARENT


async def test_no_password_or_token_reaches_any_log(client, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    first = await client.auth.login(SANNE, PASSWORD)
    await client.profile.me()
    second = await client.auth.refresh()
    await client.auth.logout()

    secrets = [
        PASSWORD,
        first.access_token,
        first.refresh_token,
        second.access_token,
        second.refresh_token,
    ]
    assert caplog.records  # the client, httpx and the server did log
    for secret in secrets:
        assert secret not in caplog.text
