"""Notifications (docs/api.md, "Notifications"): each user's preferences, and the mails
about messages that stayed unread."""
