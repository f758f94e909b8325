"""A notification in words (desktop/models/notifications.py): who and what in one line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from message_samples import conversation

from desktop.api.extra_days.records import ExtraDayPayment, ExtraDayRequest, ExtraDayStatus
from desktop.models.notifications import LINE, notification_text, unread_tooltip
from desktop.services.notifications import DECISIONS, MESSAGES, Notification


def _request(status: ExtraDayStatus, reason: str | None = None,
             decided_by: str | None = "Fatima El Amrani") -> ExtraDayRequest:
    day = date(2026, 3, 12)
    return ExtraDayRequest(3, 2, day, date(2026, 3, 13), None, ExtraDayPayment.INVOICE, status,
                           (), 0, 0, "Sanne de Vries", reason, "Daan de Vries",
                           decided_by=decided_by)


def test_a_long_message_is_one_line_of_at_most_line_characters(qapp) -> None:
    fits = replace(conversation(1, "S"), last_message_author_name="Fatima",
                   last_message_preview="x" * (LINE - 3))  # "S: " + that = LINE
    title, line = notification_text(Notification(MESSAGES, fits, private=False))
    assert (title, len(line)) == ("Message from Fatima", LINE) and not line.endswith("…")
    longer = replace(fits, last_message_preview="x" * (LINE - 2) + "\nmore")
    _title, line = notification_text(Notification(MESSAGES, longer, private=False))
    assert len(line) == LINE and line.endswith("…") and "\n" not in line


def test_a_message_without_its_writers_name_names_the_group(qapp) -> None:
    title, _line = notification_text(Notification(MESSAGES, conversation(1, "S"),
                                                  private=False))
    assert title == "Message from Zonnetjes"


def test_a_decision_says_which_and_by_whom(qapp) -> None:
    assert notification_text(Notification(DECISIONS, _request(ExtraDayStatus.APPROVED),
                                          private=False)) == (
        "Extra day approved",
        "Daan de Vries, 12 March 2026 to 13 March 2026 (by Fatima El Amrani)")
    partly = _request(ExtraDayStatus.APPROVED, reason="vol", decided_by=None)
    assert notification_text(Notification(DECISIONS, partly, private=False)) == (
        "Extra day partly approved", "Daan de Vries, 12 March 2026 to 13 March 2026")
    assert notification_text(Notification(DECISIONS, _request(ExtraDayStatus.REJECTED),
                                          private=False))[0] == "Extra day rejected"


def test_private_hides_who_and_what(qapp) -> None:
    assert notification_text(Notification(DECISIONS, _request(ExtraDayStatus.REJECTED),
                                          private=True)) == ("Ouderportaal", "New message")


def test_the_tooltip_counts_what_is_unread(qapp) -> None:
    assert unread_tooltip(0, 0) == "Ouderportaal: nothing unread"
    assert unread_tooltip(1, 0) == "Ouderportaal: unread messages: 1"
    assert unread_tooltip(0, 2) == "Ouderportaal: unread news: 2"
