"""The "forgot password" / activation wizard: e-mail → code and new password twice → done.

Each page owns its fields and validation; the service does the work. A page's "Next" first
asks the service and only moves on when the service says it worked, so a server error keeps
the user on the page with everything they typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.views.shared.lock_guard import SessionWizard
from desktop.views.shared.theme import announce, mark
from desktop.views.shared.wizard import prepare_wizard

if TYPE_CHECKING:
    from desktop.services.session.password_reset import PasswordResetService

__all__ = ["MAX_PASSWORD", "MIN_PASSWORD", "PasswordResetWizard"]

MIN_PASSWORD = 8
MAX_PASSWORD = 128
# The portal is asked for its estimate once typing pauses this long.
ASSESS_DELAY_MS = 400


def _field(page: QWizardPage, layout: QVBoxLayout, label: str, name: str,
           text: str = "", password: bool = False) -> QLineEdit:
    caption = mark(QLabel(label, page), "fieldLabel")
    field = QLineEdit(text, page)
    field.setObjectName(name)
    field.setAccessibleName(caption.text().replace("&", ""))
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    caption.setBuddy(field)
    layout.addWidget(caption)
    layout.addWidget(field)
    layout.addSpacing(4)
    return field


def _error_label(page: QWizardPage) -> QLabel:
    label = QLabel("", page)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


class RequestPage(QWizardPage):
    """Asks for the organisation and e-mail address and requests the mail."""

    def __init__(self, wizard: PasswordResetWizard, organisation: str, email: str) -> None:
        super().__init__()
        self._wizard = wizard
        self._sent = False
        self.setTitle(self.tr("Forgot your password?"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Enter the e-mail address of your account. We will send you an e-mail with a link "
            "and a code to set a new password. This is also how you activate a new account."),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(8)
        self.organisation = _field(self, layout, self.tr("&Organisation"), "organisation",
                                   organisation)
        self.organisation.setPlaceholderText(self.tr("korein or korein.ouderportaal.nl"))
        self.email = _field(self, layout, self.tr("&E-mail address"), "email", email)
        self.email.setPlaceholderText(self.tr("name@example.nl"))
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for field in (self.organisation, self.email):
            field.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        self._wizard.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Send"))

    def first_empty_field(self) -> QLineEdit:
        """Where the user still has to type: usually the e-mail address."""
        return next((f for f in (self.organisation, self.email) if not f.text()), self.email)

    def isComplete(self) -> bool:
        return (not self._wizard.busy and bool(self.organisation.text().strip())
                and "@" in self.email.text())

    def validatePage(self) -> bool:
        if self._sent:
            self._sent = False
            return True
        self.error.hide()
        self._wizard.resets.request(self.organisation.text().strip(), self.email.text().strip())
        return False

    def mail_requested(self) -> None:
        self._sent = True
        self._wizard.next()


class CodePage(QWizardPage):
    """Takes the code from the mail and the new password twice, validated while typing."""

    def __init__(self, wizard: PasswordResetWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._changed = False
        self.setTitle(self.tr("Check your e-mail"))
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.explanation = QLabel("", self)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        self.code = _field(self, layout, self.tr("&Code from the e-mail"), "code")
        self.code.setPlaceholderText(self.tr("for example K7MQ-29XP"))
        self.new_password = _field(self, layout, self.tr("&New password"), "newPassword",
                                   password=True)
        self.repeat = _field(self, layout, self.tr("&Repeat the new password"), "repeatPassword",
                             password=True)
        self.validation = mark(QLabel("", self), "muted")
        self.validation.setObjectName("validation")
        self.validation.setWordWrap(True)
        layout.addWidget(self.validation)
        # The portal's estimate of the new password and, when its policy refuses it, why.
        self.strength = mark(QLabel("", self), "muted")
        self.strength.setObjectName("strength")
        self.strength.setWordWrap(True)
        layout.addWidget(self.strength)
        self._refusal = ""
        self._assess_timer = QTimer(self)
        self._assess_timer.setSingleShot(True)
        self._assess_timer.setInterval(ASSESS_DELAY_MS)
        self._assess_timer.timeout.connect(self._assess)
        self.new_password.textChanged.connect(self._password_typed)
        layout.addSpacing(4)
        self.end_other_sessions = QCheckBox(
            self.tr("&Log out on all other computers and phones"), self)
        self.end_other_sessions.setObjectName("endOtherSessions")
        self.end_other_sessions.setChecked(True)
        layout.addWidget(self.end_other_sessions)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for field in (self.code, self.new_password, self.repeat):
            field.textChanged.connect(self._revalidate)
        self._revalidate()

    def initializePage(self) -> None:
        email = self.field_email()
        self.explanation.setText(self.tr(
            "If {email} belongs to an account, we have sent an e-mail with a link and a code. "
            "It can take a few minutes; also check your spam folder. Enter the code here and "
            "choose a new password, or use the link in the e-mail.").format(email=email))
        self._wizard.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set password"))

    def field_email(self) -> str:
        return self._wizard.request_page.email.text().strip()

    def password_problem(self) -> str | None:
        """Why the new password can't be used yet, or None when it can."""
        password, repeat = self.new_password.text(), self.repeat.text()
        if len(password) < MIN_PASSWORD:
            return self.tr("Use at least {minimum} characters ({count} so far).").format(
                minimum=MIN_PASSWORD, count=len(password))
        if len(password) > MAX_PASSWORD:
            return self.tr("Use at most {maximum} characters.").format(maximum=MAX_PASSWORD)
        if self._refusal:
            return self._refusal
        if not repeat:
            return self.tr("Type the new password once more.")
        if repeat != password:
            return self.tr("The two passwords are not the same.")
        return None

    def _revalidate(self) -> None:
        problem = self.password_problem()
        if problem is None:
            self.validation.setText(self.tr("✓ The new password can be used."))
        elif not self.new_password.text():
            self.validation.setText(self.tr(
                "Use at least {minimum} characters. A few words in a row make a strong password "
                "that is easy to remember.").format(minimum=MIN_PASSWORD))
        else:
            self.validation.setText(problem)
        self.completeChanged.emit()

    STRENGTHS = (QT_TRANSLATE_NOOP("CodePage", "Strength: very weak"),
                 QT_TRANSLATE_NOOP("CodePage", "Strength: weak"),
                 QT_TRANSLATE_NOOP("CodePage", "Strength: fair"),
                 QT_TRANSLATE_NOOP("CodePage", "Strength: strong"),
                 QT_TRANSLATE_NOOP("CodePage", "Strength: very strong"))

    def _password_typed(self) -> None:
        # A verdict on what was typed before no longer applies.
        self._refusal = ""
        self.strength.clear()
        self._assess_timer.start()

    def _assess(self) -> None:
        password = self.new_password.text()
        if MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
            self._wizard.resets.assess(self._wizard.request_page.organisation.text().strip(),
                                       self.field_email(), password)

    def assessed(self, strength: int, refusal: str) -> None:
        """The portal's estimate for the password as it still is (else a newer one comes)."""
        if self._assess_timer.isActive():
            return
        self.strength.setText(QCoreApplication.translate(
            "CodePage", self.STRENGTHS[max(0, min(4, strength))]))
        self._refusal = refusal
        self._revalidate()

    def isComplete(self) -> bool:
        return (not self._wizard.busy and bool(self.code.text().strip())
                and self.password_problem() is None)

    def validatePage(self) -> bool:
        if self._changed:
            return True
        self.error.hide()
        self._wizard.resets.confirm(self._wizard.request_page.organisation.text().strip(),
                                    self.field_email(), self.code.text().strip(),
                                    self.new_password.text(),
                                    self.end_other_sessions.isChecked())
        return False

    def password_changed(self) -> None:
        self._changed = True
        self._wizard.next()


