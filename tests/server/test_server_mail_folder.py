"""Demo mode: mails go to a mail folder and the reset link and code are logged."""

from __future__ import annotations

import logging
from dataclasses import replace
from email import message_from_bytes
from pathlib import Path

import httpx
import pytest
from mail_folder import read_reset_code, read_reset_link
from server_helpers import CLIENT_IP, SANNE

from server.app import create_app
from server.mail import MailFolderMailer


async def test_mail_folder_mode_writes_eml_files_and_logs_link_and_code(
        settings, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    folder = tmp_path / "mail"
    app = create_app(replace(settings, mail_folder=folder))
    assert isinstance(app.state.mailer, MailFolderMailer)
    caplog.set_level(logging.INFO)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
            first_code = read_reset_code(folder, SANNE, wait=0)  # there once answered
            await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
    files = sorted(folder.iterdir())
    assert [f.suffix for f in files] == [".eml", ".eml"]  # no temporary files left behind
    code, link = read_reset_code(folder, SANNE), read_reset_link(folder, SANNE)
    assert code != first_code  # the newest mail wins
    assert f"reset link {link} code {code}" in caplog.text
    raw = files[-1].read_bytes()
    assert b"\r\n" in raw  # RFC 5322 line endings
    assert message_from_bytes(raw)["To"] == SANNE


def test_reading_a_mail_folder_without_mail_for_the_address_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(LookupError):
        read_reset_code(tmp_path, "nobody@voorbeeld.nl", wait=0)
