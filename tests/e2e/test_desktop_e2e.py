"""The desktop app against the real portal server on loopback, driven as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mail_folder import read_reset_code
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
    QWizard,
)

from desktop.api.client import PortalClient
from desktop.cache.accounts import KnownAccounts
from desktop.wiring import DesktopApp

SANNE = "sanne.devries@voorbeeld.nl"
THOMAS = "thomas.devries@voorbeeld.nl"
STAFF = "fatima.elamrani@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"


def field(window, name: str) -> QLineEdit:
    widget = window.findChild(QLineEdit, name)
    assert widget is not None, f"no field {name!r}"
    return widget


def type_into(qtbot, window, name: str, text: str) -> None:
    widget = field(window, name)
    widget.clear()
    qtbot.keyClicks(widget, text)


def click(qtbot, window, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), f"button {name!r} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def log_in(qtbot, desktop: DesktopApp, email: str, password: str, *,
           remember: bool = False) -> None:
    login = desktop.login_window
    type_into(qtbot, login, "email", email)
    type_into(qtbot, login, "password", password)
    remember_box = login.findChild(type(login.remember), "remember")
    if remember_box.isVisible() and remember_box.isChecked() != remember:
        # On the box itself: the widget may be wider than its box and label.
        qtbot.mouseClick(remember_box, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, remember_box.height() // 2))
    assert remember_box.isChecked() == remember or not remember_box.isVisible()
    click(qtbot, login, "login")


def wait_for_main_window(qtbot, desktop: DesktopApp):
    qtbot.waitUntil(lambda: desktop.main_window is not None and desktop.main_window.isVisible(),
                    timeout=20_000)
    return desktop.main_window


def children_shown(window) -> list[str]:
    view = window.findChild(QWidget, "children")  # the cards of the overview page
    assert view is not None and view.isVisibleTo(window)
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def label_text(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def status_text(window) -> str:
    return label_text(window, "connectionText")


def test_log_in_see_the_children_and_log_out(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    assert field(desktop.login_window, "organisation").text() == portal_server.url

    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    qtbot.waitUntil(lambda: len(children_shown(main)) == 2)
    assert children_shown(main) == ["Emma de Vries", "Daan de Vries"]
    assert status_text(main) == "Online"
    assert not desktop.login_window.isVisible()

    main.findChild(QAction, "logout").trigger()
    qtbot.waitUntil(desktop.login_window.isVisible)
    assert desktop.main_window is None


def test_wrong_password_is_explained(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, "niet het wachtwoord")
    error = desktop.login_window.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text() == "The e-mail address or password is incorrect."
    assert desktop.main_window is None


def test_server_stopped_shows_offline_and_keeps_the_children(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    qtbot.waitUntil(lambda: len(children_shown(main)) == 2)

    portal_server.stop()
    desktop.services.profile.refresh()  # what the 5-minute sync timer does

    qtbot.waitUntil(lambda: status_text(main).startswith("Offline"), timeout=20_000)
    message_bar = main.findChild(QLabel, "messageText")
    qtbot.waitUntil(message_bar.isVisible)
    assert "cannot be reached" in message_bar.text()
    assert children_shown(main) == ["Emma de Vries", "Daan de Vries"]


def test_remembered_account_reopens_offline_with_cached_data(qtbot, portal_server, make_app,
                                                             run, memory_keyring):
    first = make_app(portal_server.url)
    log_in(qtbot, first, SANNE, PASSWORD, remember=True)
    wait_for_main_window(qtbot, first)
    run(first.aclose())  # the parent closes the app
    assert len(memory_keyring.secrets) == 1

    portal_server.stop()
    again = make_app("")
    known = again.login_window.findChild(QPushButton, "knownAccount")
    assert known is not None and "Sanne de Vries" in known.text()
    qtbot.mouseClick(known, Qt.MouseButton.LeftButton)

    main = wait_for_main_window(qtbot, again)
    assert children_shown(main) == ["Emma de Vries", "Daan de Vries"]
    qtbot.waitUntil(lambda: status_text(main).startswith("Offline"), timeout=20_000)


def test_without_a_secure_keyring_the_parent_is_told_and_nothing_is_stored(
        qtbot, portal_server, make_app, desktop_data):
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())  # a headless Linux without a secret service
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD, remember=True)
    main = wait_for_main_window(qtbot, desktop)

    message_bar = main.findChild(QLabel, "messageText")
    qtbot.waitUntil(message_bar.isVisible)
    assert "will not be remembered" in message_bar.text()
    assert KnownAccounts(desktop_data).list() == []


def test_a_forgotten_account_leaves_nothing_and_its_login_ends_on_the_server(
        qtbot, portal_server, make_app, desktop_data, memory_keyring, run):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD, remember=True)
    main = wait_for_main_window(qtbot, desktop)
    main.findChild(QAction, "switchAccount").trigger()
    qtbot.waitUntil(desktop.login_window.isVisible)
    login = desktop.login_window
    assert len(login.findChildren(QPushButton, "knownAccount")) == 1
    assert len(memory_keyring.secrets) == 1 and any((desktop_data / "accounts").iterdir())

    qtbot.mouseClick(login.findChild(QToolButton, "forgetAccount"), Qt.MouseButton.LeftButton)
    question = login.findChild(QMessageBox, "forgetAccountQuestion")
    forget = next(b for b in question.buttons() if b.text() == "Forget")
    qtbot.mouseClick(forget, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not login.known_accounts.isVisible())
    assert memory_keyring.secrets == {}
    assert KnownAccounts(desktop_data).list() == []
    assert list((desktop_data / "accounts").iterdir()) == []

    # A fresh login to look: in the end only its own session is left, the forgotten one ended.
    checker = PortalClient(portal_server.url)
    try:
        run(checker.auth.login(SANNE, PASSWORD))
        qtbot.waitUntil(lambda: len(run(checker.account.sessions())) == 1, timeout=20_000)
    finally:
        run(checker.aclose())


def test_shared_pc_logout_leaves_nothing_behind(qtbot, portal_server, make_app, desktop_data,
                                                memory_keyring):
    desktop = make_app(portal_server.url, shared_pc=True)
    assert not desktop.login_window.findChild(type(desktop.login_window.remember),
                                              "remember").isVisible()
    log_in(qtbot, desktop, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    accounts = desktop_data / "accounts"
    assert any(accounts.iterdir())

    main.findChild(QAction, "logout").trigger()
    qtbot.waitUntil(desktop.login_window.isVisible)
    assert list(accounts.iterdir()) == []
    assert memory_keyring.secrets == {}
    assert KnownAccounts(desktop_data).list() == []


def test_locked_shared_pc_unlocks_with_the_password(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url, shared_pc=True)
    log_in(qtbot, desktop, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    main.findChild(QAction, "lock").trigger()
    assert main.is_locked

    lock_screen = main.lock_screen
    type_into(qtbot, lock_screen, "unlockPassword", "verkeerd")
    click(qtbot, lock_screen, "unlock")
    error = lock_screen.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "The password is incorrect."

    type_into(qtbot, lock_screen, "unlockPassword", PASSWORD)
    click(qtbot, lock_screen, "unlock")
    qtbot.waitUntil(lambda: not main.is_locked, timeout=10_000)


# The offscreen platform cannot pass a dialog's size hints on; harmless, and not our message.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_forgot_password_then_log_in_with_the_new_one(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    login = desktop.login_window
    type_into(qtbot, login, "email", THOMAS)
    click(qtbot, login, "forgotPassword")
    wizard = login.findChild(QWizard, "passwordReset")
    qtbot.waitUntil(wizard.isVisible)
    assert field(wizard.request_page, "email").text() == THOMAS

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=20_000)
    code = read_reset_code(portal_server.mail_folder, THOMAS)
    type_into(qtbot, wizard.code_page, "code", code)
    type_into(qtbot, wizard.code_page, "newPassword", "zomer aan zee 2026")
    type_into(qtbot, wizard.code_page, "repeatPassword", "zomer aan zee 2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    assert field(login, "email").text() == THOMAS
    type_into(qtbot, login, "password", "zomer aan zee 2026")
    click(qtbot, login, "login")
    main = wait_for_main_window(qtbot, desktop)
    qtbot.waitUntil(lambda: len(children_shown(main)) == 2)


@pytest.mark.parametrize("command", ["ouderportaal", "module"])
def test_demo_smoke_test_runs_as_a_program(tmp_path: Path, demo_template: Path, command: str):
    if command == "ouderportaal":
        program = [str(Path(sys.executable).with_name("ouderportaal"))]
    else:
        program = [sys.executable, "-m", "desktop"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The demo portal serves a copy of the suite's demo organisation: building a new one with
    # its photos would take the program half a minute here; tests/server/test_server_demo.py
    # and tests/server/photos/test_server_demo_photos.py check that build.
    shutil.copytree(demo_template, tmp_path / "demo")
    result = subprocess.run(
        [*program, "--demo", "--demo-data", str(tmp_path / "demo"), "--smoke-test",
         "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test ok:")
    assert "font families" in result.stdout


CLOSE_THE_LOGIN_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main

app = QApplication([])

def close_login_window():
    for window in app.topLevelWidgets():
        if window.objectName() == "loginWindow" and window.isVisible():
            window.close()
            return
    QTimer.singleShot(100, close_login_window)

QTimer.singleShot(100, close_login_window)
sys.exit(main(["--demo", "--data-dir", sys.argv[1]]))
"""


def test_closing_the_window_shuts_the_demo_app_down_cleanly(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONWARNINGS="error")
    result = subprocess.run(
        [sys.executable, "-c", CLOSE_THE_LOGIN_WINDOW, str(tmp_path / "data")],
        env=env, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
