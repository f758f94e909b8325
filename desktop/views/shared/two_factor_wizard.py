"""Setting up the two-factor login, as a wizard: what it is, the QR code (and the secret as
text) for the authenticator app with a code to confirm, the recovery codes to save or print,
done (docs/api.md, "Two-factor login").

The secret comes from the portal when the wizard opens and is never written anywhere; the
recovery codes only where the user saves or prints them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.models.shared.records import TwoFactorSetup, grouped_secret
from desktop.services.shared.files import write_atomically
from desktop.views.shared.lock_guard import SessionWizard
from desktop.views.shared.qr_code import QrCode
from desktop.views.shared.theme import announce, mark

__all__ = ["TwoFactorWizard"]


class _IntroPage(QWizardPage):
    def __init__(self, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Log in with a code"))
        apps = self.tr(
            "From now on, logging in asks for your password and a six-digit code from an "
            "authenticator app on your phone (for example Google Authenticator, Microsoft "
            "Authenticator or FreeOTP). Someone who learns your password still cannot log "
            "in.\n\nInstall such an app on your phone first, then continue.")
        if required:
            apps = self.tr(
                "Your organisation requires managers to log in with a code. Set it up now; "
                "you are logged in as soon as it is done.") + "\n\n" + apps
        text = QLabel(apps, self)
        text.setObjectName("setupIntro")
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class _ScanPage(QWizardPage):
    """The QR code and the secret; "Next" sends the code and waits for the portal."""

    def __init__(self, wizard: TwoFactorWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Add your account to the app"))
        self.setSubTitle(self.tr("Scan the QR code with the authenticator app, or type the key "
                                 "into it. Then enter the code the app shows."))
        self.qr = QrCode("", self)
        self.qr.setFixedSize(200, 200)
        self.waiting = mark(QLabel(self.tr("Preparing your code…"), self), "muted")
        self.waiting.setObjectName("setupWaiting")
        self.secret = QLabel("", self)
        self.secret.setObjectName("twoFactorSecret")
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.secret.setFont(font)
        self.code = QLineEdit(self)
        self.code.setObjectName("setupCode")
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(10)
        caption = mark(QLabel(self.tr("&Code from the app"), self), "fieldLabel")
        caption.setBuddy(self.code)
        self.error = mark(QLabel("", self), "error")
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.hide()
        key_caption = mark(QLabel(self.tr("Key"), self), "fieldLabel")

        side = QVBoxLayout()
        side.addWidget(self.waiting)
        side.addWidget(key_caption)
        side.addWidget(self.secret)
        side.addSpacing(12)
        side.addWidget(caption)
        side.addWidget(self.code)
        side.addWidget(self.error)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(16)
        row.addLayout(side, 1)
        self.code.textChanged.connect(self.completeChanged)
        self.code.returnPressed.connect(lambda: wizard.next())
        # Once the portal took the code there is no way back to an unconfirmed secret.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Confirm"))
        self._confirmed = False

    def show_setup(self, setup: TwoFactorSetup) -> None:
        self.waiting.hide()
        self.qr.set_text(setup.otpauth_uri)
        self.secret.setText(grouped_secret(setup.secret))
        self.code.setFocus()
        self.completeChanged.emit()

    def show_refusal(self, message: str) -> None:
        self._wizard.set_busy(False)
        self.error.setText(message)
        self.error.show()
        announce(self.error)
        self.code.selectAll()
        self.code.setFocus()

    def confirmed(self) -> None:
        self._confirmed = True

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.secret.text()) and bool(self.code.text().strip()) and \
            not self._wizard.busy

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if self._confirmed:
            return True
        self.error.hide()
        self._wizard.set_busy(True)
        self._wizard.codeEntered.emit(self.code.text().strip())
        return False  # the portal's answer moves on (TwoFactorWizard.enabled)


class _RecoveryPage(QWizardPage):
    """The ten recovery codes, to save or print; "Finish" once the user says they have."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Keep your recovery codes"))
        explanation = QLabel(self.tr(
            "Logging in with a code is on. If you lose your phone, each of these codes lets you "
            "log in once instead of a code from the app. Save or print them and keep them "
            "somewhere safe; they are not shown again."), self)
        explanation.setWordWrap(True)
        self.codes_label = QLabel("", self)
        self.codes_label.setObjectName("recoveryCodes")
        self.codes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.codes_label.setFont(font)
        self.save = QPushButton(self.tr("&Save to a file…"), self)
        self.save.setObjectName("saveRecoveryCodes")
        self.print = QPushButton(self.tr("&Print…"), self)
        self.print.setObjectName("printRecoveryCodes")
        self.status = mark(QLabel("", self), "muted")
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        self.kept = QCheckBox(self.tr("I have saved or printed my recovery codes"), self)
        self.kept.setObjectName("recoveryCodesKept")
        self.kept.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.print)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.codes_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.kept)
        self.codes: list[str] = []

    def set_codes(self, codes: list[str]) -> None:
        self.codes = list(codes)
        half = (len(codes) + 1) // 2
        lines = [f"{a}    {b}" for a, b in zip(codes[:half], codes[half:] + [""], strict=False)]
        self.codes_label.setText("\n".join(lines))

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.codes) and self.kept.isChecked()


