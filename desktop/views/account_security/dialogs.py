"""The account's security dialogs: change the password, change the login address (with the
code from the mail), turn the two-factor login off.

Each stays open while the portal answers: a refusal is shown next to what was typed (nothing
is lost), success closes it. The panel (``panel.py``) passes the service's answers in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import announce, mark

__all__ = ["ChangeEmailDialog", "ChangePasswordDialog", "TwoFactorOffDialog"]


def _field(parent: QWidget, layout: QVBoxLayout, label: str, name: str, *,
           secret: bool = False, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    caption = mark(QLabel(label, parent), "fieldLabel")
    caption.setBuddy(field)
    layout.addWidget(caption)
    layout.addWidget(field)
    return field


class _PortalDialog(SessionDialog):
    """A dialog that sends what was typed and waits for the portal: an error line, a busy
    state, and :meth:`refused` / :meth:`succeeded` for the answer."""

    # What each dialog defines (Qt's metaclass rules out abc.ABC here): send what was typed.
    submit: Callable[[], None]

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = mark(QLabel("", self), "error")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.busy = False

    @property
    def ok(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        """Send, don't close: the answer decides (and nothing is sent behind the lock)."""
        if self.lock_engaged or self.busy or not self.ok.isEnabled():
            return
        problem = self.check()
        if problem:
            self.refused(problem)
            return
        self.error.hide()
        self.set_busy(True)
        self.submit()

    def check(self) -> str:
        """What is wrong with the input before anything is sent ("" when nothing)."""
        return ""

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok.setEnabled(not busy)

    def refused(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        announce(self.error)

    def succeeded(self) -> None:
        self.set_busy(False)
        super().accept()


class ChangePasswordDialog(_PortalDialog):
    """The current password, the new one twice, and whether to log out the other devices.

    Signal: ``submitted(current, new, end_other_sessions)``."""

    submitted = Signal(str, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        self.resize(460, 360)
        layout = QVBoxLayout(self)
        self.current = _field(self, layout, self.tr("&Current password"), "currentPassword",
                              secret=True)
        self.new = _field(self, layout, self.tr("&New password"), "newPassword", secret=True,
                          placeholder=self.tr("At least 8 characters; a few words work well"))
        self.repeat = _field(self, layout, self.tr("&Repeat the new password"),
                             "repeatPassword", secret=True)
        self.end_others = QCheckBox(self.tr("&Log out my other devices"), self)
        self.end_others.setObjectName("endOtherSessions")
        self.end_others.setChecked(True)
        layout.addWidget(self.end_others)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok.setText(self.tr("Change password"))
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.ok.setEnabled(not self.busy and all(
            f.text() for f in (self.current, self.new, self.repeat)))

    def check(self) -> str:
        if self.new.text() != self.repeat.text():
            return self.tr("The two new passwords are not the same.")
        return ""

    def submit(self) -> None:
        self.submitted.emit(self.current.text(), self.new.text(), self.end_others.isChecked())

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self._changed()


class ChangeEmailDialog(_PortalDialog):
    """Two steps: the new address and the current password (a code goes to the new address),
    then the code from that mail. A change already waiting opens at the code.

    Signals: ``requested(password, new_email)``; ``codeEntered(code)``."""

    requested = Signal(str, str)
    codeEntered = Signal(str)

    def __init__(self, current_email: str, pending_email: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeEmailDialog")
        self.setWindowTitle(self.tr("Change e-mail address"))
        self.resize(480, 340)
        self.steps = QStackedWidget(self)

        ask = QWidget(self.steps)
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "You now log in with {email}. We send a code to the new address; the change takes "
            "effect once you enter it.").format(email=current_email), ask)
        intro.setWordWrap(True)
        ask_layout.addWidget(intro)
        self.new_email = _field(ask, ask_layout, self.tr("&New e-mail address"), "newEmail")
        self.password = _field(ask, ask_layout, self.tr("&Current password"),
                               "emailPassword", secret=True)
        ask_layout.addStretch(1)

        confirm = QWidget(self.steps)
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        self.sent_to = QLabel("", confirm)
        self.sent_to.setObjectName("codeSentTo")
        self.sent_to.setWordWrap(True)
        confirm_layout.addWidget(self.sent_to)
        self.code = _field(confirm, confirm_layout, self.tr("C&ode from the e-mail"),
                           "emailCode", placeholder="K7MQ-29XP")
        self.ask_again = mark(QPushButton(self.tr("Send a new code or use another address"),
                                          confirm), "link")
        self.ask_again.setObjectName("askAgain")
        self.ask_again.clicked.connect(self._to_first_step)
        confirm_layout.addWidget(self.ask_again)
        confirm_layout.addStretch(1)

        self.steps.addWidget(ask)
        self.steps.addWidget(confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.new_email, self.password, self.code):
            field.textChanged.connect(self._changed)
        if pending_email:
            self.code_sent(pending_email)
        else:
            self._to_first_step()

    @property
    def at_code(self) -> bool:
        return self.steps.currentIndex() == 1

    def code_sent(self, new_email: str) -> None:
        """The portal sent the code: on to the second step."""
        self.set_busy(False)
        self.error.hide()
        self.password.clear()
        self.sent_to.setText(self.tr(
            "We sent a code to {email}. Enter it here; until then you keep logging in with "
            "your current address.").format(email=new_email))
        self.steps.setCurrentIndex(1)
        self.ok.setText(self.tr("Confirm"))
        self.code.setFocus()
        self._changed()

    def _to_first_step(self) -> None:
        self.error.hide()
        self.steps.setCurrentIndex(0)
        self.ok.setText(self.tr("Send code"))
        self.new_email.setFocus()
        self._changed()

    def _changed(self) -> None:
        if self.at_code:
            filled = bool(self.code.text().strip())
        else:
            filled = bool(self.new_email.text().strip()) and bool(self.password.text())
        self.ok.setEnabled(not self.busy and filled)

    def check(self) -> str:
        if not self.at_code and "@" not in self.new_email.text().strip(" @"):
            return self.tr("Enter a whole e-mail address, like name@example.nl.")
        return ""

    def submit(self) -> None:
        if self.at_code:
            self.codeEntered.emit(self.code.text().strip())
        else:
            self.requested.emit(self.password.text(), self.new_email.text().strip())

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self._changed()


class TwoFactorOffDialog(_PortalDialog):
    """Turning the two-factor login off takes a code (or a recovery code).

    Signal: ``codeEntered(code)``."""

    codeEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("twoFactorOffDialog")
        self.setWindowTitle(self.tr("Turn off logging in with a code"))
        self.resize(440, 260)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Without a code, your password alone opens your account. Enter a code from your "
            "authenticator app (or a recovery code) to turn it off."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = _field(self, layout, self.tr("C&ode"), "offCode", placeholder="123456")
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok.setText(self.tr("Turn off"))
        self.code.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.ok.setEnabled(not self.busy and bool(self.code.text().strip()))

    def submit(self) -> None:
        self.codeEntered.emit(self.code.text().strip())

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self._changed()
