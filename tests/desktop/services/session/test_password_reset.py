"""PasswordResetService: request the mail, confirm with the code, every failure explained."""

from __future__ import annotations

import json

from fake_portal import EMAIL, ORGANISATION


def test_request_then_confirm(resets, portal, qtbot):
    busy: list[bool] = []
    resets.busyChanged.connect(busy.append)
    with qtbot.waitSignal(resets.mailRequested):
        resets.request(ORGANISATION, f" {EMAIL} ")
    assert portal.sent("POST", "/auth/password-reset")[0].read() == (
        b'{"email":"sanne.devries@voorbeeld.nl"}')

    with qtbot.waitSignal(resets.passwordChanged):
        resets.confirm(ORGANISATION, EMAIL, " k7mq-29xp ", "een nieuw wachtwoord")
    assert busy == [True, False, True, False]
    assert portal.users[EMAIL][0] == "een nieuw wachtwoord"


def test_wrong_code_is_explained(resets, qtbot):
    with qtbot.waitSignal(resets.failed) as blocker:
        resets.confirm(ORGANISATION, EMAIL, "AAAA-BBBB", "een nieuw wachtwoord")
    assert "code is incorrect" in blocker.args[0]


def test_too_short_password_is_explained(resets, qtbot):
    with qtbot.waitSignal(resets.failed) as blocker:
        resets.confirm(ORGANISATION, EMAIL, "K7MQ-29XP", "kort")
    assert "at least 8 characters" in blocker.args[0]


def test_unreachable_server_is_explained(resets, portal, qtbot):
    portal.down = True
    with qtbot.waitSignal(resets.failed) as blocker:
        resets.request(ORGANISATION, EMAIL)
    assert "cannot be reached" in blocker.args[0]
    assert not resets.busy


def test_missing_fields_are_refused_without_a_request(resets, portal, qtbot):
    with qtbot.waitSignal(resets.failed) as blocker:
        resets.request(ORGANISATION, "")
    assert blocker.args == ["Enter your e-mail address."]
    with qtbot.waitSignal(resets.failed) as blocker:
        resets.request("http://portal.example.org", EMAIL)
    assert "not secure" in blocker.args[0]
    assert portal.requests == []


def test_a_new_password_is_assessed_by_the_portal(resets, portal, qtbot):
    with qtbot.waitSignal(resets.passwordAssessed) as blocker:
        resets.assess(ORGANISATION, f" {EMAIL} ", "welkom01")
    assert blocker.args == [1, "This password is too common and easy to guess. "
                               "Choose another one."]
    assert json.loads(portal.sent("POST", "/auth/password-reset/check")[0].read()) == {
        "email": EMAIL, "new_password": "welkom01"}
    with qtbot.waitSignal(resets.passwordAssessed) as blocker:
        resets.assess(ORGANISATION, EMAIL, "een lange zin als wachtwoord")
    assert blocker.args == [4, ""]


def test_an_assessment_that_fails_says_nothing(resets, portal, qtbot):
    portal.down = True
    with qtbot.assertNotEmitted(resets.passwordAssessed), \
            qtbot.assertNotEmitted(resets.failed):
        resets.assess(ORGANISATION, EMAIL, "welkom01")
        qtbot.wait(200)
