"""What the tray notifier asks before the portal answered: NotificationPreferencesService's
defaults (the saving and loading against the real portal: tests/e2e/test_notifications_e2e.py)."""

from __future__ import annotations

from desktop.api.account.records import NotificationPreferences
from desktop.services.notification_preferences import CATEGORIES, NotificationPreferencesService


def test_until_the_portal_answered_every_category_is_on_and_nothing_else(session, run) -> None:
    service = NotificationPreferencesService(session)
    try:
        assert CATEGORIES == ("messages", "news", "decisions", "diary", "photos")
        assert all(service.enabled(c) for c in CATEGORIES)
        assert not service.enabled("berichten")
    finally:
        run(service.aclose())


def test_the_records_keep_only_the_categories_the_app_knows() -> None:
    chosen = NotificationPreferences.from_json({
        "desktop": {"messages": True, "news": False, "agenda": True},
        "email_unread_messages": True, "email_include_text": False})
    assert chosen.desktop == {"messages": True, "news": False}
    assert chosen.to_json() == {"desktop": {"messages": True, "news": False},
                                "email_unread_messages": True, "email_include_text": False}
