"""ProfileService: cache first, periodic refresh, its message cleared when it succeeds again,
logout; and the session's connection indicator, which follows every request."""

from __future__ import annotations

from datetime import datetime

import httpx
from fake_portal import problem

from desktop.services.profile import ProfileService


def test_after_login_the_profile_and_sync_time_are_shown(session, profile_service, log_in,
                                                        qtbot):
    with qtbot.waitSignal(profile_service.lastSyncedChanged) as synced:
        log_in(session)
    assert [c.first_name for c in profile_service.profile.children] == ["Emma"]
    assert isinstance(synced.args[0], datetime) and synced.args[0].tzinfo is not None
    assert session.connection.online


def test_server_down_means_offline_with_the_cached_profile_kept(session, profile_service,
                                                                 log_in, portal, qtbot):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.last_synced is not None)
    synced_before = profile_service.last_synced
    portal.down = True
    problems: list[str] = []
    profile_service.problem.connect(problems.append)
    with qtbot.waitSignal(session.connection.onlineChanged) as offline:
        profile_service.refresh()
    assert offline.args == [False]
    qtbot.waitUntil(lambda: bool(problems))
    [message] = problems
    assert "cannot be reached" in message and "saved on this computer" in message
    assert profile_service.profile.children[0].first_name == "Emma"
    assert profile_service.last_synced == synced_before


def test_offline_retries_by_itself_and_comes_back_online(session, log_in, portal, qtbot, run,
                                                         crashes):
    service = ProfileService(session, offline_retry_ms=50, on_crash=crashes.append)
    try:
        log_in(session)
        portal.down = True
        with qtbot.waitSignal(session.connection.onlineChanged) as offline:
            service.refresh()
        assert offline.args == [False]
        portal.down = False
        with qtbot.waitSignal(service.problemSolved, timeout=5_000):
            pass  # no user action: the retry timer does it
        assert session.connection.online
    finally:
        run(service.aclose())


def test_a_server_error_is_a_problem_but_not_offline(session, profile_service, log_in, portal,
                                                     qtbot):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.last_synced is not None)
    original = portal._handle
    portal.transport.handler = lambda request: (
        problem(500, "internal_error") if request.url.path.endswith("/me") else original(request))
    with qtbot.waitSignal(profile_service.problem) as blocker:
        profile_service.refresh()
    assert "went wrong on the portal server" in blocker.args[0]
    assert session.connection.online


def test_after_a_server_error_the_profile_tries_again_soon_and_clears_its_message(
        session, log_in, portal, qtbot, run, crashes):
    # The 5xx ended: its message must not stay for the 5 minutes of the normal refresh.
    service = ProfileService(session, offline_retry_ms=50, refresh_interval_ms=600_000,
                             on_crash=crashes.append)
    try:
        log_in(session)
        qtbot.waitUntil(lambda: service.last_synced is not None)
        original = portal._handle
        failures = [problem(500, "internal_error")]
        portal.transport.handler = lambda request: (
            failures.pop() if failures and request.url.path.endswith("/me")
            else original(request))
        with qtbot.waitSignal(service.problem):
            service.refresh()
        with qtbot.waitSignal(service.problemSolved, timeout=5_000):
            pass  # no user action
    finally:
        run(service.aclose())


def test_any_request_that_reaches_the_portal_brings_the_profile_back(session, log_in, portal,
                                                                     qtbot, run, crashes):
    service = ProfileService(session, offline_retry_ms=600_000, on_crash=crashes.append)
    try:
        log_in(session)
        portal.down = True
        with qtbot.waitSignal(service.problem):
            service.refresh()
        portal.down = False
        with qtbot.waitSignal(service.problemSolved, timeout=5_000):
            # Another service's request finds the portal: no need to wait for the 10 minutes.
            run(session.request(lambda client: client.portal.policy()))
    finally:
        run(service.aclose())


def test_the_connection_follows_every_request_not_only_the_profiles(session, profile_service,
                                                                    log_in, portal, qtbot, run):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.last_synced is not None)
    assert session.connection.online
    original = portal._handle

    def policy_unreachable(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/policy"):
            raise httpx.ConnectError("connection refused", request=request)
        return original(request)

    portal.transport.handler = policy_unreachable
    with qtbot.waitSignal(session.connection.onlineChanged) as offline:
        run(_failing(session.request(lambda client: client.portal.policy())))
    assert offline.args == [False]  # the profile never failed: the policy request said so
    with qtbot.waitSignal(session.connection.onlineChanged) as online:
        run(session.request(lambda client: client.profile.me()))
    assert online.args == [True]


def test_a_gateway_that_answers_unavailable_counts_as_not_reached(session, profile_service,
                                                                  log_in, portal, qtbot, run):
    log_in(session)
    original = portal._handle
    portal.transport.handler = lambda request: (
        problem(503, "unavailable") if request.url.path.endswith("/policy")
        else original(request))
    with qtbot.waitSignal(session.connection.onlineChanged) as offline:
        run(_failing(session.request(lambda client: client.portal.policy())))
    assert offline.args == [False]


def test_logout_clears_the_profile_and_the_connection_state(session, profile_service, log_in,
                                                            portal, qtbot, run):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.profile is not None)
    portal.down = True
    run(_failing(session.request(lambda client: client.profile.me())))
    assert not session.connection.online
    with qtbot.waitSignal(profile_service.profileChanged) as cleared:
        session.logout()
    assert cleared.args == [None]
    assert profile_service.last_synced is None
    assert session.connection.online  # nothing is known about the next portal
    qtbot.wait(50)  # the logout's own request to the server (failing) changes nothing
    assert session.connection.online


async def _failing(call) -> None:
    try:
        await call
    except Exception:  # noqa: BLE001 - the test looks at the connection, not the error
        pass
