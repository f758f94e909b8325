"""A notification in words: a title that says from whom and one line that says what
(docs/architecture.md, "Notifications"), and the tray's tooltip.

A private notification (a shared PC) says only "New message", "New in the diary" or "New
photos": who wrote, which child and what stays in the app, behind its login and lock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.api.extra_days.records import ExtraDayRequest, ExtraDayStatus
from desktop.api.messages.records import Conversation
from desktop.api.news.records import NewsItem
from desktop.models.shared.formatting import format_date_range, format_weekday_date
from desktop.services.notifications import DiaryArrival, Notification, PhotosArrival

__all__ = ["LINE", "notification_text", "unread_tooltip"]

# The most characters of the one line (a native notification shows about that much).
LINE = 90


def notification_text(notification: Notification) -> tuple[str, str]:
    """(title, one line)."""
    item = notification.item
    if notification.private:
        return QCoreApplication.translate("Notifications", "Ouderportaal"), _private(item)
    if isinstance(item, DiaryArrival):
        return _diary(item)
    if isinstance(item, PhotosArrival):
        return _photos(item)
    if isinstance(item, Conversation):
        title = QCoreApplication.translate(
        "Notifications", "Message from {name}").format(
            name=item.last_message_author_name or item.group_name)
        return title, _line(f"{item.subject}: {item.last_message_preview}")
    if isinstance(item, NewsItem):
        return (QCoreApplication.translate(
        "Notifications", "News from {name}").format(name=item.author_name),
                _line(item.title))
    return _decision(item)


def _private(item: object) -> str:
    if isinstance(item, DiaryArrival):
        return QCoreApplication.translate("Notifications", "New in the diary")
    if isinstance(item, PhotosArrival):
        return QCoreApplication.translate("Notifications", "New photos")
    return QCoreApplication.translate("Notifications", "New message")


def _diary(arrival: DiaryArrival) -> tuple[str, str]:
    """"Dagboek van Emma" / "dinsdag 1 december 2026" (the newest day first)."""
    title = QCoreApplication.translate("Notifications", "Diary of {child}").format(
        child=arrival.child_name) if arrival.child_name else \
        QCoreApplication.translate("Notifications", "New in the diary")
    return title, _line(", ".join(format_weekday_date(day) for day in arrival.days))


def _photos(arrival: PhotosArrival) -> tuple[str, str]:
    """"Nieuwe foto's" / "3 nieuwe foto's: Herfstwandeling"."""
    if arrival.count == 1:
        line = QCoreApplication.translate("Notifications", "1 new photo: {activity}")
    else:
        line = QCoreApplication.translate("Notifications", "{count} new photos: {activity}")
    return (QCoreApplication.translate("Notifications", "New photos"),
            _line(line.format(count=arrival.count, activity=arrival.activity_title)))


def _decision(request: ExtraDayRequest) -> tuple[str, str]:
    if request.status is ExtraDayStatus.APPROVED and request.decision_reason:
        title = QCoreApplication.translate(
        "Notifications", "Extra day partly approved")
    elif request.status is ExtraDayStatus.APPROVED:
        title = QCoreApplication.translate(
        "Notifications", "Extra day approved")
    else:
        title = QCoreApplication.translate(
        "Notifications", "Extra day rejected")
    line = QCoreApplication.translate(
        "Notifications", "{child}, {dates}").format(
        child=request.child_name,
        dates=format_date_range(request.first_date, request.last_date))
    if request.decided_by:
        line = QCoreApplication.translate(
        "Notifications", "{what} (by {name})").format(
            what=line, name=request.decided_by)
    return title, _line(line)


def _line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LINE else flat[:LINE - 1].rstrip() + "…"


def unread_tooltip(messages: int, news: int) -> str:
    """The tray icon's tooltip: what waits unread (counts only: nothing to hide)."""
    if not messages and not news:
        return QCoreApplication.translate(
        "Notifications", "Ouderportaal: nothing unread")
    parts = []
    if messages:
        parts.append(QCoreApplication.translate(
        "Notifications", "unread messages: {count}").format(count=messages))
    if news:
        parts.append(QCoreApplication.translate(
        "Notifications", "unread news: {count}").format(count=news))
    return QCoreApplication.translate(
        "Notifications", "Ouderportaal: {counts}").format(counts=", ".join(parts))
