"""The typed records read exactly what docs/api.md describes."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.api.records import (
    Policy,
    PortalInfo,
    Profile,
    Role,
    SessionInfo,
    Tokens,
)


def test_profile_reads_the_me_document(portal) -> None:
    profile = Profile.from_json(portal.me_json)

    assert profile.user.name == "Sanne de Vries"
    assert profile.user.role is Role.PRIMARY_PARENT
    assert profile.user.role.is_parent
    assert profile.family.primary_parent_name == "Sanne de Vries"
    emma, daan = profile.children
    assert emma.full_name == "Emma de Vries"
    assert emma.date_of_birth == date(2023, 4, 12)
    assert emma.photo_consent.portal and not emma.photo_consent.website
    assert emma.placements[0].end_date is None
    assert daan.placements[0].end_date == date(2026, 7, 31)
    assert profile.location(2).lrk_numbers == {"BSO": "987654321"}
    assert profile.access_until is None


def test_profile_round_trips_through_json(portal) -> None:
    profile = Profile.from_json(portal.me_json)
    assert profile.to_json() == portal.me_json
    assert Profile.from_json(profile.to_json()) == profile


def test_profile_helpers_find_groups_and_locations(portal) -> None:
    profile = Profile.from_json(portal.me_json)
    emma, daan = profile.children
    assert profile.group(2).name == "Zonnetjes"
    assert profile.group(99) is None
    assert profile.location(99) is None
    assert profile.location_of_child(emma).name == "Zonnebloem Centrum"
    assert profile.location_of_child(daan, on=date(2026, 1, 5)).name == "Zonnebloem Woensel"


def test_location_of_child_prefers_the_current_placement(portal) -> None:
    data = copy.deepcopy(portal.me_json)
    emma = data["children"][0]
    emma["placements"] = [
        {
            "id": 1,
            "group_id": 2,
            "care_type": "KDV",
            "start_date": "2024-01-01",
            "end_date": "2025-12-31",
        },
        {"id": 9, "group_id": 5, "care_type": "BSO", "start_date": "2026-01-01", "end_date": None},
    ]
    child = Profile.from_json(data).children[0]
    profile = Profile.from_json(data)
    assert profile.location_of_child(child, on=date(2025, 6, 1)).name == "Zonnebloem Centrum"
    assert profile.location_of_child(child, on=date(2026, 6, 1)).name == "Zonnebloem Woensel"


def test_staff_profile_has_no_family(portal) -> None:
    data = {
        "user": {
            "id": 9,
            "email": "fatima.elamrani@voorbeeld.nl",
            "name": "Fatima El Amrani",
            "phone": None,
            "role": "staff",
        },
        "family": None,
        "children": [],
        "groups": portal.me_json["groups"][:1],
        "locations": portal.me_json["locations"][:1],
        "access_until": None,
    }
    profile = Profile.from_json(data)
    assert profile.family is None
    assert profile.children == ()
    assert profile.user.role is Role.STAFF
    assert not profile.user.role.is_parent
    assert profile.user.phone is None


def test_access_until_is_a_date(portal) -> None:
    data = dict(portal.me_json, access_until="2027-04-30")
    assert Profile.from_json(data).access_until == date(2027, 4, 30)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["user"].update(role="headmaster"),
        lambda d: d["user"].update(id="3"),
        lambda d: d["children"][0].update(date_of_birth="12-04-2023"),
        lambda d: d.pop("user"),
    ],
    ids=["unknown-role", "string-id", "dutch-date", "no-user"],
)
def test_malformed_profiles_are_refused(portal, damage) -> None:
    data = copy.deepcopy(portal.me_json)
    damage(data)
    with pytest.raises((ValueError, KeyError, TypeError)):
        Profile.from_json(data)


def test_tokens_expire_after_expires_in() -> None:
    issued = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    tokens = Tokens.from_json(
        {"access_token": "a", "refresh_token": "r", "expires_in": 900, "session_id": 12}, issued
    )
    assert tokens.expires_at == issued + timedelta(minutes=15)
    assert tokens.session_id == "12"


def test_session_info_timestamps_are_aware() -> None:
    info = SessionInfo.from_json(
        {
            "id": 4,
            "device_name": "Werk-pc",
            "created_at": "2026-03-01T08:00:00+01:00",
            "last_used_at": "2026-03-02T10:00:00+01:00",
            "current": False,
        }
    )
    assert info.id == "4"
    assert info.last_used_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_policy_keeps_unknown_values_and_defaults_missing_ones() -> None:
    policy = Policy.from_json({"inactivity_lock_minutes": 5, "invoice_day": 25})
    assert policy.inactivity_lock_minutes == 5
    assert policy.account_retention_months == 15
    assert policy.other == {"invoice_day": 25}


def test_portal_info_reads_the_portal_document() -> None:
    info = PortalInfo.from_json(
        {"name": "Kinderopvang Zonnebloem", "short_name": "zonnebloem", "api_version": 1},
        "https://zonnebloem.ouderportaal.nl",
    )
    assert info == PortalInfo(
        "Kinderopvang Zonnebloem", "zonnebloem", "https://zonnebloem.ouderportaal.nl", 1
    )
