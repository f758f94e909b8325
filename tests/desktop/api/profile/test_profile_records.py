"""The records of GET /me: profile, family, children and their contracts, groups, locations."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from desktop.api.profile.records import Profile, Role


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
    assert daan.medication_consent and not emma.medication_consent
    assert emma.contracts[0].end_date is None
    assert daan.contracts[0].end_date == date(2026, 7, 31)
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


def test_location_of_child_prefers_the_current_contract(portal) -> None:
    data = copy.deepcopy(portal.me_json)
    emma = data["children"][0]
    emma["contracts"] = [
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

