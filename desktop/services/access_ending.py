"""What the Overzicht says once the family's care has ended (the brief: "Het dagboek en de
foto's zijn nog 8 weken lang beschikbaar. Vergeet deze dus niet te downloaden.").

From the day the last contract ends, two periods run (docs/api.md, "Photos", "Photo period";
"Auth", account expiry): the dagboek and the photos stay for ``diary_retention_weeks`` (8),
the documents — and the account — for ``account_retention_months`` (15), the day the portal
names as ``access_until``. The notice says until when each stays; in the last week before
an end (that end's day included) it reminds again. After the first end only the documents are
left to save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.api.profile.records import Profile

__all__ = ["REMINDER_DAYS", "EndingNotice", "ending_notice", "last_day_of_care"]

#: The reminder starts this many days before an end (a week before, up to the last day).
REMINDER_DAYS = 7


@dataclass(frozen=True)
class EndingNotice:
    """``diary_and_photos_until``: their last day (None: they already ended before today);
    ``documents_until``: the documents' last day; ``reminder``: today is in the last week of
    one of them."""

    diary_and_photos_until: date | None
    documents_until: date
    reminder: bool


def last_day_of_care(profile: Profile) -> date | None:
    """The end of the family's last contract once every contract has an end (the portal's
    rule for ``access_until``), else None."""
    ends = [c.end_date for child in profile.children for c in child.contracts]
    if not ends or any(end is None for end in ends):
        return None
    return max(end for end in ends if end is not None)


def _in_last_week(end: date, today: date) -> bool:
    return end - timedelta(days=REMINDER_DAYS) <= today <= end


def ending_notice(profile: Profile | None, diary_retention_weeks: int,
                  today: date) -> EndingNotice | None:
    """The notice for ``today``; None while care goes on (or for staff)."""
    if profile is None or not profile.user.role.is_parent or profile.access_until is None:
        return None
    ended_on = last_day_of_care(profile)
    if ended_on is None or ended_on > today:
        return None
    photos_until = ended_on + timedelta(weeks=diary_retention_weeks)
    still = photos_until if today <= photos_until else None
    reminder = _in_last_week(profile.access_until, today) or (
        still is not None and _in_last_week(still, today))
    return EndingNotice(still, profile.access_until, reminder)
