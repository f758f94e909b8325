"""The login's two-factor setup: the account page's setup wizard, opened by the login window
when the organisation requires a code of this manager before the login (docs/api.md,
"Required for managers"), and driven by the session's ``LoginSetup``. Finishing the wizard
logs in; cancelling it goes back to the password with nothing logged in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.services.session.login_setup import LoginSetup
    from desktop.views.shared.two_factor_wizard import TwoFactorWizard

__all__ = ["open_setup_wizard"]


def open_setup_wizard(setup: LoginSetup, parent: QWidget) -> TwoFactorWizard:
    # Imported when first needed: the login window paints without the wizard (and segno).
    from desktop.views.shared.two_factor_wizard import TwoFactorWizard

    wizard = TwoFactorWizard(setup.organisation, parent, required=True)
    wizard.setObjectName("loginSetupWizard")
    wizard.codeEntered.connect(setup.confirm)
    setup.setupReady.connect(wizard.show_setup)
    setup.refused.connect(wizard.refused)
    setup.enabled.connect(wizard.enabled)
    # The challenge expired or the portal is gone: the login window says why.
    setup.failed.connect(wizard.reject)
    wizard.accepted.connect(setup.finish)
    wizard.rejected.connect(setup.cancel)
    wizard.finished.connect(wizard.deleteLater)
    wizard.open()
    setup.start()
    return wizard