class _DonePage(QWizardPage):
    def __init__(self, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Done"))
        text = QLabel(self.tr(
            "All set: \"Log in\" opens the parent portal. From your next login on, the "
            "portal asks for a code from your authenticator app after your password; your "
            "organisation requires it, so it stays on.") if required else self.tr(
            "From your next login on, the portal asks for a code from your authenticator app "
            "after your password. You can turn this off on the Account page."), self)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class TwoFactorWizard(SessionWizard):
    """Signals: ``codeEntered(code)`` to confirm the new secret. The panel (or, with
    ``required``, the login window: the organisation requires it before a manager's login)
    passes the portal's answers in: :meth:`show_setup`, :meth:`enabled`, :meth:`refused`."""

    codeEntered = Signal(str)

    def __init__(self, organisation: str = "", parent: QWidget | None = None, *,
                 required: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("twoFactorWizard")
        self.setWindowTitle(self.tr("Set up logging in with a code"))
        self.resize(640, 460)
        self.busy = False
        self._organisation = organisation
        self.intro = _IntroPage(required, self)
        self.scan = _ScanPage(self)
        self.recovery = _RecoveryPage(self)
        self.done_page = _DonePage(required, self)
        for page in (self.intro, self.scan, self.recovery, self.done_page):
            self.addPage(page)
        if required:
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Log in"))
        self.recovery.save.clicked.connect(self.save_codes)
        self.recovery.print.clicked.connect(self.print_codes)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.scan.completeChanged.emit()

    def show_setup(self, setup: TwoFactorSetup) -> None:
        self.scan.show_setup(setup)

    def enabled(self, codes: list[str]) -> None:
        """The portal turned it on: show the recovery codes."""
        self.set_busy(False)
        self.recovery.set_codes(codes)
        self.scan.confirmed()
        if self.currentPage() is self.scan:
            self.next()

    def refused(self, message: str) -> None:
        self.scan.show_refusal(message)

    # -- recovery codes ------------------------------------------------------------------------
    def codes_text(self) -> str:
        heading = self.tr("Recovery codes for {organisation}").format(
            organisation=self._organisation or self.tr("the parent portal"))
        note = self.tr("Each code works once, instead of a code from the authenticator app.")
        return "\n".join([heading, "", note, "", *self.recovery.codes, ""])

    def save_codes(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save recovery codes"), self.tr("Recovery codes.txt"),
            self.tr("Text files (*.txt)"))
        if path:
            self.save_codes_to(Path(path))

    def save_codes_to(self, path: Path) -> bool:
        message = write_atomically(path, self.codes_text().encode("utf-8"))
        self.recovery.status.setText(message or self.tr("Saved to {file}.").format(
            file=path.name))
        announce(self.recovery.status)
        return message is None

    def print_codes(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_codes_on(printer))
        dialog.open()

    def print_codes_on(self, printer: QPrinter) -> None:
        document = QTextDocument(self)
        document.setPlainText(self.codes_text())
        document.print_(printer)
        self.recovery.status.setText(self.tr("Sent to the printer."))