class DonePage(QWizardPage):
    """Says the password is set; "Back to login" finishes the wizard."""

    def __init__(self, wizard: PasswordResetWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your password has been set"))
        layout = QVBoxLayout(self)
        text = QLabel("", self)
        text.setObjectName("doneText")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addStretch(1)
        self.text = text

    def initializePage(self) -> None:
        if self._wizard.code_page.end_other_sessions.isChecked():
            self.text.setText(self.tr(
                "You can now log in with your new password. For your safety, other computers "
                "and phones that were logged in to your account have been logged out."))
        else:
            self.text.setText(self.tr("You can now log in with your new password."))
        self._wizard.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Back to login"))


class PasswordResetWizard(SessionWizard):
    """Drives ``PasswordResetService``. Signals: ``passwordSet(email)`` when it is done."""

    passwordSet = Signal(str)

    def __init__(self, resets: PasswordResetService, *, organisation: str = "", email: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resets = resets
        self.busy = False
        self.setObjectName("passwordReset")
        self.setWindowTitle(self.tr("Set a new password"))
        prepare_wizard(self, 620, 520)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.request_page = RequestPage(self, organisation, email)
        self.code_page = CodePage(self)
        self.done_page = DonePage(self)
        for page in (self.request_page, self.code_page, self.done_page):
            self.addPage(page)
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                      QWizard.WizardButton.FinishButton):
            mark(self.button(which), "primary")

        resets.busyChanged.connect(self._set_busy)
        resets.mailRequested.connect(self._mail_requested)
        resets.passwordChanged.connect(self._password_changed)
        resets.failed.connect(self._failed)
        resets.passwordAssessed.connect(self.code_page.assessed)
        self.finished.connect(self._disconnect)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # After QWizard has put the focus on the page's first field.
        QTimer.singleShot(0, self, self._focus_first_empty_field)

    def _focus_first_empty_field(self) -> None:
        if self.currentPage() is self.request_page:
            self.request_page.first_empty_field().setFocus()

    def accept(self) -> None:
        # Finishing the last page is the commit: the login window fills in the e-mail.
        self.passwordSet.emit(self.request_page.email.text().strip())
        super().accept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        page = self.currentPage()
        if page is not None:
            page.completeChanged.emit()

    def _mail_requested(self) -> None:
        # The answer is in: the next page is usable now, even while the service still tidies
        # up (closing its connection) before it reports busyChanged(False).
        self.busy = False
        if self.currentPage() is self.request_page:
            self.request_page.mail_requested()

    def _password_changed(self) -> None:
        self.busy = False
        if self.currentPage() is self.code_page:
            self.code_page.password_changed()

    def _failed(self, message: str) -> None:
        page = self.currentPage()
        error = getattr(page, "error", None)
        if isinstance(error, QLabel):
            error.setText(message)
            error.show()
            announce(error)

    def _disconnect(self) -> None:
        # The service outlives the wizard; a late answer must not reach deleted pages.
        for signal, slot in ((self.resets.busyChanged, self._set_busy),
                             (self.resets.mailRequested, self._mail_requested),
                             (self.resets.passwordChanged, self._password_changed),
                             (self.resets.failed, self._failed),
                             (self.resets.passwordAssessed, self.code_page.assessed)):
            signal.disconnect(slot)
