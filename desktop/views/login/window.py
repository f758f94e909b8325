"""The login window: organisation, e-mail, password, remember me, remembered accounts, demo.

It is one piece (about 400 lines) because the form, the side panels and the steps after the
password (the code, the required two-factor setup, the reset wizard) all act on the same
fields, messages and busy state; the steps themselves live in modules of their own beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.views.login.panels import DemoLogin, DemoPanel, KnownAccountsPanel
from desktop.views.login.two_factor_setup import open_setup_wizard
from desktop.views.login.two_factor_step import TwoFactorStep
from desktop.views.shared.theme import announce, apply_theme, icon, mark
from desktop.views.shared.windows import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.session.password_reset import PasswordResetService
    from desktop.services.session.service import SessionService
    from desktop.views.login.password_reset import PasswordResetWizard
    from desktop.views.shared.two_factor_wizard import TwoFactorWizard

__all__ = ["DemoLogin", "LoginWindow"]


class LoginWindow(QWidget):
    """Logs a parent or staff member in through ``SessionService``.

    Shows the organisation's name once the address is checked, the session's failures in the
    error area, the accounts this computer remembers and, in demo mode, the demo logins.
    """

    def __init__(
        self,
        session: SessionService,
        resets: PasswordResetService,
        *,
        initial_portal: str = "",
        demo_logins: Sequence[DemoLogin] = (),
        demo_mail_folder: Path | None = None,
        shared_pc: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self._session = session
        self._resets = resets
        self._shared_pc = shared_pc
        self._busy = False
        self._checked_portal = ""
        self._wizard: PasswordResetWizard | None = None
        self.setup_wizard: TwoFactorWizard | None = None
        self.setObjectName("loginWindow")
        # Qt adds the application's name (" — Ouderportaal") to every window title itself.
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumSize(QSize(900, 620))
        fit_to_screen(self, 1024, 780)

        self._build_form(initial_portal)
        self.two_factor = TwoFactorStep(session, self.form, self)
        self.known_accounts = KnownAccountsPanel(self)
        self.demo = DemoPanel(demo_logins, self, mail_folder=demo_mail_folder)
        self._layout_window()
        self._connect()
        self._update_login_button()
        if initial_portal.strip():
            # Check the prefilled address as if the user had typed it, once the loop runs.
            QTimer.singleShot(0, self, self._check_portal)

    # -- building ----------------------------------------------------------------------------
    def _build_form(self, initial_portal: str) -> None:
        self.form = mark(QFrame(self), "card")
        self.form.setObjectName("loginForm")
        logo = QLabel(self.form)
        logo.setPixmap(icon("app").pixmap(QSize(48, 48)))
        title = mark(QLabel(self.tr("Ouderportaal"), self.form), "title")
        subtitle = mark(QLabel(self.tr("Welcome! Log in to the parent portal of your childcare "
                                       "organisation."), self.form), "muted")
        subtitle.setWordWrap(True)

        self.organisation = QLineEdit(initial_portal, self.form)
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText(self.tr("korein or korein.ouderportaal.nl"))
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation_status = self._message_label("organisationStatus")

        self.email = QLineEdit(self.form)
        self.email.setObjectName("email")
        self.email.setPlaceholderText(self.tr("name@example.nl"))
        self.email.setAccessibleName(self.tr("E-mail address"))
        self.password = QLineEdit(self.form)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.show_password = self.password.addAction(
            icon("eye"), QLineEdit.ActionPosition.TrailingPosition)
        self.show_password.setObjectName("showPassword")
        self.show_password.setCheckable(True)
        self.show_password.setToolTip(self.tr("Show password"))
        self.show_password.toggled.connect(self._reveal_password)

        self.remember = QCheckBox(self.tr("&Remember me"), self.form)
        self.remember.setObjectName("remember")
        self.remember.setToolTip(self.tr(
            "Stay logged in on this computer until you log out. Staff accounts are never "
            "remembered."))
        self.shared_pc_note = mark(QLabel(self.tr(
            "This is a shared computer: nothing is remembered after you log out."), self.form),
            "muted")
        self.shared_pc_note.setObjectName("sharedPcNote")
        self.shared_pc_note.setWordWrap(True)
        self.remember.setVisible(not self._shared_pc)
        self.shared_pc_note.setVisible(self._shared_pc)

        self.error = self._message_label("error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = self._message_label("notice")
        # Apart from the error: it stays until the data is gone, whatever else is said.
        self.leftovers = mark(self._message_label("leftoversNote"), "muted")

        self.login_button = mark(QPushButton(self.tr("Log in"), self.form), "primary")
        self.login_button.setObjectName("login")
        self.login_button.setDefault(True)
        self.login_button.setMinimumHeight(40)
        self.forgot = mark(QPushButton(self.tr("Forgot password?"), self.form), "link")
        self.forgot.setObjectName("forgotPassword")
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)

        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(6)
        heading = QHBoxLayout()
        heading.setSpacing(14)
        heading.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        heading.addLayout(titles, 1)
        layout.addLayout(heading)
        layout.addSpacing(14)
        self._add_field(layout, self.tr("&Organisation"), self.organisation)
        layout.addWidget(self.organisation_status)
        layout.addSpacing(6)
        self._add_field(layout, self.tr("&E-mail address"), self.email)
        layout.addSpacing(6)
        self._add_field(layout, self.tr("&Password"), self.password)
        layout.addSpacing(8)
        layout.addWidget(self.remember)
        layout.addWidget(self.shared_pc_note)
        layout.addSpacing(8)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addSpacing(4)
        layout.addWidget(self.login_button)
        layout.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.leftovers)

    def _message_label(self, name: str) -> QLabel:
        """A wrapped line of the form, hidden until there is something to say."""
        label = QLabel("", self.form)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_field(self, layout: QVBoxLayout, label_text: str, field: QLineEdit) -> None:
        label = mark(QLabel(label_text, self.form), "fieldLabel")
        label.setBuddy(field)
        layout.addWidget(label)
        layout.addWidget(field)

    def _layout_window(self) -> None:
        self.form.setFixedWidth(440)
        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(self.known_accounts)
        side.addWidget(self.demo)
        side.addStretch(1)
        for panel in (self.known_accounts, self.demo):
            panel.setFixedWidth(360)

        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        row.addWidget(self.form, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.two_factor, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side)
        row.addStretch(1)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 32, 24, 32)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect(self) -> None:
        session = self._session
        session.busyChanged.connect(self._set_busy)
        session.loggedIn.connect(self._logged_in)
        session.loginFailed.connect(self._show_error)
        session.rememberUnavailable.connect(self._show_error)
        session.portalChecked.connect(self._portal_checked)
        session.portalCheckFailed.connect(self._portal_check_failed)
        session.leftoversChanged.connect(self._show_leftovers)
        session.setup.required.connect(self._open_setup)
        self.organisation.editingFinished.connect(self._check_portal)
        self.organisation.textEdited.connect(self._organisation_edited)
        for field in (self.organisation, self.email, self.password):
            field.textChanged.connect(self._update_login_button)
        self.email.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.attempt_login)
        self.login_button.clicked.connect(self.attempt_login)
        self.forgot.clicked.connect(self.open_password_reset)
        self.known_accounts.chosen.connect(self._resume)
        self.known_accounts.forgetRequested.connect(self._confirm_forget)
        self.demo.chosen.connect(self._fill_demo_login)

    # -- public ------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Show ``text`` in the error area, e.g. why the session ended."""
        self._show_error(text)

    def attempt_login(self) -> None:
        if not self.login_button.isEnabled():
            return
        self._hide_messages()
        remember = self.remember.isChecked() and not self._shared_pc
        self._session.login(self.organisation.text().strip(), self.email.text().strip(),
                            self.password.text(), remember)

    def open_password_reset(self) -> None:
        """Open the reset wizard with the organisation and e-mail typed so far."""
        if self._wizard is not None:
            self._wizard.raise_()
            return
        # Imported when first asked for: the window paints without the wizard's code.
        from desktop.views.login.password_reset import PasswordResetWizard

        self._wizard = PasswordResetWizard(
            self._resets, organisation=self.organisation.text().strip(),
            email=self.email.text().strip(), parent=self)
        self._wizard.passwordSet.connect(self._password_was_reset)
        self._wizard.finished.connect(self._wizard_closed)
        self._wizard.open()

    # -- reactions ---------------------------------------------------------------------------
    def _open_setup(self) -> None:
        self.setup_wizard = open_setup_wizard(self._session.setup, self)
        self.setup_wizard.finished.connect(lambda: setattr(self, "setup_wizard", None))

    def showEvent(self, event) -> None:
        # Accounts may have been remembered or forgotten since the window was last shown.
        self.known_accounts.set_accounts(self._session.known_accounts())
        super().showEvent(event)
        # The keyboard starts in the first field still to fill in, not on the scroll area.
        QTimer.singleShot(0, self, self.focus_first_empty_field)

    def focus_first_empty_field(self) -> None:
        for field in (self.organisation, self.email, self.password):
            if not field.text().strip():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.login_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm_forget(self, key: str, name: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Forget account"),
            self.tr("Forget {name} on this computer? The login and the data saved for offline "
                    "use are removed from this computer. The account itself stays.").format(
                        name=name),
            QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("forgetAccountQuestion")
        forget = box.addButton(self.tr("Forget"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(forget)

        def answered() -> None:
            if box.clickedButton() is forget:
                self._session.forget_account(key)
                self.known_accounts.set_accounts(self._session.known_accounts())
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _reveal_password(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_password.setIcon(icon("eye-off" if shown else "eye"))
        self.show_password.setToolTip(self.tr("Hide password") if shown
                                      else self.tr("Show password"))

    def _logged_in(self, account: object) -> None:
        # The window is hidden, not destroyed, while the user works: leave no password in it,
        # no tick in "Remember me" for whoever comes next, and on a shared PC (or for a staff
        # account, always shared) not even the e-mail.
        self.password.clear()
        self.show_password.setChecked(False)
        self.remember.setChecked(False)
        self._hide_messages()
        if self._shared_pc or getattr(account, "shared_pc", False):
            self.email.clear()

    def _show_leftovers(self, text: str) -> None:
        self.leftovers.setText(text)
        self.leftovers.setVisible(bool(text))
        if text:
            announce(self.leftovers)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.organisation, self.email, self.password, self.remember):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Logging in…") if busy else self.tr("Log in"))
        self._update_login_button()

    def _update_login_button(self) -> None:
        filled = all(f.text().strip() for f in (self.organisation, self.email)) and bool(
            self.password.text())
        self.login_button.setEnabled(filled and not self._busy)

    def _show_error(self, text: str) -> None:
        self.notice.hide()
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
        announce(self.error)

    def _hide_messages(self) -> None:
        self.error.hide()
        self.error.clear()
        self.notice.hide()

    def _check_portal(self) -> None:
        text = self.organisation.text().strip()
        if not text or text == self._checked_portal:
            return
        self._checked_portal = text
        self._set_organisation_status(self.tr("Looking up the organisation…"), "")
        self._session.check_portal(text)

    def _organisation_edited(self) -> None:
        self._checked_portal = ""
        self.organisation_status.hide()

    def _portal_checked(self, base_url: str, name: str) -> None:
        self._set_organisation_status(self.tr("✓ {name}").format(name=name), "ok")
        self.organisation_status.setToolTip(base_url)

    def _portal_check_failed(self, reason: str) -> None:
        self._set_organisation_status(reason, "problem")
        # A later editingFinished with the same text should check again (the network may be back).
        self._checked_portal = ""

    def portal_started(self) -> None:
        """The demo portal is up: a check of its address that failed while it started (it
        can take longer than a request waits) is done again."""
        if self.organisation_status.property("state") == "problem":
            self._check_portal()

    def _set_organisation_status(self, text: str, state: str) -> None:
        label = self.organisation_status
        label.setText(text)
        label.setProperty("state", state)
        label.style().unpolish(label)
        label.style().polish(label)
        label.show()

    def _resume(self, key: str) -> None:
        self._hide_messages()
        self._session.resume(key)

    def _fill_demo_login(self, login: DemoLogin) -> None:
        self.email.setText(login.email)
        self.password.setText(login.password)
        self.login_button.setFocus()

    def _password_was_reset(self, email: str) -> None:
        self.email.setText(email)
        self.password.clear()
        self.error.hide()
        self.notice.setText(self.tr("Your password has been set. Log in with your new password."))
        self.notice.show()
        self.password.setFocus()

    def _wizard_closed(self) -> None:
        if self._wizard is not None:
            self._wizard.deleteLater()
            self._wizard = None
