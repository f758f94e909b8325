"""The logged-in devices (auth sessions): listed, another one logged out, offline."""

from __future__ import annotations


def test_devices_are_listed_and_another_one_logged_out(session, auth_sessions_service, log_in,
                                                       portal, qtbot):
    log_in(session)
    with qtbot.waitSignal(auth_sessions_service.sessionsChanged) as listed:
        auth_sessions_service.load()
    assert [(d.device_name, d.current) for d in listed.args[0]] == [
        ("Keukenlaptop", True), ("Telefoon", False)]

    with qtbot.waitSignal(auth_sessions_service.sessionsChanged) as after:
        auth_sessions_service.end("s2")
    assert [d.id for d in after.args[0]] == ["s1"]
    assert len(portal.sent("DELETE", "/auth/sessions/s2")) == 1


def test_ending_this_device_is_a_logout(session, auth_sessions_service, log_in, qtbot):
    log_in(session)
    with qtbot.waitSignal(auth_sessions_service.sessionsChanged):
        auth_sessions_service.load()
    with qtbot.waitSignal(session.loggedOut):
        auth_sessions_service.end("s1")
    assert auth_sessions_service.sessions == []


def test_devices_offline_is_a_problem(session, auth_sessions_service, log_in, portal, qtbot):
    log_in(session)
    portal.down = True
    with qtbot.waitSignal(auth_sessions_service.problem) as blocker:
        auth_sessions_service.load()
    assert "cannot be reached" in blocker.args[0]

