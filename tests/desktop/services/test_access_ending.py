"""The Overzicht's notice after care ended, on the days around its edges (an injected day,
never the calendar): nothing the day before the last contract ends; from that day the dagboek
and photos (8 weeks) and the documents (until `access_until`) with their dates; the reminder
from a week before each end up to its last day; the day after the photo period only the
documents are left."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.api.profile.records import (
    Child,
    Contract,
    Family,
    PhotoConsent,
    Profile,
    Role,
    User,
)
from desktop.services.access_ending import EndingNotice, ending_notice

ENDED = date(2026, 10, 30)  # the last contract's end
PHOTOS_UNTIL = ENDED + timedelta(weeks=8)  # 2026-12-25
DOCUMENTS_UNTIL = date(2028, 1, 30)  # 15 months after, as the portal says


CONSENT = PhotoConsent(portal=True, website=False, social_media=False)


def ended() -> Profile:
    """Two children: Daan's contract ended earlier, Emma's last, on ENDED."""
    return Profile(
        user=User(3, "sanne.devries@voorbeeld.nl", "Sanne de Vries", None, Role.PRIMARY_PARENT),
        family=Family(1, "Familie De Vries", "Sanne de Vries"),
        children=(Child(1, "Emma", "de Vries", date(2023, 4, 12), CONSENT,
                        (Contract(1, 2, "KDV", date(2024, 1, 1), ENDED),)),
                  Child(2, "Daan", "de Vries", date(2018, 9, 3), CONSENT,
                        (Contract(2, 5, "BSO", date(2022, 8, 29),
                                  ENDED - timedelta(days=90)),))),
        groups=(), locations=(), access_until=DOCUMENTS_UNTIL)


@pytest.mark.parametrize(("today", "expected"), [
    (ENDED - timedelta(days=1), None),
    (ENDED, EndingNotice(PHOTOS_UNTIL, DOCUMENTS_UNTIL, reminder=False)),
    (PHOTOS_UNTIL - timedelta(days=8), EndingNotice(PHOTOS_UNTIL, DOCUMENTS_UNTIL, False)),
    (PHOTOS_UNTIL - timedelta(days=7), EndingNotice(PHOTOS_UNTIL, DOCUMENTS_UNTIL, True)),
    (PHOTOS_UNTIL, EndingNotice(PHOTOS_UNTIL, DOCUMENTS_UNTIL, True)),
    (PHOTOS_UNTIL + timedelta(days=1), EndingNotice(None, DOCUMENTS_UNTIL, False)),
    (DOCUMENTS_UNTIL - timedelta(days=8), EndingNotice(None, DOCUMENTS_UNTIL, False)),
    (DOCUMENTS_UNTIL - timedelta(days=7), EndingNotice(None, DOCUMENTS_UNTIL, True)),
    (DOCUMENTS_UNTIL, EndingNotice(None, DOCUMENTS_UNTIL, True)),
], ids=["day-before-end", "end-day", "8-days-before-photos-end", "week-before-photos-end",
        "photos-last-day", "day-after-photos", "8-days-before-documents-end",
        "week-before-documents-end", "documents-last-day"])
def test_the_notice_on_the_days_around_its_edges(today: date, expected) -> None:
    assert ending_notice(ended(), 8, today) == expected


def test_the_period_follows_the_policy() -> None:
    notice = ending_notice(ended(), 2, ENDED)
    assert notice is not None and notice.diary_and_photos_until == ENDED + timedelta(weeks=2)


def test_no_notice_while_a_contract_runs_on_or_has_no_end() -> None:
    profile = ended()
    open_ended = replace(profile.children[1], contracts=(
        Contract(9, 5, "BSO", date(2022, 8, 29), None),))
    still = replace(profile, children=(profile.children[0], open_ended))
    assert ending_notice(still, 8, PHOTOS_UNTIL) is None
    assert ending_notice(replace(profile, access_until=None), 8, ENDED) is None
    assert ending_notice(None, 8, ENDED) is None
