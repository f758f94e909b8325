"""The two-factor setup a login goes through when the organisation requires it for managers
(docs/api.md, "Required for managers"), in the session service against a fake portal: nothing
is logged in until the wizard is finished; a wrong code can be typed again; an expired
challenge goes back to the password with a message; cancelling after the confirm ends the
session the portal started."""

from __future__ import annotations

from fake_portal import EMAIL, ORGANISATION, PASSWORD, SETUP_CODE


def start_setup(session, portal, qtbot):  # noqa: ANN001, ANN201
    portal.setup_required = True
    with qtbot.waitSignal(session.setup.required, timeout=10_000):
        session.login(ORGANISATION, EMAIL, PASSWORD, False)
    assert not session.busy and session.account is None
    assert session.setup.organisation == "Kinderopvang Zonnebloem"
    with qtbot.waitSignal(session.setup.setupReady, timeout=10_000) as ready:
        session.setup.start()
    assert ready.args[0].secret == "JBSWY3DPEHPK3PXP"


def test_the_login_finishes_when_the_wizard_does(session, portal, qtbot):
    start_setup(session, portal, qtbot)
    with qtbot.waitSignal(session.setup.refused, timeout=10_000) as refused:
        session.setup.confirm("000000")
    assert "wrong or was already used" in refused.args[0]
    with qtbot.waitSignal(session.setup.enabled, timeout=10_000) as enabled:
        session.setup.confirm(SETUP_CODE)
    assert len(enabled.args[0]) == 10
    assert session.account is None  # the recovery codes are shown first
    with qtbot.waitSignal(session.loggedIn, timeout=10_000):
        session.setup.finish()
    assert session.account is not None and session.account.email == EMAIL


def test_an_empty_code_is_refused_here(session, portal, qtbot):
    start_setup(session, portal, qtbot)
    with qtbot.waitSignal(session.setup.refused, timeout=1_000) as refused:
        session.setup.confirm("  ")
    assert refused.args == ["Enter the code from your authenticator app."]
    assert portal.sent("POST", "/auth/login/two-factor-setup/confirm") == []


def test_an_expired_challenge_goes_back_to_the_password(session, portal, qtbot):
    start_setup(session, portal, qtbot)
    portal.setup_required = False  # the portal no longer knows the challenge
    with qtbot.waitSignal(session.loginFailed, timeout=10_000) as failed:
        session.setup.confirm(SETUP_CODE)
    assert failed.args == ["Logging in took too long. Please log in again."]
    assert session.account is None
    session.setup.finish()  # nothing left to finish
    assert session.account is None


def test_cancelling_after_the_confirm_ends_the_portals_session(session, portal, qtbot):
    start_setup(session, portal, qtbot)
    with qtbot.waitSignal(session.setup.enabled, timeout=10_000):
        session.setup.confirm(SETUP_CODE)
    session.setup.cancel()
    qtbot.waitUntil(lambda: portal.sent("POST", "/auth/logout") != [], timeout=10_000)
    assert session.account is None


def test_cancelling_before_the_confirm_tells_the_portal_nothing(session, portal, qtbot, run):
    start_setup(session, portal, qtbot)
    session.setup.cancel()
    qtbot.wait(50)
    assert portal.sent("POST", "/auth/logout") == []
    assert session.account is None
