"""The list of accounts the login window offers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cache.accounts import FILE_NAME, KnownAccount, KnownAccounts

SANNE = KnownAccount(
    "a1" * 10,
    "https://zonnebloem.ouderportaal.nl",
    "Sanne de Vries",
    "Kinderopvang Zonnebloem",
)
THOMAS = KnownAccount(
    "b2" * 10,
    "https://zonnebloem.ouderportaal.nl",
    "Thomas de Vries",
    "Kinderopvang Zonnebloem",
)


def test_nothing_is_known_at_first(tmp_path: Path) -> None:
    assert KnownAccounts(tmp_path).list() == []


def test_remembered_accounts_survive_a_restart_newest_first(tmp_path: Path) -> None:
    KnownAccounts(tmp_path).remember(SANNE)
    KnownAccounts(tmp_path).remember(THOMAS)
    assert KnownAccounts(tmp_path).list() == [THOMAS, SANNE]
    assert KnownAccounts(tmp_path).get(SANNE.key) == SANNE


def test_remembering_again_updates_and_moves_to_the_top(tmp_path: Path) -> None:
    accounts = KnownAccounts(tmp_path)
    accounts.remember(SANNE)
    accounts.remember(THOMAS)
    renamed = KnownAccount(SANNE.key, SANNE.base_url, "Sanne van Dijk", SANNE.organisation_name)
    accounts.remember(renamed)
    assert accounts.list() == [renamed, THOMAS]


def test_forget_removes_only_that_account(tmp_path: Path) -> None:
    accounts = KnownAccounts(tmp_path)
    accounts.remember(SANNE)
    accounts.remember(THOMAS)
    accounts.forget(SANNE.key)
    accounts.forget("unknown-key")
    assert accounts.list() == [THOMAS]
    assert accounts.get(SANNE.key) is None


def test_the_file_keeps_only_what_the_account_list_shows(tmp_path: Path) -> None:
    KnownAccounts(tmp_path).remember(SANNE)
    path = tmp_path / FILE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["accounts"] == [
        {
            "key": SANNE.key,
            "base_url": SANNE.base_url,
            "display_name": "Sanne de Vries",
            "organisation_name": "Kinderopvang Zonnebloem",
        }
    ]
    assert "@" not in path.read_text(encoding="utf-8")  # no e-mail address, no token
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]  # no temp files left
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_a_version_1_file_loses_its_e_mail_addresses_when_read(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps({"version": 1, "accounts": [{
        "key": SANNE.key, "base_url": SANNE.base_url, "email": "sanne.devries@voorbeeld.nl",
        "display_name": "Sanne de Vries", "organisation_name": "Kinderopvang Zonnebloem"}]}),
        encoding="utf-8")
    assert KnownAccounts(tmp_path).list() == [SANNE]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    assert "voorbeeld.nl" not in path.read_text(encoding="utf-8")


def test_forget_all_empties_the_list_and_says_what_it_held(tmp_path: Path) -> None:
    accounts = KnownAccounts(tmp_path)
    accounts.remember(SANNE)
    accounts.remember(THOMAS)
    assert accounts.forget_all() == [THOMAS, SANNE]
    assert accounts.list() == [] and not (tmp_path / FILE_NAME).exists()


@pytest.mark.expect_log("desktop.cache.accounts", "WARNING", r"known accounts file unreadable")
def test_an_unreadable_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{half a file", encoding="utf-8")
    accounts = KnownAccounts(tmp_path)
    assert accounts.list() == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith(FILE_NAME + ".unreadable-")]
    assert [p.read_text(encoding="utf-8") for p in aside] == ["{half a file"]
    accounts.remember(SANNE)
    assert accounts.list() == [SANNE]


@pytest.mark.expect_log("desktop.cache.accounts", "WARNING", r"unsupported format version")
def test_a_file_from_a_newer_app_is_kept_aside(tmp_path: Path) -> None:
    newer = json.dumps({"version": 3, "accounts": [], "profiles": {}})
    (tmp_path / FILE_NAME).write_text(newer, encoding="utf-8")
    assert KnownAccounts(tmp_path).list() == []
    assert any(p.read_text(encoding="utf-8") == newer for p in tmp_path.iterdir())
