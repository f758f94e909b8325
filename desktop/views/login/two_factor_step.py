"""The login's second step, in place of the login form: the code from the authenticator app, or
a recovery code (docs/api.md, "Two-factor login"). The password is not asked again: the
session keeps the portal's challenge for this one login."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.views.shared.theme import announce, icon, mark

if TYPE_CHECKING:
    from desktop.services.session.service import SessionService

__all__ = ["TwoFactorStep"]


class TwoFactorStep(QFrame):
    """Shown instead of ``form`` while the session waits for the code."""

    def __init__(self, session: SessionService, form: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.setObjectName("twoFactorStep")
        self._session = session
        self._form = form
        self._busy = False
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(QSize(48, 48)))
        title = mark(QLabel(self.tr("Enter your code"), self), "title")
        text = mark(QLabel(self.tr(
            "Open the authenticator app on your phone and enter the six-digit code it shows "
            "for the parent portal."), self), "muted")
        text.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setObjectName("loginCode")
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(20)
        self.code.setAccessibleName(self.tr("Code"))
        caption = mark(QLabel(self.tr("&Code"), self), "fieldLabel")
        caption.setBuddy(self.code)
        hint = mark(QLabel(self.tr(
            "Lost your phone? Enter one of your recovery codes (like K7MQ-29XP) instead."),
            self), "muted")
        hint.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setObjectName("codeError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.submit = mark(QPushButton(self.tr("Log in"), self), "primary")
        self.submit.setObjectName("submitCode")
        self.submit.setMinimumHeight(40)
        self.back = mark(QPushButton(self.tr("Back"), self), "link")
        self.back.setObjectName("backToPassword")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(6)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(caption)
        layout.addWidget(self.code)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(self.submit)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFixedWidth(440)
        self.hide()

        self.code.textChanged.connect(self._update)
        self.code.returnPressed.connect(self.send)
        self.submit.clicked.connect(self.send)
        self.back.clicked.connect(self.go_back)
        session.codeRequired.connect(self.ask)
        session.codeRefused.connect(self._refused)
        session.busyChanged.connect(self._set_busy)
        session.loggedIn.connect(self._done)
        session.loginFailed.connect(self._done)
        self._update()

    def ask(self) -> None:
        self.code.clear()
        self.error.hide()
        self._form.hide()
        self.show()
        self.code.setFocus()

    def send(self) -> None:
        if self.submit.isEnabled():
            self.error.hide()
            self._session.login_with_code(self.code.text())

    def go_back(self) -> None:
        self._session.cancel_code()
        self._done()

    def _done(self, *_args: object) -> None:
        """Logged in, or back to the password (why: the login form's error says)."""
        if self.isHidden():
            return
        self.code.clear()
        self.hide()
        self._form.show()

    def _refused(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
        announce(self.error)
        self.code.selectAll()
        self.code.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.code.setEnabled(not busy)
        self.submit.setText(self.tr("Logging in…") if busy else self.tr("Log in"))
        self._update()

    def _update(self) -> None:
        self.submit.setEnabled(bool(self.code.text().strip()) and not self._busy)
