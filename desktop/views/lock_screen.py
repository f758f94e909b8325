"""Covers the main window's content on a shared PC until the user types their password again."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.theme import announce, icon, mark

__all__ = ["LockScreen"]


class LockScreen(QWidget):
    """Name, password field, "Unlock" and "Log out".

    Signals: ``unlockRequested(password)``, ``logoutRequested()``.
    """

    unlockRequested = Signal(str)
    logoutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card = mark(QFrame(self), "card")
        card.setFixedWidth(420)
        symbol = QLabel(card)
        symbol.setPixmap(icon("lock").pixmap(QSize(48, 48)))
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = mark(QLabel(self.tr("The screen is locked"), card), "heading")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QLabel("", card)
        self.user.setObjectName("lockedUser")
        self.user.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user.setWordWrap(True)
        hint = mark(QLabel(self.tr("Type your password to continue."), card), "muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = mark(QLabel(self.tr("&Password"), card), "fieldLabel")
        self.password = QLineEdit(card)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        caption.setBuddy(self.password)
        self.error = QLabel("", card)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = mark(QPushButton(self.tr("Unlock"), card), "primary")
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setEnabled(False)
        self.logout_button = QPushButton(self.tr("Log out"), card)
        self.logout_button.setObjectName("lockLogout")

        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(8)
        layout.addWidget(symbol)
        layout.addWidget(title)
        layout.addWidget(self.user)
        layout.addWidget(hint)
        layout.addSpacing(10)
        layout.addWidget(caption)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addSpacing(6)
        layout.addLayout(buttons)

        # Stretches rather than an alignment flag: an aligned widget gets its sizeHint height,
        # which cuts off word-wrapped labels.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.password.textChanged.connect(
            lambda text: self.unlock_button.setEnabled(bool(text)))
        self.password.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.logout_button.clicked.connect(self.logoutRequested)

    def prepare(self, name: str, email: str) -> None:
        """Reset the screen for ``name`` before it is shown."""
        self.user.setText(self.tr("Logged in as {name}\n{email}").format(name=name, email=email))
        self.password.clear()
        self.error.hide()
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        announce(self.error)
        self.password.selectAll()
        self.password.setFocus()

    def _unlock(self) -> None:
        if self.password.text():
            self.error.hide()
            self.unlockRequested.emit(self.password.text())
