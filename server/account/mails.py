"""The account's notices by mail: the code for a new login address, the notice to the old
one, and a login from a new device. Plain text (and the same as simple HTML), in Dutch, like
the reset mail (server/auth/reset_mail.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape

from server.config import AMSTERDAM, Settings
from server.mail import Mailer

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """One mail to send after the answer. May hold a code: never log it."""

    to: str
    subject: str
    paragraphs: tuple[str, ...]
    language: str = "nl"

    def __repr__(self) -> str:
        return f"Notice(to={self.to!r}, subject={self.subject!r})"


def _when(moment: datetime) -> str:
    local = moment.astimezone(AMSTERDAM)
    return f"{local.day}-{local.month}-{local.year} om {local:%H:%M}"


def email_code_notice(name: str, new_email: str, code: str) -> Notice:
    return Notice(new_email, "Bevestig je nieuwe e-mailadres voor het ouderportaal", (
        f"Beste {name},",
        "Je wilt voortaan met dit e-mailadres inloggen op het ouderportaal.",
        f"Vul deze code in de app in: {code}",
        "De code is een uur geldig. Pas daarna gaat de wijziging in; tot dan log je in met je "
        "oude adres.",
        "Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren; er verandert niets.",
    ))


def email_change_notice(name: str, old_email: str, new_email: str) -> Notice:
    return Notice(old_email, "Je e-mailadres voor het ouderportaal wordt gewijzigd", (
        f"Beste {name},",
        f"Er is gevraagd om voortaan met {new_email} in te loggen op het ouderportaal in "
        "plaats van met dit adres. Dat gaat pas in als de code wordt ingevuld die we naar het "
        "nieuwe adres hebben gestuurd.",
        "Heb je dit niet zelf gedaan? Wijzig dan meteen je wachtwoord en neem contact op met "
        "de locatie.",
    ))


def email_changed_notice(name: str, old_email: str, new_email: str) -> Notice:
    return Notice(old_email, "Je e-mailadres voor het ouderportaal is gewijzigd", (
        f"Beste {name},",
        f"Je logt voortaan in op het ouderportaal met {new_email}. Dit adres ontvangt geen "
        "mail van het ouderportaal meer.",
        "Heb je dit niet zelf gedaan? Neem dan meteen contact op met de locatie.",
    ))


def new_device_notice(name: str, email: str, device_name: str | None,
                      at: datetime) -> Notice:
    device = device_name or "een onbekend apparaat"
    return Notice(email, "Nieuwe login op je ouderportaal-account", (
        f"Beste {name},",
        f"Op {_when(at)} is er op je account ingelogd vanaf een nieuw apparaat: {device}.",
        "Was jij dat? Dan hoef je niets te doen.",
        "Was jij het niet? Wijzig dan meteen je wachtwoord en log dat apparaat uit onder "
        "Account → Ingelogde apparaten.",
        "Deze meldingen kun je uitzetten onder Account in de app.",
    ))


def build_message(settings: Settings, notice: Notice) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = notice.subject
    message["From"] = settings.mail_from
    message["To"] = notice.to
    message["Message-ID"] = make_msgid(domain="ouderportaal.nl")
    message.set_content("\n\n".join(notice.paragraphs) + "\n")
    message.add_alternative(
        f"<!doctype html><html lang=\"{notice.language}\">"
        "<body style=\"font-family: sans-serif;\">"
        + "".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in notice.paragraphs)
        + "</body></html>",
        subtype="html")
    return message


async def send_notices(mailer: Mailer, settings: Settings, notices: list[Notice]) -> None:
    """Send each; a failure is logged (without the content) and the others still go."""
    for notice in notices:
        try:
            await mailer.send(build_message(settings, notice))
        except Exception:
            logger.exception("Could not send the mail %r to %s", notice.subject, notice.to)
