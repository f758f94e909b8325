"""The Account page's security block and its dialogs, over a fake security."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from view_fakes import FakeAccountSecurity

from desktop.api.account.records import AccountSecurity, TwoFactorSetup, grouped_secret
from desktop.views.account_security.dialogs import ChangeEmailDialog, ChangePasswordDialog
from desktop.views.account_security.panel import AccountSecurityPanel
from desktop.views.shared.two_factor_wizard import TwoFactorWizard

SECURITY = AccountSecurity("sanne@voorbeeld.nl", None, False, 0, True)
URI = "otpauth://totp/Zonnebloem:sanne%40voorbeeld.nl?secret=JBSWY3DPEHPK3PXP&issuer=Zonnebloem"


@pytest.fixture
def security() -> FakeAccountSecurity:
    return FakeAccountSecurity()


@pytest.fixture
def window(make_window, security):
    return make_window(account_security=security)


def panel_of(window) -> AccountSecurityPanel:
    window.show_section("account")
    panel = window.findChild(AccountSecurityPanel, "accountSecurity")
    assert panel is not None
    return panel


def test_the_account_page_shows_the_security_state(window, security) -> None:
    panel = panel_of(window)
    assert ("load",) in security.calls  # fetched when the page is shown
    assert not panel.change_password.isEnabled()  # nothing to act on before it arrived
    security.securityChanged.emit(SECURITY)
    assert panel.change_password.isEnabled()
    assert panel.findChild(QLabel, "loginEmail").text() == "sanne@voorbeeld.nl"
    assert panel.two_factor_button.text() == "Set up…"
    assert panel.new_device_mail.isChecked()
    security.securityChanged.emit(AccountSecurity("sanne@voorbeeld.nl", "sanne@nieuw.nl", True,
                                                 9, False))
    assert "sanne@nieuw.nl" in panel.pending.text() and panel.pending.isVisible()
    assert "9 recovery codes left" in panel.two_factor.text()
    assert panel.two_factor_button.text() == "Turn off…"
    assert not panel.new_device_mail.isChecked()


@pytest.mark.parametrize("required", [False, True])
def test_turning_it_off_is_not_offered_when_the_organisation_requires_it(
        window, security, required: bool) -> None:
    panel = panel_of(window)
    security.securityChanged.emit(AccountSecurity("manager@voorbeeld.nl", None, True, 10, True,
                                                  two_factor_required=required))
    assert panel.two_factor_button.text() == "Turn off…"
    assert panel.two_factor_button.isVisible()
    assert panel.two_factor_button.isEnabled() is not required
    reason = "Your organisation requires it for managers, so it cannot be turned off."
    assert (reason in panel.two_factor.text()) is required


def test_two_different_new_passwords_are_refused_before_sending(qtbot, window,
                                                                 security) -> None:
    panel = panel_of(window)
    security.securityChanged.emit(SECURITY)
    dialog = panel.open_password_dialog()
    for name, text in (("currentPassword", "oud"), ("newPassword", "nieuw wachtwoord"),
                       ("repeatPassword", "nieuw wachtwoordd")):
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), text)
    dialog.accept()
    assert dialog.findChild(QLabel, "dialogError").text() == \
        "The two new passwords are not the same."
    assert not any(c[0] == "change_password" for c in security.calls)


def test_a_refused_password_change_keeps_what_was_typed(qtbot, window, security) -> None:
    panel = panel_of(window)
    dialog: ChangePasswordDialog = panel.open_password_dialog()
    for name in ("currentPassword", "newPassword", "repeatPassword"):
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), "paarse giraffe")
    dialog.accept()
    assert security.calls[-1] == ("change_password", "paarse giraffe", "paarse giraffe", True)
    assert not dialog.ok.isEnabled()  # busy until the portal answers
    security.refused.emit("password", "Your current password is not correct.")
    assert dialog.isVisible() and dialog.ok.isEnabled()
    assert dialog.findChild(QLabel, "dialogError").text() == \
        "Your current password is not correct."
    assert dialog.findChild(QLineEdit, "newPassword").text() == "paarse giraffe"
    security.passwordChanged.emit(2)
    assert not dialog.isVisible()
    assert window.message_bar.text == ("Your password has been changed. 2 other devices were "
                                       "logged out.")


def test_the_email_dialog_opens_at_the_code_when_a_change_waits(qtbot, window,
                                                                security) -> None:
    panel = panel_of(window)
    security.security = AccountSecurity("sanne@voorbeeld.nl", "sanne@nieuw.nl", False, 0, True)
    dialog: ChangeEmailDialog = panel.open_email_dialog()
    assert dialog.at_code
    assert "sanne@nieuw.nl" in dialog.findChild(QLabel, "codeSentTo").text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "askAgain"), Qt.MouseButton.LeftButton)
    assert not dialog.at_code
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newEmail"), "geen-adres")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "emailPassword"), "geheim")
    dialog.accept()
    assert "whole e-mail address" in dialog.findChild(QLabel, "dialogError").text()
    dialog.findChild(QLineEdit, "newEmail").setText("sanne@ander.nl")
    dialog.accept()
    assert security.calls[-1] == ("request_email_change", "geheim", "sanne@ander.nl")
    security.emailCodeSent.emit("sanne@ander.nl")
    assert dialog.at_code and dialog.findChild(QLineEdit, "emailPassword").text() == ""


def test_the_wizard_shows_the_qr_code_and_the_secret(qtbot, window, security) -> None:
    panel = panel_of(window)
    wizard = panel.open_wizard()
    assert ("start_two_factor",) in security.calls
    wizard.next()
    assert not wizard.scan.isComplete()  # no secret yet
    security.twoFactorSetupReady.emit(TwoFactorSetup("JBSWY3DPEHPK3PXP", URI))
    assert wizard.findChild(QLabel, "twoFactorSecret").text() == "JBSW Y3DP EHPK 3PXP"
    assert wizard.scan.qr.modules >= 21 + 8
    qtbot.keyClicks(wizard.findChild(QLineEdit, "setupCode"), "123456")
    wizard.next()
    assert security.calls[-1] == ("confirm_two_factor", "123456")
    assert wizard.currentPage() is wizard.scan  # waits for the portal
    security.refused.emit("two_factor_code", "The code is wrong or was already used.")
    assert wizard.findChild(QLabel, "setupError").isVisible()
    wizard.next()
    security.twoFactorEnabled.emit([f"AAAA-BBB{n}" for n in range(2, 10)] + ["CCCC-DDDD",
                                                                              "EEEE-FFFF"])
    assert wizard.currentPage() is wizard.recovery
    assert "AAAA-BBB2" in wizard.findChild(QLabel, "recoveryCodes").text()
    assert not wizard.recovery.isComplete()
    wizard.findChild(QCheckBox, "recoveryCodesKept").setChecked(True)
    assert wizard.recovery.isComplete()


def test_recovery_codes_saved_to_a_file_and_a_full_disk_said(qtbot, window, tmp_path: Path,
                                                             monkeypatch) -> None:
    wizard = TwoFactorWizard("Kinderopvang Zonnebloem", window)
    wizard.recovery.set_codes(["AAAA-BBBB", "CCCC-DDDD"])
    target = tmp_path / "herstelcodes.txt"
    assert wizard.save_codes_to(target)
    text = target.read_text(encoding="utf-8")
    assert "Kinderopvang Zonnebloem" in text and "AAAA-BBBB" in text and "CCCC-DDDD" in text

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.cache.disk.tempfile.mkstemp", full)
    assert not wizard.save_codes_to(tmp_path / "again.txt")
    assert wizard.recovery.status.text().startswith("The disk is full.")
    assert not (tmp_path / "again.txt").exists()


def test_grouped_secret() -> None:
    assert grouped_secret("JBSWY3DPEHPK3PXP") == "JBSW Y3DP EHPK 3PXP"
    assert grouped_secret("ABCDEF") == "ABCD EF"
