"""The password reset wizard: e-mail → code and new password (validated as typed) → done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWizard
from view_fakes import FakeResets

from desktop.views.login.password_reset import ASSESS_DELAY_MS, PasswordResetWizard
from desktop.views.login.window import LoginWindow

# QWizard asks the window to re-fit on every page change; the offscreen platform used in tests
# cannot and says so. It is a property of the test platform, not of the wizard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def wizard(qtbot, resets: FakeResets) -> PasswordResetWizard:
    wizard = PasswordResetWizard(resets, organisation="zonnebloem",
                                 email="sanne@voorbeeld.nl")
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def button(wizard: QWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def send(qtbot, wizard: PasswordResetWizard) -> None:
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def to_code_page(qtbot, wizard: PasswordResetWizard, resets: FakeResets) -> None:
    send(qtbot, wizard)
    resets.mailRequested.emit()
    assert wizard.currentPage() is wizard.code_page


def test_send_requests_the_mail_and_waits_for_the_service(qtbot, wizard, resets) -> None:
    assert button(wizard, QWizard.WizardButton.NextButton).text() == "&Send"
    send(qtbot, wizard)
    assert resets.calls == [("request", "zonnebloem", "sanne@voorbeeld.nl")]
    assert wizard.currentPage() is wizard.request_page
    resets.mailRequested.emit()
    assert wizard.currentPage() is wizard.code_page
    explanation = wizard.code_page.explanation.text()
    assert "If sanne@voorbeeld.nl belongs to an account" in explanation
    assert "spam" in explanation


def test_send_needs_an_email_address(qtbot, wizard) -> None:
    email = wizard.request_page.findChild(QLineEdit, "email")
    email.clear()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(email, "thomas@voorbeeld.nl")
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()


def test_a_server_error_is_shown_and_nothing_typed_is_lost(qtbot, wizard, resets) -> None:
    send(qtbot, wizard)
    resets.failed.emit("The portal cannot be reached.")
    page = wizard.request_page
    assert wizard.currentPage() is page
    assert page.error.isVisible() and page.error.text() == "The portal cannot be reached."
    assert page.email.text() == "sanne@voorbeeld.nl"


def test_busy_disables_send(qtbot, wizard, resets) -> None:
    resets.busyChanged.emit(True)
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    resets.busyChanged.emit(False)
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()


def test_the_new_password_is_validated_as_you_type(qtbot, wizard, resets) -> None:
    to_code_page(qtbot, wizard, resets)
    page = wizard.code_page
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(page.code, "K7MQ-29XP")
    qtbot.keyClicks(page.new_password, "kort")
    assert "at least 8 characters (4 so far)" in page.validation.text()
    assert not commit.isEnabled()
    qtbot.keyClicks(page.new_password, "-maar-nu-lang")
    qtbot.keyClicks(page.repeat, "kort-maar")
    assert page.validation.text() == "The two passwords are not the same."
    assert not commit.isEnabled()
    qtbot.keyClicks(page.repeat, "-nu-lang")
    assert "can be used" in page.validation.text()
    assert commit.isEnabled()
    page.new_password.setText("x" * 129)
    assert "at most 128 characters" in page.validation.text()
    assert not commit.isEnabled()


def test_setting_the_password_then_done_fills_the_login_window(qtbot, session,
                                                              resets) -> None:
    login = LoginWindow(session, resets)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.email, "sanne@voorbeeld.nl")
    qtbot.mouseClick(login.findChild(QPushButton, "forgotPassword"), Qt.MouseButton.LeftButton)
    wizard = login.findChild(PasswordResetWizard, "passwordReset")
    qtbot.keyClicks(wizard.request_page.organisation, "zonnebloem")
    to_code_page(qtbot, wizard, resets)
    page = wizard.code_page
    qtbot.keyClicks(page.code, "K7MQ-29XP")
    qtbot.keyClicks(page.new_password, "zonnebloem-nieuw")
    qtbot.keyClicks(page.repeat, "zonnebloem-nieuw")
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton),
                     Qt.MouseButton.LeftButton)
    assert page.end_other_sessions.isChecked()  # logging out elsewhere is the safe default
    assert resets.calls[-1] == ("confirm", "zonnebloem", "sanne@voorbeeld.nl", "K7MQ-29XP",
                                "zonnebloem-nieuw", True)
    resets.failed.emit("The code is not correct or has expired.")
    assert page.error.isVisible() and "code is not correct" in page.error.text()
    assert page.code.text() == "K7MQ-29XP" and page.new_password.text() == "zonnebloem-nieuw"
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton),
                     Qt.MouseButton.LeftButton)
    resets.passwordChanged.emit()
    assert wizard.currentPage() is wizard.done_page
    assert wizard.done_page.title() == "Your password has been set"
    assert "have been logged out" in wizard.done_page.text.text()
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.FinishButton),
                     Qt.MouseButton.LeftButton)
    assert login.email.text() == "sanne@voorbeeld.nl"
    assert login.password.text() == ""
    assert login.notice.isVisible() and "Your password has been set" in login.notice.text()


def test_the_parent_may_keep_other_devices_logged_in(qtbot, wizard, resets) -> None:
    to_code_page(qtbot, wizard, resets)
    page = wizard.code_page
    qtbot.keyClicks(page.code, "K7MQ-29XP")
    qtbot.keyClicks(page.new_password, "zonnebloem-nieuw")
    qtbot.keyClicks(page.repeat, "zonnebloem-nieuw")
    page.end_other_sessions.click()
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton),
                     Qt.MouseButton.LeftButton)
    assert resets.calls[-1][-1] is False
    resets.passwordChanged.emit()
    assert wizard.done_page.text.text() == "You can now log in with your new password."


def test_the_code_page_is_usable_as_soon_as_the_mail_is_sent(qtbot, wizard, resets) -> None:
    # The service reports "not busy" only after closing its connection; the user may type
    # the code and press "Set password" before that.
    send(qtbot, wizard)
    resets.busyChanged.emit(True)
    resets.mailRequested.emit()
    page = wizard.code_page
    qtbot.keyClicks(page.code, "K7MQ-29XP")
    qtbot.keyClicks(page.new_password, "zonnebloem-nieuw")
    qtbot.keyClicks(page.repeat, "zonnebloem-nieuw")
    assert button(wizard, QWizard.WizardButton.CommitButton).isEnabled()


def test_the_portal_estimates_the_password_once_typing_pauses(qtbot, wizard, resets) -> None:
    to_code_page(qtbot, wizard, resets)
    page = wizard.code_page
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(page.code, "K7MQ-29XP")
    qtbot.keyClicks(page.new_password, "kort")
    qtbot.wait(ASSESS_DELAY_MS + 100)
    assert [c for c in resets.calls if c[0] == "assess"] == []  # too short to ask about
    qtbot.keyClicks(page.new_password, "Welkom2025")
    page.new_password.setText("Welkom2025!")
    qtbot.keyClicks(page.repeat, "Welkom2025!")
    qtbot.waitUntil(lambda: any(c[0] == "assess" for c in resets.calls))
    assert [c for c in resets.calls if c[0] == "assess"] == [
        ("assess", "zonnebloem", "sanne@voorbeeld.nl", "Welkom2025!")]
    resets.passwordAssessed.emit(1, "This password is too common and easy to guess.")
    assert page.strength.text() == "Strength: weak"
    assert page.validation.text() == "This password is too common and easy to guess."
    assert not commit.isEnabled()
    # Typing on drops the verdict until the portal has spoken about the new text.
    qtbot.keyClicks(page.new_password, " in de zomer")
    assert page.strength.text() == ""
    page.repeat.setText(page.new_password.text())
    assert commit.isEnabled()
    qtbot.waitUntil(lambda: len([c for c in resets.calls if c[0] == "assess"]) == 2)
    resets.passwordAssessed.emit(4, "")
    assert page.strength.text() == "Strength: very strong"
    assert "can be used" in page.validation.text()
    assert commit.isEnabled()


def test_a_late_estimate_for_older_text_is_ignored(qtbot, wizard, resets) -> None:
    to_code_page(qtbot, wizard, resets)
    page = wizard.code_page
    qtbot.keyClicks(page.new_password, "een lang wachtwoord")
    qtbot.keyClicks(page.new_password, "!")  # the timer runs again
    resets.passwordAssessed.emit(0, "This password is too common and easy to guess.")
    assert page.strength.text() == ""
    assert "too common" not in page.validation.text()
