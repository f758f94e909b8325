"""The security block of the Account page: change the password or the login address, the
two-factor login, and the mails about new devices. It opens the dialogs and passes the
service's answers to the one that asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.shared.records import AccountSecurity, TwoFactorSetup
from desktop.views.account_security.dialogs import (
    ChangeEmailDialog,
    ChangePasswordDialog,
    TwoFactorOffDialog,
)
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark
from desktop.views.shared.two_factor_wizard import TwoFactorWizard

if TYPE_CHECKING:
    from desktop.services.account_security import AccountSecurityService

__all__ = ["AccountSecurityPanel"]

SOURCE = "account-security"


class AccountSecurityPanel(QWidget):
    def __init__(self, service: AccountSecurityService, messages: MessageBar,
                 organisation: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountSecurity")
        self._service = service
        self._messages = messages
        self._organisation = organisation
        self.password_dialog: ChangePasswordDialog | None = None
        self.email_dialog: ChangeEmailDialog | None = None
        self.wizard: TwoFactorWizard | None = None
        self.off_dialog: TwoFactorOffDialog | None = None

        title = mark(QLabel(self.tr("Security"), self), "subheading")
        self.login_email = QLabel("", self)
        self.login_email.setObjectName("loginEmail")
        self.pending = mark(QLabel("", self), "notice")
        self.pending.setObjectName("pendingEmail")
        self.pending.setWordWrap(True)
        self.pending.hide()
        self.change_email = QPushButton(self.tr("Change e-mail address…"), self)
        self.change_email.setObjectName("changeEmail")
        self.change_password = QPushButton(self.tr("Change password…"), self)
        self.change_password.setObjectName("changePassword")
        self.two_factor = QLabel("", self)
        self.two_factor.setObjectName("twoFactorState")
        self.two_factor.setWordWrap(True)
        self.two_factor_button = QPushButton("", self)
        self.two_factor_button.setObjectName("twoFactorButton")
        self.new_device_mail = QCheckBox(
            self.tr("E-mail me when my account logs in on a new device"), self)
        self.new_device_mail.setObjectName("newDeviceMail")

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.addWidget(mark(QLabel(self.tr("Log in with"), self), "fieldLabel"), 0, 0)
        grid.addWidget(self.login_email, 0, 1)
        grid.addWidget(self.change_email, 0, 2)
        grid.addWidget(self.pending, 1, 1, 1, 2)
        grid.addWidget(mark(QLabel(self.tr("Password"), self), "fieldLabel"), 2, 0)
        grid.addWidget(QLabel("••••••••", self), 2, 1)
        grid.addWidget(self.change_password, 2, 2)
        grid.addWidget(mark(QLabel(self.tr("Code at login"), self), "fieldLabel"), 3, 0)
        grid.addWidget(self.two_factor, 3, 1)
        grid.addWidget(self.two_factor_button, 3, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.new_device_mail)
        row.addStretch(1)
        layout.addLayout(row)

        self.change_password.clicked.connect(self.open_password_dialog)
        self.change_email.clicked.connect(self.open_email_dialog)
        self.two_factor_button.clicked.connect(self._two_factor_clicked)
        self.new_device_mail.clicked.connect(service.set_new_device_mail)
        service.securityChanged.connect(self.show_security)
        service.passwordChanged.connect(self._password_changed)
        service.emailCodeSent.connect(self._email_code_sent)
        service.emailChanged.connect(self._email_changed)
        service.twoFactorSetupReady.connect(self._setup_ready)
        service.twoFactorEnabled.connect(self._two_factor_enabled)
        service.twoFactorDisabled.connect(self._two_factor_disabled)
        service.refused.connect(self._refused)
        service.problem.connect(self._problem)
        self._set_enabled(False)
        if service.security is not None:
            self.show_security(service.security)

    @classmethod
    def from_context(cls, context: PageContext) -> AccountSecurityPanel:
        account = context.services.session.account
        return cls(context.services.account_security, context.messages,
                   account.organisation_name if account else "", context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        """Shown with the Account page: fetch the state (it changes on other devices too)."""
        self._service.load()

    # -- showing -------------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.change_email, self.change_password, self.two_factor_button,
                       self.new_device_mail):
            widget.setEnabled(enabled)

    def show_security(self, security: AccountSecurity) -> None:
        self._set_enabled(True)
        self._messages.clear(SOURCE)
        self.login_email.setText(security.email)
        self.pending.setVisible(bool(security.pending_email))
        if security.pending_email:
            self.pending.setText(self.tr(
                "Waiting for the code we sent to {email}. Until you enter it you keep logging "
                "in with {current}.").format(email=security.pending_email,
                                             current=security.email))
        if security.two_factor:
            state = self.tr(
                "On: after your password you enter a code from your authenticator app "
                "({count} recovery codes left).").format(count=security.recovery_codes_left)
            if security.two_factor_required:
                # Shown, not hidden: the manager sees why the action is not there.
                state += " " + self.tr("Your organisation requires it for managers, so it "
                                       "cannot be turned off.")
            self.two_factor.setText(state)
            self.two_factor_button.setText(self.tr("Turn off…"))
            self.two_factor_button.setEnabled(not security.two_factor_required)
            self.two_factor_button.setAccessibleDescription(
                self.tr("Your organisation requires it for managers.")
                if security.two_factor_required else "")
        else:
            self.two_factor.setText(self.tr(
                "Off: your password alone opens your account."))
            self.two_factor_button.setText(self.tr("Set up…"))
        self.new_device_mail.setChecked(security.new_device_mail)

    def _problem(self, text: str) -> None:
        self._messages.show_message(text, source=SOURCE, action_text=self.tr("Try again"),
                                    action=self._service.load)

    # -- dialogs -------------------------------------------------------------------------------
    def _keep(self, attr: str, window: QWidget) -> None:
        """Remember the open ``window`` under ``attr`` until it closes."""
        setattr(self, attr, window)

        def closed() -> None:
            if getattr(self, attr) is window:
                setattr(self, attr, None)
            window.deleteLater()

        window.finished.connect(closed)

    def open_password_dialog(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self)
        dialog.submitted.connect(self._service.change_password)
        self._keep("password_dialog", dialog)
        dialog.open()
        return dialog

    def open_email_dialog(self) -> ChangeEmailDialog:
        security = self._service.security
        dialog = ChangeEmailDialog(
            security.email if security else self.login_email.text(),
            security.pending_email if security else None, self)
        dialog.requested.connect(self._service.request_email_change)
        dialog.codeEntered.connect(self._service.confirm_email_change)
        self._keep("email_dialog", dialog)
        dialog.open()
        return dialog

    def _two_factor_clicked(self) -> None:
        security = self._service.security
        if security is not None and security.two_factor:
            self.open_off_dialog()
        else:
            self.open_wizard()

    def open_wizard(self) -> TwoFactorWizard:
        wizard = TwoFactorWizard(self._organisation, self)
        wizard.codeEntered.connect(self._service.confirm_two_factor)
        self._keep("wizard", wizard)
        wizard.open()
        self._service.start_two_factor()
        return wizard

    def open_off_dialog(self) -> TwoFactorOffDialog:
        dialog = TwoFactorOffDialog(self)
        dialog.codeEntered.connect(self._service.disable_two_factor)
        self._keep("off_dialog", dialog)
        dialog.open()
        return dialog

    # -- answers -------------------------------------------------------------------------------
    def _password_changed(self, ended: int) -> None:
        if self.password_dialog is not None:
            self.password_dialog.succeeded()
        text = self.tr("Your password has been changed.")
        if ended == 1:
            text += " " + self.tr("Your other device was logged out.")
        elif ended:
            text += " " + self.tr("{count} other devices were logged out.").format(count=ended)
        self._messages.show_message(text, source=SOURCE, tone="info")

    def _email_code_sent(self, new_email: str) -> None:
        if self.email_dialog is not None:
            self.email_dialog.code_sent(new_email)

    def _email_changed(self, email: str) -> None:
        if self.email_dialog is not None:
            self.email_dialog.succeeded()
        self._messages.show_message(self.tr(
            "From now on you log in with {email}.").format(email=email), source=SOURCE,
            tone="info")

    def _setup_ready(self, setup: TwoFactorSetup) -> None:
        if self.wizard is not None:
            self.wizard.show_setup(setup)

    def _two_factor_enabled(self, codes: list[str]) -> None:
        if self.wizard is not None:
            self.wizard.enabled(codes)

    def _two_factor_disabled(self) -> None:
        if self.off_dialog is not None:
            self.off_dialog.succeeded()
        self._messages.show_message(self.tr("Logging in with a code is off."), source=SOURCE,
                                    tone="info")

    def _refused(self, action: str, message: str) -> None:
        target = {"password": self.password_dialog, "email": self.email_dialog,
                  "email_code": self.email_dialog, "two_factor_off": self.off_dialog}.get(action)
        if action in ("two_factor", "two_factor_code") and self.wizard is not None:
            if action == "two_factor":
                self.wizard.reject()  # no secret to show
                self._messages.show_message(message, source=SOURCE)
            else:
                self.wizard.refused(message)
            return
        if target is not None:
            target.refused(message)
            return
        self._messages.show_message(message, source=SOURCE)
        if action == "new_device_mail" and self._service.security is not None:
            self.new_device_mail.setChecked(self._service.security.new_device_mail)
