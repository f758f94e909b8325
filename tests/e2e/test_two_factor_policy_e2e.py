"""A manager of an organisation that requires the two-factor login of managers, in the desktop
app against the real portal server (docs/api.md, "Required for managers"): led through the
setup wizard during the login, logged in once it is done, asked for a code the next time; the
account page shows why it cannot be turned off."""

from __future__ import annotations

import sqlite3
import time

import pyotp
from PySide6.QtWidgets import QCheckBox, QLabel, QWizard
from shiboken6 import isValid
from test_desktop_e2e import PASSWORD, click, log_in, type_into, wait_for_main_window

from desktop.views.account_security.panel import AccountSecurityPanel

MANAGER = "manager@voorbeeld.nl"


def require_for_managers(server) -> None:  # noqa: ANN001
    """The organisation's policy value, as an office sets it today (README, "Policy")."""
    with sqlite3.connect(server.data_dir / "ouderportaal.sqlite3") as db:
        db.execute("UPDATE organisation SET policy = json_set(coalesce(policy, '{}'), "
                   "'$.two_factor_required_for_managers', json('true'))")


def setup_wizard(qtbot, desktop):  # noqa: ANN001, ANN201
    login = desktop.login_window
    qtbot.waitUntil(lambda: login.setup_wizard is not None
                    and login.setup_wizard.isVisible(), timeout=20_000)
    return login.setup_wizard


def test_a_manager_sets_it_up_while_logging_in(qtbot, portal_server, make_app):
    require_for_managers(portal_server)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, MANAGER, PASSWORD)
    wizard = setup_wizard(qtbot, desktop)
    intro = wizard.findChild(QLabel, "setupIntro")
    assert "Your organisation requires managers to log in with a code" in intro.text()
    assert desktop.main_window is None  # nothing logged in yet

    wizard.next()
    secret = wizard.findChild(QLabel, "twoFactorSecret")
    qtbot.waitUntil(lambda: secret.text() != "", timeout=20_000)
    assert wizard.scan.qr.modules > 21
    totp = pyotp.TOTP(secret.text().replace(" ", ""))
    type_into(qtbot, wizard, "setupCode", totp.at(time.time(), counter_offset=5))
    wizard.next()
    error = wizard.findChild(QLabel, "setupError")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert "wrong or was already used" in error.text()
    assert wizard.currentPage() is wizard.scan

    type_into(qtbot, wizard, "setupCode", totp.now())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery, timeout=20_000)
    assert len(wizard.recovery.codes) == 10
    assert desktop.main_window is None  # the login waits for the wizard
    wizard.findChild(QCheckBox, "recoveryCodesKept").setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Log in"
    wizard.accept()
    main = wait_for_main_window(qtbot, desktop)

    main.show_section("account")
    panel = main.findChild(AccountSecurityPanel, "accountSecurity")
    qtbot.waitUntil(lambda: panel.change_password.isEnabled(), timeout=20_000)
    qtbot.waitUntil(lambda: panel.two_factor_button.text() == "Turn off…", timeout=20_000)
    assert not panel.two_factor_button.isEnabled()
    assert "requires it for managers, so it cannot be turned off" in panel.two_factor.text()

    # The next login asks for a code in the usual step.
    desktop.services.session.logout()
    qtbot.waitUntil(desktop.login_window.isVisible, timeout=20_000)
    log_in(qtbot, desktop, MANAGER, PASSWORD)
    step = desktop.login_window.two_factor
    qtbot.waitUntil(step.isVisible, timeout=20_000)
    type_into(qtbot, step, "loginCode", totp.at(time.time(), counter_offset=1))
    click(qtbot, step, "submitCode")
    wait_for_main_window(qtbot, desktop)


def test_cancelling_the_setup_goes_back_to_the_password(qtbot, portal_server, make_app):
    require_for_managers(portal_server)
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, MANAGER, PASSWORD)
    wizard = setup_wizard(qtbot, desktop)
    wizard.reject()
    qtbot.waitUntil(lambda: not isValid(wizard) or not wizard.isVisible(), timeout=5_000)
    login = desktop.login_window
    assert login.form.isVisible() and login.isVisible()
    assert desktop.services.session.account is None and desktop.main_window is None
    # A new login leads through the setup again.
    log_in(qtbot, desktop, MANAGER, PASSWORD)
    setup_wizard(qtbot, desktop)
