"""Account folder names and the platform folders."""

from __future__ import annotations

import re

from desktop.cache.paths import account_key, default_cache_root, default_data_root


def test_account_key_is_stable_and_filesystem_safe() -> None:
    key = account_key("https://zonnebloem.ouderportaal.nl", "sanne.devries@voorbeeld.nl")
    assert re.fullmatch(r"[0-9a-f]{20}", key)
    assert key == account_key("https://zonnebloem.ouderportaal.nl", "sanne.devries@voorbeeld.nl")


def test_email_case_and_spaces_do_not_make_another_account() -> None:
    base = "https://zonnebloem.ouderportaal.nl"
    assert account_key(base, " Sanne.DeVries@Voorbeeld.nl ") == account_key(
        base, "sanne.devries@voorbeeld.nl"
    )


def test_other_portal_or_person_is_another_account() -> None:
    email = "sanne.devries@voorbeeld.nl"
    keys = {
        account_key("https://zonnebloem.ouderportaal.nl", email),
        account_key("https://korein.ouderportaal.nl", email),
        account_key("https://zonnebloem.ouderportaal.nl", "thomas.devries@voorbeeld.nl"),
    }
    assert len(keys) == 3


def test_key_does_not_reveal_the_email_address() -> None:
    key = account_key("https://zonnebloem.ouderportaal.nl", "sanne.devries@voorbeeld.nl")
    assert "sanne" not in key


def test_platform_folders_are_named_after_the_app() -> None:
    assert default_data_root().name == "Ouderportaal"
    assert default_cache_root().name in ("Ouderportaal", "Cache")  # Windows appends "Cache"
    assert default_data_root() != default_cache_root()
