"""Account security in the desktop app against the real portal server, driven as a user would:
change the password, change the login address with the code from the mail, set up the
two-factor login and log in with a code generated here (docs/api.md, "Account security")."""

from __future__ import annotations

import time

import pyotp
from mail_folder import read_reset_code
from PySide6.QtWidgets import QCheckBox, QLabel, QWizard
from shiboken6 import isValid
from test_desktop_e2e import (
    PASSWORD,
    SANNE,
    click,
    field,
    label_text,
    log_in,
    type_into,
    wait_for_main_window,
)

from desktop.views.account_security.panel import AccountSecurityPanel

NEW_PASSWORD = "paarse giraffe fietst traag"


def closed(window) -> bool:
    return not isValid(window) or not window.isVisible()


def security_panel(qtbot, main) -> AccountSecurityPanel:
    main.show_section("account")
    panel = main.findChild(AccountSecurityPanel, "accountSecurity")
    assert panel is not None
    qtbot.waitUntil(lambda: panel.change_password.isEnabled(), timeout=20_000)
    return panel


def test_change_password_then_the_login_address(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    panel = security_panel(qtbot, main)
    assert label_text(panel, "loginEmail") == SANNE

    dialog = panel.open_password_dialog()
    type_into(qtbot, dialog, "currentPassword", "niet mijn wachtwoord")
    type_into(qtbot, dialog, "newPassword", NEW_PASSWORD)
    type_into(qtbot, dialog, "repeatPassword", NEW_PASSWORD)
    dialog.accept()
    error = dialog.findChild(QLabel, "dialogError")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text() == "Your current password is not correct."
    type_into(qtbot, dialog, "currentPassword", PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: closed(dialog), timeout=20_000)
    assert main.message_bar.text == "Your password has been changed."

    dialog = panel.open_email_dialog()
    type_into(qtbot, dialog, "newEmail", "sanne@nieuw.example")
    type_into(qtbot, dialog, "emailPassword", NEW_PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.at_code, timeout=20_000)
    qtbot.waitUntil(lambda: label_text(panel, "pendingEmail") != "", timeout=5_000)
    assert panel.pending.isVisible()
    code = read_reset_code(portal_server.mail_folder, "sanne@nieuw.example")
    type_into(qtbot, dialog, "emailCode", code)
    dialog.accept()
    qtbot.waitUntil(lambda: closed(dialog), timeout=20_000)
    assert main.message_bar.text == "From now on you log in with sanne@nieuw.example."
    assert label_text(panel, "loginEmail") == "sanne@nieuw.example"
    assert not panel.pending.isVisible()

    # The next login takes the new address and the new password.
    desktop.services.session.logout()
    qtbot.waitUntil(desktop.login_window.isVisible, timeout=20_000)
    log_in(qtbot, desktop, "sanne@nieuw.example", NEW_PASSWORD)
    wait_for_main_window(qtbot, desktop)


def test_set_up_two_factor_and_log_in_with_a_code(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    panel = security_panel(qtbot, main)
    assert panel.two_factor_button.text() == "Set up…"

    click(qtbot, panel, "twoFactorButton")
    wizard = panel.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.next()
    secret_label = wizard.findChild(QLabel, "twoFactorSecret")
    qtbot.waitUntil(lambda: secret_label.text() != "", timeout=20_000)
    assert wizard.scan.qr.modules > 21  # a real QR code of the otpauth URI
    totp = pyotp.TOTP(secret_label.text().replace(" ", ""))
    type_into(qtbot, wizard, "setupCode", totp.now())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery, timeout=20_000)
    codes = wizard.recovery.codes
    assert len(codes) == 10
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # no way back
    wizard.findChild(QCheckBox, "recoveryCodesKept").setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    wizard.accept()
    qtbot.waitUntil(lambda: panel.two_factor_button.text() == "Turn off…", timeout=20_000)

    desktop.services.session.logout()
    qtbot.waitUntil(desktop.login_window.isVisible, timeout=20_000)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    step = desktop.login_window.two_factor
    qtbot.waitUntil(step.isVisible, timeout=20_000)
    assert not desktop.login_window.form.isVisible()
    type_into(qtbot, step, "loginCode", "000000")
    click(qtbot, step, "submitCode")
    error = step.findChild(QLabel, "codeError")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert "wrong or was already used" in error.text()
    # The code of the next time step: the one of this step confirmed the setup.
    type_into(qtbot, step, "loginCode", totp.at(time.time(), counter_offset=1))
    click(qtbot, step, "submitCode")
    main = wait_for_main_window(qtbot, desktop)
    assert not step.isVisible()
    assert field(desktop.login_window, "password").text() == ""

    # A recovery code works too, once.
    desktop.services.session.logout()
    qtbot.waitUntil(desktop.login_window.isVisible, timeout=20_000)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    qtbot.waitUntil(step.isVisible, timeout=20_000)
    type_into(qtbot, step, "loginCode", codes[0])
    click(qtbot, step, "submitCode")
    wait_for_main_window(qtbot, desktop)
