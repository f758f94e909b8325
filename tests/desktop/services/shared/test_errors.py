"""user_message: one clear, distinct message per failure the user can meet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from desktop.api.core import errors as e
from desktop.api.core.address import EmptyAddress, InsecureAddress, InvalidAddress
from desktop.services.shared.errors import address_message, user_message

CASES = [
    (e.InvalidCredentials(401, "invalid_credentials"), "e-mail address or password is incorrect"),
    (e.TooManyAttempts(429, "too_many_attempts"), "Too many attempts"),
    (e.AccountExpired(403, "account_expired"), "access to the portal has ended"),
    (e.AccountDisabled(403, "account_disabled"), "switched off"),
    (e.ServerUnreachable("refused"), "cannot be reached"),
    (e.NoInternet("down"), "no internet connection"),
    (e.UnknownHost("nx"), "organisation address is unknown"),
    (e.CertificateProblem("tls"), "connection is not safe"),
    (e.RequestTimeout("slow"), "did not answer in time"),
    (e.NotAPortal("html"), "no parent portal at this address"),
    (e.SessionExpired(401, "session_expired"), "session has expired"),
    (e.Forbidden(403, "forbidden"), "not allowed"),
    (e.NotFound(404, "not_found"), "no longer exists"),
    (e.ServerError(500, "internal_error"), "went wrong on the portal server"),
    (e.ResetCodeInvalid(400, "reset_code_invalid"), "code is incorrect"),
    (e.PasswordRejected(422, "password_policy", extra={"reason": "too_common"}), "too common"),
    (e.RuleViolation(422, "closed_day", "Op deze dag is de locatie gesloten."),
     "Op deze dag is de locatie gesloten."),
]


@pytest.mark.parametrize(("error", "expected"), CASES, ids=[type(c[0]).__name__ for c in CASES])
def test_each_error_has_its_own_message(error, expected):
    assert expected in user_message(error)


def test_messages_are_distinct():
    messages = [user_message(error) for error, _ in CASES]
    assert len(set(messages)) == len(messages)


def test_too_many_attempts_says_when_to_try_again_in_local_time():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        error = e.TooManyAttempts(429, "too_many_attempts", extra={"retry_after": 300})
        message = user_message(error, now=lambda: datetime(2026, 3, 2, 9, 0, 30, tzinfo=UTC))
    finally:
        QLocale.setDefault(previous)
    # 09:00:30 UTC + 300 s, rounded up to the minute, shown in this computer's time zone.
    utc = QDateTime(QDate(2026, 3, 2), QTime(9, 6), QTimeZone.utc())
    expected = utc.toLocalTime().time().toString("HH:mm")
    assert message == f"Too many attempts. You can try again at {expected}."


def test_account_expired_names_the_day_and_the_organisation():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        error = e.AccountExpired(403, "account_expired", extra={"access_ended_on": "2025-11-01"})
        message = user_message(error, organisation="Kinderopvang Zonnebloem")
    finally:
        QLocale.setDefault(previous)
    assert "ended on Saturday, 1 November 2025" in message
    assert message.endswith("Please contact Kinderopvang Zonnebloem.")


@pytest.mark.parametrize(("error", "expected"), [
    (EmptyAddress("", "empty"), "Enter the name or web address"),
    (InsecureAddress("http://x.nl", "http"), "not secure (http)"),
    (InvalidAddress("a b", "spaces"), "not a valid organisation name"),
])
def test_address_problems(error, expected):
    assert expected in address_message(error)
