"""Outgoing mail: SMTP in production, an outbox folder of .eml files in demo mode."""

from __future__ import annotations

import email.policy
import itertools
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape
from pathlib import Path
from typing import Protocol

import aiosmtplib

from server.config import Settings

logger = logging.getLogger(__name__)


class Mailer(Protocol):
    """Sends one message.

    `logs_reset_codes` and `delivers_before_response` are True only for the demo outbox: there
    the code is logged anyway, so answering only after the mail is written costs no privacy
    and lets a reader of the outbox rely on the mail being there once the request returns.
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


class OutboxMailer:
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
    return OutboxMailer(settings.mail_outbox) if settings.mail_outbox else SmtpMailer(settings)


@dataclass(frozen=True)
class ResetMail:
    """What the reset mail must tell the user. Holds secrets: never log it."""

    email: str
    name: str
    link: str
    code: str

    def __repr__(self) -> str:
        return f"ResetMail(email={self.email!r})"


def build_reset_message(settings: Settings, mail: ResetMail) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Stel je wachtwoord in voor het ouderportaal"
    message["From"] = settings.mail_from
    message["To"] = mail.email
    message["Message-ID"] = make_msgid(domain="ouderportaal.nl")
    message.set_content(
        f"Beste {mail.name},\n\n"
        "Je hebt gevraagd om een (nieuw) wachtwoord voor het ouderportaal.\n\n"
        f"Open deze link om je wachtwoord in te stellen:\n{mail.link}\n\n"
        f"Of vul deze code in de app in: {mail.code}\n\n"
        "De link en de code zijn 30 minuten geldig en werken één keer.\n"
        "Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren; er verandert niets.\n"
    )
    message.add_alternative(
        "<!doctype html><html lang=\"nl\"><body style=\"font-family: sans-serif;\">"
        f"<p>Beste {escape(mail.name)},</p>"
        "<p>Je hebt gevraagd om een (nieuw) wachtwoord voor het ouderportaal.</p>"
        f"<p><a href=\"{escape(mail.link)}\">Wachtwoord instellen</a></p>"
        "<p>Of vul deze code in de app in: "
        f"<strong style=\"font-size: 1.3em; letter-spacing: 0.1em;\">{escape(mail.code)}"
        "</strong></p>"
        "<p>De link en de code zijn 30 minuten geldig en werken één keer.<br>"
        "Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren; er verandert niets.</p>"
        "</body></html>",
        subtype="html",
    )
    return message


async def send_reset_mail(mailer: Mailer, settings: Settings, mail: ResetMail) -> None:
    """Send the mail; failures are logged (without the mail's content), not raised, because
    the requester already got the answer that does not depend on delivery."""
    try:
        await mailer.send(build_reset_message(settings, mail))
    except Exception:
        logger.exception("Could not send the password reset mail to %s", mail.email)
        return
    if mailer.logs_reset_codes:
        # Demo mode only: the one place a reset link and code may appear in a log.
        logger.info("Demo outbox: reset link %s code %s for %s", mail.link, mail.code,
                    mail.email)


_CODE_RE = re.compile(r"code in de app in: ([A-Z0-9]{4}-[A-Z0-9]{4})")
_LINK_RE = re.compile(r"(https?://\S+/reset/[A-Za-z0-9_\-]+)")


def _latest_text_to(outbox: Path, email_address: str, wait: float) -> str:
    wanted = email_address.strip().lower()
    # The server sends mail just after answering the request, so a caller that reads the
    # outbox right after its request may briefly have to wait for the file.
    deadline = time.monotonic() + wait
    while True:
        for path in sorted(outbox.glob("*.eml"), reverse=True):
            message = message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if str(message["To"]).strip().lower() == wanted:
                body = message.get_body(preferencelist=("plain",))
                if body is not None:
                    return body.get_content()
        if time.monotonic() >= deadline:
            raise LookupError(f"no mail to {email_address} in {outbox}")
        time.sleep(0.02)


def read_reset_code(outbox: Path, email_address: str, *, wait: float = 5.0) -> str:
    """The code of the newest reset mail to `email_address` in an outbox folder, waiting up
    to `wait` seconds for a first one to arrive."""
    match = _CODE_RE.search(_latest_text_to(outbox, email_address, wait))
    if match is None:
        raise LookupError(f"the newest mail to {email_address} has no reset code")
    return match.group(1)


def read_reset_link(outbox: Path, email_address: str, *, wait: float = 5.0) -> str:
    """The link of the newest reset mail to `email_address` in an outbox folder, waiting up
    to `wait` seconds for a first one to arrive."""
    match = _LINK_RE.search(_latest_text_to(outbox, email_address, wait))
    if match is None:
        raise LookupError(f"the newest mail to {email_address} has no reset link")
    return match.group(1)
