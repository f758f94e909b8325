"""Settings from the environment."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from server.cli import main
from server.config import Settings


def test_defaults_use_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings.from_env({"OUDERPORTAAL_DATA_DIR": str(tmp_path)})
    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'ouderportaal.sqlite3'}"
    assert settings.is_sqlite
    assert settings.mail_folder is None
    assert settings.access_token_ttl == timedelta(minutes=15)
    assert settings.reset_ttl == timedelta(minutes=30)


def test_environment_is_read(tmp_path: Path) -> None:
    settings = Settings.from_env({
        "DATABASE_URL": "postgresql://portal:pw@db.internal:5432/portal",
        "OUDERPORTAAL_PUBLIC_URL": "https://zonnebloem.ouderportaal.nl/",
        "OUDERPORTAAL_SMTP_HOST": "smtp.example.nl",
        "OUDERPORTAAL_SMTP_PORT": "587",
        "OUDERPORTAAL_SMTP_USERNAME": "portal",
        "OUDERPORTAAL_SMTP_PASSWORD": "smtp-secret",
        "OUDERPORTAAL_SMTP_SECURITY": "STARTTLS",
        "OUDERPORTAAL_SMTP_FROM": "Zonnebloem <portaal@zonnebloem.nl>",
        "OUDERPORTAAL_MAIL_FOLDER": str(tmp_path / "mail"),
        "OUDERPORTAAL_ARGON2_MEMORY_COST": "47104",
        "OUDERPORTAAL_CLIENT_VERSION": "0.3.1",
        "OUDERPORTAAL_CLIENT_DOWNLOAD_URL": "https://zonnebloem.nl/app",
    })
    assert settings.database_url == "postgresql+asyncpg://portal:pw@db.internal:5432/portal"
    assert not settings.is_sqlite
    assert settings.public_url == "https://zonnebloem.ouderportaal.nl"
    assert (settings.smtp_host, settings.smtp_port) == ("smtp.example.nl", 587)
    assert settings.smtp_security == "starttls"
    assert settings.smtp_username == "portal" and settings.smtp_password == "smtp-secret"
    assert settings.mail_from == "Zonnebloem <portaal@zonnebloem.nl>"
    assert settings.mail_folder == tmp_path / "mail"
    assert settings.argon2_memory_cost == 47104
    assert (settings.client_version, settings.client_download_url) == (
        "0.3.1", "https://zonnebloem.nl/app")


def test_unknown_smtp_security_is_refused() -> None:
    with pytest.raises(ValueError, match="SMTP_SECURITY"):
        Settings.from_env({"OUDERPORTAAL_SMTP_SECURITY": "ssl3"})


@pytest.mark.parametrize("env", [
    {"OUDERPORTAAL_CLIENT_VERSION": "0.3.1"},
    {"OUDERPORTAAL_CLIENT_DOWNLOAD_URL": "https://zonnebloem.nl/app"},
    {"OUDERPORTAAL_CLIENT_VERSION": "0.3.1",
     "OUDERPORTAAL_CLIENT_DOWNLOAD_URL": "http://zonnebloem.nl/app"},
], ids=["version-only", "address-only", "not-https"])
def test_a_client_release_needs_a_version_and_an_https_address(env: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="CLIENT"):
        Settings.from_env(env)


def test_several_workers_need_postgresql(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUDERPORTAAL_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit, match="PostgreSQL"):
        main(["serve", "--workers", "2"])
