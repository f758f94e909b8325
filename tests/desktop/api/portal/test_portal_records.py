"""The portal's own records: what GET /portal says, and the policy values."""

from __future__ import annotations

from desktop.api.portal.records import ClientRelease, Policy, PortalInfo


def test_policy_keeps_unknown_values_and_defaults_missing_ones() -> None:
    policy = Policy.from_json({"inactivity_lock_minutes": 5, "invoice_day": 25})
    assert policy.inactivity_lock_minutes == 5
    assert policy.account_retention_months == 15
    assert policy.other == {"invoice_day": 25}


def test_the_two_factor_policy_is_a_yes_or_no() -> None:
    assert Policy.from_json({}).two_factor_required_for_managers is False
    assert Policy.from_json({"two_factor_required_for_managers": True}) \
        .two_factor_required_for_managers is True
    # Only a JSON true is yes; the value goes back out as it came.
    for value in (False, "true", 1):
        policy = Policy.from_json({"two_factor_required_for_managers": value})
        assert policy.two_factor_required_for_managers is False
    assert Policy.from_json({"two_factor_required_for_managers": True}).to_json()[
        "two_factor_required_for_managers"] is True


def test_portal_info_reads_the_portal_document() -> None:
    info = PortalInfo.from_json(
        {"name": "Kinderopvang Zonnebloem", "short_name": "zonnebloem", "api_version": 1},
        "https://zonnebloem.ouderportaal.nl",
    )
    assert info == PortalInfo(
        "Kinderopvang Zonnebloem", "zonnebloem", "https://zonnebloem.ouderportaal.nl", 1
    )



def test_portal_info_reads_the_newest_client_release() -> None:
    info = PortalInfo.from_json(
        {"name": "Kinderopvang Zonnebloem", "short_name": "zonnebloem", "api_version": 1,
         "client": {"version": "0.4.0", "download_url": "https://zonnebloem.nl/app"}},
        "https://zonnebloem.ouderportaal.nl",
    )
    assert info.client_release == ClientRelease("0.4.0", "https://zonnebloem.nl/app")
