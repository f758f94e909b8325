"""The translated refusals of the account-security endpoints and the login's code step
(docs/api.md, "Account security"); every other error reads as everywhere
(``desktop.services.shared.errors.user_message``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.api.core.errors import PortalError, ProblemResponse
from desktop.services.shared.errors import user_message

__all__ = ["security_message"]


def security_message(error: PortalError, *, organisation: str = "") -> str:
    """The translated message of a refusal of these endpoints (the rest as everywhere)."""
    code = error.code if isinstance(error, ProblemResponse) else ""
    texts = {
        "current_password_wrong": QCoreApplication.translate(
            "AccountSecurity", "Your current password is not correct."),
        "email_in_use": QCoreApplication.translate(
            "AccountSecurity",
            "Someone else already logs in with this e-mail address. Choose another one."),
        "email_code_invalid": QCoreApplication.translate(
            "AccountSecurity", "The code is wrong or has expired. Request a new code if needed."),
        "two_factor_code_invalid": QCoreApplication.translate(
            "AccountSecurity",
            "The code is wrong or was already used. Enter the newest code from your "
            "authenticator app, or a recovery code."),
        "two_factor_already_on": QCoreApplication.translate(
            "AccountSecurity", "Logging in with a code is already on."),
        "two_factor_not_set_up": QCoreApplication.translate(
            "AccountSecurity", "Start setting up logging in with a code again."),
        "two_factor_challenge_invalid": QCoreApplication.translate(
            "AccountSecurity", "Logging in took too long. Please log in again."),
        "two_factor_required_by_policy": QCoreApplication.translate(
            "AccountSecurity", "Your organisation requires managers to log in with a code: "
            "it cannot be turned off."),
        "two_factor_setup_required": QCoreApplication.translate(
            "AccountSecurity", "Your organisation requires managers to log in with a code. "
            "Set it up to log in."),
    }
    if code == "validation_error" and any(
            e.get("field") == "new_email" for e in error.extra.get("errors", [])
            if isinstance(e, dict)):
        return QCoreApplication.translate("AccountSecurity", "This is already your login address.")
    return texts.get(code) or user_message(error, organisation=organisation)
