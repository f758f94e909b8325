"""Outgoing mail: SMTP in production, a mail folder of .eml files in demo mode."""

from __future__ import annotations

import email.policy
import itertools
import logging
import os
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import aiosmtplib

from server.config import Settings

logger = logging.getLogger(__name__)


class Mailer(Protocol):
    """Sends one message.

    `logs_reset_codes` and `delivers_before_response` are True only for the demo mail folder:
    there the code is logged anyway, so answering only after the mail is written costs no
    privacy and lets a reader of the folder rely on the mail being there once the request
    returns.
    """

    logs_reset_codes: bool
    delivers_before_response: bool

    async def send(self, message: EmailMessage) -> None: ...


class SmtpMailer:
    """Delivers through the SMTP server configured in the settings."""

    logs_reset_codes = False
    delivers_before_response = False

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    async def send(self, message: EmailMessage) -> None:
        s = self._settings
        await aiosmtplib.send(
            message, hostname=s.smtp_host, port=s.smtp_port, username=s.smtp_username,
            password=s.smtp_password, use_tls=s.smtp_security == "tls",
            start_tls=True if s.smtp_security == "starttls" else False, timeout=30,
        )


class MailFolderMailer:
    """Writes each message as an RFC 5322 .eml file into a folder (demo mode)."""

    logs_reset_codes = True
    delivers_before_response = True
    _sequence = itertools.count()

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Names sort in sending order, also for several mails within one clock tick.
        name = f"{time.time_ns():020d}-{next(self._sequence):06d}.eml"
        data = message.as_bytes(policy=email.policy.SMTP)
        # Atomic: a reader never sees a half-written mail.
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".eml")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        logger.info("Mail to %s written to %s", message["To"], self.folder / name)


def create_mailer(settings: Settings) -> Mailer:
    return MailFolderMailer(settings.mail_folder) if settings.mail_folder else SmtpMailer(settings)
