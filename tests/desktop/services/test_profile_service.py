"""ProfileService: cache first, offline detection, periodic refresh, logout."""

from __future__ import annotations

from datetime import datetime

from fake_portal import problem

from desktop.services.profile import ProfileService


def test_after_login_the_profile_and_sync_time_are_shown(session, profile_service, log_in,
                                                        qtbot):
    with qtbot.waitSignal(profile_service.lastSyncedChanged) as synced:
        log_in(session)
    assert [c.first_name for c in profile_service.profile.children] == ["Emma"]
    assert isinstance(synced.args[0], datetime) and synced.args[0].tzinfo is not None
    assert profile_service.online


def test_server_down_means_offline_with_the_cached_profile_kept(session, profile_service,
                                                                 log_in, portal, qtbot):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.last_synced is not None)
    synced_before = profile_service.last_synced
    portal.down = True
    problems: list[str] = []
    profile_service.problem.connect(problems.append)
    with qtbot.waitSignal(profile_service.onlineChanged) as offline:
        profile_service.refresh()
    assert offline.args == [False]
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
        with qtbot.waitSignal(service.onlineChanged) as offline:
            service.refresh()
        assert offline.args == [False]
        portal.down = False
        with qtbot.waitSignal(service.onlineChanged, timeout=5_000) as online:
            pass  # no user action: the retry timer does it
        assert online.args == [True]
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
    assert profile_service.online


def test_logout_clears_the_profile(session, profile_service, log_in, qtbot):
    log_in(session)
    qtbot.waitUntil(lambda: profile_service.profile is not None)
    with qtbot.waitSignal(profile_service.profileChanged) as cleared:
        session.logout()
    assert cleared.args == [None]
    assert profile_service.last_synced is None

