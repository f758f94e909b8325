"""The login's code step, in place of the form (docs/api.md, "Two-factor login")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from view_fakes import FakeResets, FakeSession

from desktop.views.login.window import LoginWindow


def make(qtbot, session: FakeSession) -> LoginWindow:
    window = LoginWindow(session, FakeResets())
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_the_code_step_replaces_the_form_and_sends_the_code(qtbot, session) -> None:
    window = make(qtbot, session)
    step = window.two_factor
    assert not step.isVisible()
    session.codeRequired.emit()
    assert step.isVisible() and not window.form.isVisible()
    submit = step.findChild(QPushButton, "submitCode")
    assert not submit.isEnabled()
    qtbot.keyClicks(step.findChild(QLineEdit, "loginCode"), "123456")
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert session.calls[-1] == ("login_with_code", "123456")


def test_a_refused_code_is_said_and_the_step_stays(qtbot, session) -> None:
    window = make(qtbot, session)
    session.codeRequired.emit()
    session.codeRefused.emit("The code is wrong or was already used.")
    error = window.two_factor.findChild(QLabel, "codeError")
    assert error.isVisible() and error.text() == "The code is wrong or was already used."
    assert window.two_factor.isVisible()


def test_back_returns_to_the_password_and_forgets_the_step(qtbot, session) -> None:
    window = make(qtbot, session)
    session.codeRequired.emit()
    qtbot.mouseClick(window.two_factor.findChild(QPushButton, "backToPassword"),
                     Qt.MouseButton.LeftButton)
    assert session.calls[-1] == ("cancel_code",)
    assert window.form.isVisible() and not window.two_factor.isVisible()


def test_an_expired_step_goes_back_to_the_form_with_the_reason(qtbot, session) -> None:
    window = make(qtbot, session)
    session.codeRequired.emit()
    session.loginFailed.emit("Logging in took too long. Please log in again.")
    assert window.form.isVisible() and not window.two_factor.isVisible()
    assert window.findChild(QLabel, "error").text() == \
        "Logging in took too long. Please log in again."


def test_busy_while_the_code_is_checked(qtbot, session) -> None:
    window = make(qtbot, session)
    session.codeRequired.emit()
    step = window.two_factor
    qtbot.keyClicks(step.findChild(QLineEdit, "loginCode"), "123456")
    session.busyChanged.emit(True)
    submit = step.findChild(QPushButton, "submitCode")
    assert not submit.isEnabled() and submit.text() == "Logging in…"
    session.busyChanged.emit(False)
    assert submit.isEnabled()
