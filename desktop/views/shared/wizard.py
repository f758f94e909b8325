"""What every wizard of the app shares: the classic layout, the same button texts (so one wizard
does not say "Vorige" and the next "Terug"), no Back or Cancel on the result page, and a size
that fits the screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from desktop.views.shared.windows import fit_to_screen

__all__ = ["prepare_wizard"]


def prepare_wizard(wizard: QWizard, width: int, height: int) -> None:
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
    wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
    texts = {QWizard.WizardButton.BackButton: QCoreApplication.translate("Wizard", "< &Back"),
             QWizard.WizardButton.NextButton: QCoreApplication.translate("Wizard", "&Next >"),
             QWizard.WizardButton.CancelButton: QCoreApplication.translate("Wizard", "Cancel"),
             QWizard.WizardButton.FinishButton: QCoreApplication.translate("Wizard", "&Close")}
    for button, text in texts.items():
        wizard.setButtonText(button, text)
    fit_to_screen(wizard, width, height)
