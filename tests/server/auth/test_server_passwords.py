"""Password policy (common passwords, e-mail, organisation, whitespace, NFC) and hashing."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from server.auth.password_policy import (
    MAX_LENGTH,
    Account,
    common_passwords,
    password_problem,
    strength,
)
from server.auth.passwords import PasswordHasher, make_argon2
from server.config import Settings, sqlite_url

SANNE = Account(email="sanne.devries@voorbeeld.nl",
                organisation_names=("Kinderopvang Zonnebloem", "zonnebloem"))


@pytest.mark.parametrize(("password", "reason"), [
    ("", "too_short"),
    ("kort", "too_short"),
    ("1234567", "too_short"),
    ("zeven t", "too_short"),
    ("paard batterij nietje", None),
    ("correct horse", None),
    ("Kx" * (MAX_LENGTH // 2), None),
    ("Kx" * (MAX_LENGTH // 2) + "q", "too_long"),
    ("ééééééééé1x", None),  # any characters count, no composition rules
    ("🙂🐢🙂🌻🙂🐢🙂🌻", None),
    # zxcvbn's list of breach-corpus passwords, the 10,000 most common and beyond
    ("password1", "too_common"),
    ("12345678", "too_common"),
    ("qwertyuiop", "too_common"),
    ("sunshine", "too_common"),
    ("trustno1", "too_common"),
    ("Superman", "too_common"),
    # Dutch favourites, case-insensitively and with digits or symbols on the end
    ("wachtwoord", "too_common"),
    ("Wachtwoord", "too_common"),
    ("WELKOM01", "too_common"),
    ("welkom2025!", "too_common"),
    ("Voetbal12", "too_common"),
    ("september", "too_common"),
    ("Oktober2026", "too_common"),
    ("ouderportaal", "too_common"),
    # guessed at once although on no list (zxcvbn's score 0)
    ("aaaaaaaaa", "too_common"),
    ("12341234", "too_common"),
    ("aaaaaaaab", None),  # just past it: guessing takes more than a thousand tries
    ("x" * MAX_LENGTH, "too_common"),
    ("only whitespace is refused as such: " + " " * 8, None),
    (" " * 8, "only_whitespace"),
    ("\t \u3000 \n    ", "only_whitespace"),
])
def test_password_policy(password: str, reason: str | None) -> None:
    assert password_problem(password) == reason


@pytest.mark.parametrize(("password", "reason"), [
    ("zonnebloem", "too_common"),
    ("Zonnebloem2026", "too_common"),
    ("zonne bloem", "too_common"),
    ("de zonnebloem bloeit", None),  # the name inside a longer password is fine
    ("Kinderopvang Zonnebloem", "too_common"),
    ("kinderopvangzonnebloem!", "too_common"),
    ("sanne.devries@voorbeeld.nl", "like_email"),
    ("Sanne.DeVries", "like_email"),
    ("sanne.devries1", "like_email"),
    ("sanne de vries woont hier", None),
])
def test_the_account_and_its_organisation(password: str, reason: str | None) -> None:
    assert password_problem(password, SANNE) == reason


def test_another_organisation_may_use_that_name() -> None:
    assert password_problem("zonnebloem", Account(organisation_names=("De Boomhut",))) is None


def test_each_word_of_the_organisations_name_is_refused_on_its_own() -> None:
    boomhut = Account(organisation_names=("Kinderopvang De Boomhut",))
    assert password_problem("Boomhut!2026", boomhut) == "too_common"
    assert password_problem("Boomhut!2026", Account()) is None  # only for that organisation


def test_common_password_list_is_zxcvbns_and_the_dutch_one() -> None:
    words = common_passwords()
    assert len(words) >= 10_000
    assert {"123456", "password", "iloveyou", "dragon"} <= words  # zxcvbn's most common
    assert {"welkom", "wachtwoord", "voetbal", "januari", "december", "maandag"} <= words
    assert "zonnebloem" not in words  # an organisation's name comes from its own data


def test_length_counts_characters_after_nfc() -> None:
    # Seven letters é typed as e + combining accent are 14 code points but 7 characters.
    nfd = unicodedata.normalize("NFD", "ééééééé")
    assert len(nfd) == 14
    assert password_problem(nfd) == "too_short"


def test_strength_estimate_grows_with_the_password() -> None:
    assert strength("welkom01") <= 1
    assert strength("paard batterij nietje") == 4
    assert strength("sanne.devries2", SANNE) < strength("sanne.devries2")


def test_production_defaults_meet_the_minimum_argon2_parameters(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path))
    hasher = make_argon2(settings)
    assert hasher.time_cost >= 2
    assert hasher.memory_cost >= 19 * 1024
    assert hasher.parallelism == 1
    assert hasher.hash("x").startswith("$argon2id$")
    assert settings.max_concurrent_hashes >= 1


def cheap_hasher(tmp_path: Path) -> PasswordHasher:
    return PasswordHasher(Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path),
                                   argon2_time_cost=1, argon2_memory_cost=8))


async def test_hasher_verifies_and_rejects(tmp_path: Path) -> None:
    hasher = cheap_hasher(tmp_path)
    stored = await hasher.hash("een goed wachtwoord")
    assert stored != "een goed wachtwoord"
    assert await hasher.verify(stored, "een goed wachtwoord")
    assert not await hasher.verify(stored, "een fout wachtwoord")
    assert not await hasher.verify("not a hash", "een goed wachtwoord")


async def test_a_password_typed_in_nfd_matches_its_nfc_form(tmp_path: Path) -> None:
    hasher = cheap_hasher(tmp_path)
    nfc, nfd = "crème brûlée", unicodedata.normalize("NFD", "crème brûlée")
    assert nfc != nfd
    stored = await hasher.hash(nfc)
    assert await hasher.verify(stored, nfd)
    assert await hasher.verify(await hasher.hash(nfd), nfc)
    assert not hasher.needs_rehash(stored, nfc)


async def test_a_hash_of_an_unnormalised_password_still_matches_and_is_renewed(
        tmp_path: Path) -> None:
    hasher = cheap_hasher(tmp_path)
    nfd = unicodedata.normalize("NFD", "crème brûlée")
    legacy = make_argon2(Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path),
                                  argon2_time_cost=1, argon2_memory_cost=8)).hash(nfd)
    assert await hasher.verify(legacy, nfd)  # hashed as typed, before normalisation
    assert hasher.needs_rehash(legacy, nfd)


async def test_a_lone_surrogate_is_a_wrong_password_not_a_crash(tmp_path: Path) -> None:
    hasher = cheap_hasher(tmp_path)
    stored = await hasher.hash("een goed wachtwoord")
    assert not await hasher.verify(stored, "een goed \ud800 wachtwoord")
