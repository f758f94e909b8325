"""Profiles and sessions for the model tests (shapes as in docs/api.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.api.account.records import AuthSession
from desktop.api.profile.records import (
    Child,
    Contract,
    Family,
    Group,
    Location,
    PhotoConsent,
    Profile,
    Role,
    User,
)

TODAY = date(2026, 3, 2)
CENTRUM = Location(1, "Zonnebloem Centrum", "Markt 12", "5611 AB", "Eindhoven",
                   "040 - 123 45 67", "centrum@zonnebloem.example", {"KDV": "123456789"})
WEST = Location(2, "Zonnebloem West", "Schoolstraat 3", "5615 CD", "Eindhoven",
                "040 - 765 43 21", "west@zonnebloem.example", {"BSO": "987654321"})
CONSENT = PhotoConsent(portal=True, website=False, social_media=False)


def family_profile() -> Profile:
    return Profile(
        user=User(3, "sanne.devries@voorbeeld.nl", "Sanne de Vries", None, Role.PRIMARY_PARENT),
        family=Family(1, "Familie De Vries", "Sanne de Vries"),
        children=(
            Child(1, "Emma", "de Vries", date(2023, 4, 12), CONSENT,
                  (Contract(1, 2, "KDV", date(2024, 1, 1), None),)),
            Child(2, "Daan", "de Vries", date(2018, 9, 3), CONSENT,
                  (Contract(2, 5, "BSO", date(2022, 8, 29), date(2025, 12, 31)),)),
        ),
        groups=(Group(2, "Zonnetjes", "KDV", 1), Group(5, "Vossen", "BSO", 2)),
        locations=(CENTRUM, WEST),
    )


def staff_profile() -> Profile:
    return Profile(
        user=User(9, "fatima.elamrani@voorbeeld.nl", "Fatima El Amrani", None, Role.STAFF),
        family=None,
        children=(),
        groups=(Group(5, "Vossen", "BSO", 2), Group(2, "Zonnetjes", "KDV", 1)),
        locations=(CENTRUM, WEST),
    )


NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def sessions() -> list[AuthSession]:
    return [
        AuthSession("old", "Werk-pc", datetime(2026, 2, 10, 12, 0, tzinfo=UTC),
                    datetime(2026, 2, 28, 16, 30, tzinfo=UTC), False),
        AuthSession("me", "Laptop thuis", datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
                    datetime(2026, 3, 2, 11, 0, tzinfo=UTC), True),
        AuthSession("phone", "", datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
                    datetime(2026, 3, 1, 20, 0, tzinfo=UTC), False),
    ]
