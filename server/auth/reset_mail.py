"""The password reset mail (activation and "wachtwoord vergeten"): its text, and sending it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape

from server.config import Settings
from server.mail import Mailer

logger = logging.getLogger(__name__)


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
        logger.info("Demo mail folder: reset link %s code %s for %s", mail.link, mail.code,
                    mail.email)
