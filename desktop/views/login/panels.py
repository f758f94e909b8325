"""The login window's side panels: remembered accounts and the demo logins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.shared.theme import icon, link, mark

__all__ = ["ChoiceButton", "DemoLogin", "DemoPanel", "KnownAccountsPanel"]


@dataclass(frozen=True)
class DemoLogin:
    """A login of the demo organisation, shown by ``ouderportaal --demo``."""

    email: str
    password: str
    description: str


class RememberedAccount(Protocol):
    """What the panel reads of ``desktop.cache.accounts.KnownAccount``."""

    key: str
    base_url: str
    display_name: str
    organisation_name: str


class ChoiceButton(QPushButton):
    """A button with a bold first line and a muted, word-wrapped second line.

    QPushButton cannot wrap its text, and translated descriptions are long; the labels inside
    let mouse clicks through to the button, so it still behaves as one button (keyboard too).
    """

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "choice")
        self.setAccessibleName(f"{title}, {detail}")
        self.title_label = QLabel(title, self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.detail_label = mark(QLabel(detail, self), "muted")
        self.detail_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.title_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # Enter activates it like Space (outside a dialog Qt only does that for auto-default).
        self.setAutoDefault(True)

    def text(self) -> str:  # what the button says, for tests and screen readers alike
        return f"{self.title_label.text()}\n{self.detail_label.text()}"

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().heightForWidth(width)


class _Panel(QFrame):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 18, 20, 18)
        self._layout.setSpacing(8)
        self._layout.addWidget(mark(QLabel(title, self), "subheading"))


class KnownAccountsPanel(_Panel):
    """One button per account this computer remembers, each with a button to forget it.
    Signals: ``chosen(key)``, ``forgetRequested(key, name)``."""

    chosen = Signal(str)
    forgetRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log in again"), parent)
        self.setObjectName("knownAccounts")
        hint = mark(QLabel(self.tr("Accounts remembered on this computer:"), self), "muted")
        hint.setWordWrap(True)
        self._layout.addWidget(hint)
        self._buttons: list[ChoiceButton] = []
        self._rows: list[QWidget] = []

    @property
    def buttons(self) -> list[ChoiceButton]:
        return list(self._buttons)

    def set_accounts(self, accounts: Sequence[RememberedAccount]) -> None:
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._buttons, self._rows = [], []
        for account in accounts:
            name = account.display_name or account.organisation_name
            row = QWidget(self)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(4)
            portal = urlsplit(account.base_url).hostname or account.base_url
            button = ChoiceButton(name, f"{account.organisation_name}\n{portal}", row)
            button.setObjectName("knownAccount")
            button.setAccessibleName(self.tr("Log in as {name} at {organisation}").format(
                name=name, organisation=account.organisation_name))
            button.clicked.connect(lambda _=False, key=account.key: self.chosen.emit(key))
            forget = QToolButton(row)
            forget.setObjectName("forgetAccount")
            forget.setIcon(icon("close"))
            forget.setAutoRaise(True)
            forget.setToolTip(self.tr("Forget {name} on this computer").format(name=name))
            forget.setAccessibleName(forget.toolTip())
            forget.clicked.connect(
                lambda _=False, key=account.key, name=name: self.forgetRequested.emit(key, name))
            row_layout.addWidget(button, 1)
            row_layout.addWidget(forget, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
            self._buttons.append(button)
            self._rows.append(row)
        self.setVisible(bool(self._buttons))


class DemoPanel(_Panel):
    """The demo logins; clicking one fills e-mail and password; where the demo's mails (with
    the password-reset code) land. Signals: ``chosen(DemoLogin)``."""

    chosen = Signal(object)

    def __init__(self, logins: Sequence[DemoLogin], parent: QWidget | None = None, *,
                 mail_folder: Path | None = None) -> None:
        super().__init__(self.tr("Demo"), parent)
        self.setObjectName("demoLogins")
        hint = mark(QLabel(self.tr(
            "This portal runs on this computer with made-up families. Choose a login to fill "
            "in the form, then press “Log in”."), self), "muted")
        hint.setWordWrap(True)
        self._layout.addWidget(hint)
        self.buttons: list[ChoiceButton] = []
        for login in logins:
            button = ChoiceButton(login.email, login.description, self)
            button.setObjectName("demoLogin")
            button.setAccessibleName(self.tr("Fill in the demo login {email}").format(
                email=login.email))
            button.clicked.connect(lambda _=False, chosen=login: self.chosen.emit(chosen))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.mail_folder = QLabel(self)
        self.mail_folder.setObjectName("demoMailFolder")
        self.mail_folder.setWordWrap(True)
        if mail_folder is not None:
            # "Wachtwoord vergeten?" works in the demo too: its mail, with the link and the code,
            # is a file in this folder (the demo sends no real mail).
            url = QUrl.fromLocalFile(str(mail_folder)).toString()
            self.mail_folder.setTextFormat(Qt.TextFormat.RichText)
            self.mail_folder.setText(self.tr(
                "“Forgot password?” works here too: the demo sends no real mail, it saves each "
                "mail (with the code) as an .eml file in {folder}.").format(
                folder=link(url, str(mail_folder))))
            self.mail_folder.setOpenExternalLinks(True)
            self.mail_folder.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            self.mail_folder.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.mail_folder.setAccessibleName(self.tr("Open the demo's mail folder {folder}")
                                               .format(folder=mail_folder))
            mark(self.mail_folder, "muted")
            self._layout.addWidget(self.mail_folder)
        else:
            self.mail_folder.hide()
        self.setVisible(bool(logins))
