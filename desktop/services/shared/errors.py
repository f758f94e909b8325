"""One clear, translated sentence for every kind of failure the user can meet.

The client raises typed errors (desktop/api/core/errors.py) and every disk write a
:class:`DiskProblem` (desktop/cache/disk.py); this module is the only place that turns them into
text, so the same failure reads the same everywhere (login form, message bar, dialogs, wizards).
Strings are English in the source and translated through Qt Linguist (context ``Errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

from desktop.api.core.address import AddressError, EmptyAddress, InsecureAddress
from desktop.api.core.errors import (
    AccountDisabled,
    AccountExpired,
    CertificateProblem,
    ConnectionProblem,
    Forbidden,
    InvalidCredentials,
    NoInternet,
    NotAPortal,
    NotFound,
    PasswordRejected,
    PortalError,
    PortalUnavailable,
    RequestTimeout,
    ResetCodeInvalid,
    RuleViolation,
    ServerError,
    SessionExpired,
    TooManyAttempts,
    UnknownHost,
)
from desktop.cache.disk import DiskProblem, DiskTrouble, disk_problem
from desktop.cache.queued_writes import OutboxTooNew

__all__ = ["address_message", "disk_message", "password_refusal", "user_message"]


def user_message(
    error: PortalError | DiskProblem | OutboxTooNew,
    *,
    organisation: str = "",
    now: Callable[[], datetime] | None = None,
) -> str:
    """The translated message for ``error``.

    ``organisation`` (the portal's name) makes "whom to contact" concrete where it matters;
    ``now`` is injectable so the "try again at" time can be tested.
    """
    if isinstance(error, DiskProblem):
        return disk_message(error)
    if isinstance(error, OutboxTooNew):
        return QCoreApplication.translate(
            "Errors", "A newer version of Ouderportaal left writes on this computer that "
            "still have to be sent. Install the newest version to open this account; the "
            "writes are kept until then.")
    if isinstance(error, InvalidCredentials):
        return QCoreApplication.translate("Errors", "The e-mail address or password is incorrect.")
    if isinstance(error, TooManyAttempts):
        return _too_many_attempts(error, now or (lambda: datetime.now(UTC)))
    if isinstance(error, AccountExpired):
        return _account_expired(error, organisation)
    if isinstance(error, AccountDisabled):
        return _contact(
            QCoreApplication.translate(
                "Errors", "Your account has been switched off by the childcare organisation."
            ),
            organisation,
        )
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate(
            "Errors", "Your session has expired. Please log in again."
        )
    if isinstance(error, Forbidden):
        return QCoreApplication.translate("Errors", "Your account is not allowed to do this.")
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Errors", "This item no longer exists on the portal.")
    if isinstance(error, PasswordRejected):
        return _password_rejected(error)
    if isinstance(error, ResetCodeInvalid):
        return QCoreApplication.translate(
            "Errors",
            "The code is incorrect, already used or expired. Request a new e-mail and use "
            "the newest code.",
        )
    if isinstance(error, RuleViolation):
        if error.detail:
            return QCoreApplication.translate("Errors", "The portal refused this: %1").replace(
                "%1", error.detail
            )
        return QCoreApplication.translate("Errors", "The portal refused this request.")
    if isinstance(error, PortalUnavailable):
        return _unavailable(error, now or (lambda: datetime.now(UTC)))
    if isinstance(error, ServerError):
        return QCoreApplication.translate(
            "Errors", "Something went wrong on the portal server. Please try again later."
        )
    if isinstance(error, NotAPortal):
        return QCoreApplication.translate(
            "Errors",
            "There is no parent portal at this address. Check the organisation name or address.",
        )
    if isinstance(error, ConnectionProblem):
        return _connection_message(error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong on the portal server. Please try again later."
    )


def _connection_message(error: ConnectionProblem) -> str:
    if isinstance(error, NoInternet):
        return QCoreApplication.translate(
            "Errors", "There is no internet connection. Check your network and try again."
        )
    if isinstance(error, UnknownHost):
        return QCoreApplication.translate(
            "Errors",
            "This organisation address is unknown. Check the spelling of the organisation.",
        )
    if isinstance(error, CertificateProblem):
        return QCoreApplication.translate(
            "Errors",
            "The connection is not safe: the portal's certificate could not be verified. "
            "Do not log in, and tell your childcare organisation.",
        )
    if isinstance(error, RequestTimeout):
        return QCoreApplication.translate(
            "Errors", "The portal server did not answer in time. Please try again later."
        )
    return QCoreApplication.translate(
        "Errors", "The portal server cannot be reached. Please try again later."
    )


def disk_message(error: OSError) -> str:
    """The one message for a write the disk refused (full, not allowed, read-only, other)."""
    problem = disk_problem(error, error.filename or "")
    trouble = problem.trouble if problem is not None else DiskTrouble.FAILED
    where = problem.path if problem is not None else Path()
    folder = str(where if where.is_dir() else where.parent)
    if trouble is DiskTrouble.FULL:
        return QCoreApplication.translate(
            "Files", "The disk is full. Free some space and try again; nothing that "
            "was already saved is lost.")
    if trouble is DiskTrouble.NO_PERMISSION:
        return QCoreApplication.translate(
            "Files", "Ouderportaal may not write in {folder}. Check the folder's permissions, "
            "or ask whoever manages this computer.").format(folder=folder)
    if trouble is DiskTrouble.READ_ONLY:
        return QCoreApplication.translate(
            "Files", "The disk is read-only, so nothing can be saved in {folder}.").format(
                folder=folder)
    return QCoreApplication.translate(
        "Files", "The file could not be written: {reason}").format(
            reason=error.strerror or str(error))


def address_message(error: AddressError) -> str:
    """The translated message for what is wrong with the typed organisation address."""
    if isinstance(error, EmptyAddress):
        return QCoreApplication.translate(
            "Errors", "Enter the name or web address of your childcare organisation."
        )
    if isinstance(error, InsecureAddress):
        return QCoreApplication.translate(
            "Errors", "This address is not secure (http). Use the https:// address of your portal."
        )
    return QCoreApplication.translate(
        "Errors", "This is not a valid organisation name or web address."
    )


def _too_many_attempts(error: TooManyAttempts, now: Callable[[], datetime]) -> str:
    if error.retry_after <= 0:
        return QCoreApplication.translate(
            "Errors", "Too many attempts. Please wait a moment and try again."
        )
    return QCoreApplication.translate(
        "Errors", "Too many attempts. You can try again at %1."
    ).replace("%1", _try_again_at(error.retry_after, now))


def _unavailable(error: PortalUnavailable, now: Callable[[], datetime]) -> str:
    if error.retry_after <= 0:
        return QCoreApplication.translate(
            "Errors", "The portal is temporarily unavailable. Please try again in a few "
            "minutes.")
    return QCoreApplication.translate(
        "Errors", "The portal is temporarily unavailable. Please try again at %1."
    ).replace("%1", _try_again_at(error.retry_after, now))


def _try_again_at(seconds: int, now: Callable[[], datetime]) -> str:
    """The local time ``seconds`` from now, rounded up to the next minute ("try again at 14:05"
    must not be too early), with the date when that is not today."""
    current = now()
    moment = current + timedelta(seconds=seconds + 59)
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    today = QDateTime.fromSecsSinceEpoch(int(current.timestamp())).date()
    locale = QLocale()
    if local.date() == today:
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def _account_expired(error: AccountExpired, organisation: str) -> str:
    if error.access_ended_on is not None:
        ended = error.access_ended_on
        day = QLocale().toString(
            QDate(ended.year, ended.month, ended.day), QLocale.FormatType.LongFormat
        )
        text = QCoreApplication.translate(
            "Errors",
            "Your access to the portal ended on %1, after your last childcare contract ended.",
        ).replace("%1", day)
    else:
        text = QCoreApplication.translate(
            "Errors",
            "Your access to the portal has ended, after your last childcare contract ended.",
        )
    return _contact(text, organisation)


def _contact(text: str, organisation: str) -> str:
    if organisation:
        return (
            text
            + " "
            + QCoreApplication.translate("Errors", "Please contact %1.").replace("%1", organisation)
        )
    return (
        text + " " + QCoreApplication.translate("Errors", "Please contact your childcare location.")
    )


def _password_rejected(error: PasswordRejected) -> str:
    return password_refusal(error.reason)


_PASSWORD_REFUSALS = {
    "too_short": QT_TRANSLATE_NOOP(
        "Errors", "This password is too short. Use at least 8 characters."),
    "too_long": QT_TRANSLATE_NOOP(
        "Errors", "This password is too long. Use at most 128 characters."),
    "too_common": QT_TRANSLATE_NOOP(
        "Errors", "This password is too common and easy to guess. Choose another one."),
    "like_email": QT_TRANSLATE_NOOP(
        "Errors", "Do not use your e-mail address as your password. Choose another one."),
    "only_whitespace": QT_TRANSLATE_NOOP(
        "Errors", "A password of only spaces cannot be used. Choose another one."),
}


_PASSWORD_REFUSED = QT_TRANSLATE_NOOP("Errors",
                                      "This password cannot be used. Choose another one.")


def password_refusal(reason: str | None) -> str:
    """Why the portal's password policy refuses a new password (its ``reason``)."""
    return QCoreApplication.translate("Errors",
                                      _PASSWORD_REFUSALS.get(reason or "", _PASSWORD_REFUSED))
