"""Password policy and hashing parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.auth.passwords import (
    MAX_LENGTH,
    PasswordHasher,
    common_passwords,
    make_argon2,
    password_problem,
)
from server.config import Settings, sqlite_url


@pytest.mark.parametrize(("password", "reason"), [
    ("", "too_short"),
    ("kort", "too_short"),
    ("1234567", "too_short"),
    ("zeven t", "too_short"),
    ("a" * 8 + "b", None),
    ("paard batterij nietje", None),
    ("correct horse", None),
    ("x" * MAX_LENGTH, None),
    ("x" * (MAX_LENGTH + 1), "too_long"),
    ("wachtwoord", "too_common"),
    ("Wachtwoord", "too_common"),
    ("WELKOM01", "too_common"),
    ("welkom123", "too_common"),
    ("password1", "too_common"),
    ("12345678", "too_common"),
    ("qwertyuiop", "too_common"),
    ("zonnebloem", "too_common"),
    ("ouderportaal", "too_common"),
    ("ééééééééé", None),  # any characters count, no composition rules
    ("🙂🙂🙂🙂🙂🙂🙂🙂", None),
])
def test_password_policy(password: str, reason: str | None) -> None:
    assert password_problem(password) == reason


def test_common_password_list_is_substantial_and_usable() -> None:
    words = common_passwords()
    assert len(words) >= 300
    assert all(len(w) >= 8 for w in words)  # shorter ones are refused by length already
    assert {"wachtwoord", "welkom01", "password", "qwerty123"} <= words


def test_production_defaults_meet_the_minimum_argon2_parameters(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path))
    hasher = make_argon2(settings)
    assert hasher.time_cost >= 2
    assert hasher.memory_cost >= 19 * 1024
    assert hasher.parallelism == 1
    assert hasher.hash("x").startswith("$argon2id$")
    assert settings.max_concurrent_hashes >= 1


async def test_hasher_verifies_and_rejects(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url(tmp_path),
                        argon2_time_cost=1, argon2_memory_cost=8)
    hasher = PasswordHasher(settings)
    stored = await hasher.hash("een goed wachtwoord")
    assert stored != "een goed wachtwoord"
    assert await hasher.verify(stored, "een goed wachtwoord")
    assert not await hasher.verify(stored, "een fout wachtwoord")
    assert not await hasher.verify("not a hash", "een goed wachtwoord")
