"""The sender of unread-message mails: a background task in every server process (the app's
lifespan) unless `Settings.message_mails` is off. Each round (`Settings.message_mail_poll`)
sends what is due (server/notifications/message_mail.py); the processes share the work
through the mails' claim rows, so each mail goes once however many processes run."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.background import BackgroundTask
from server.config import Settings
from server.mail import Mailer
from server.notifications.message_mail import send_due

logger = logging.getLogger(__name__)


class MessageMailSender:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], mailer: Mailer,
                 settings: Settings) -> None:
        self._sessionmaker = sessionmaker
        self._mailer = mailer
        self._settings = settings
        self._background = BackgroundTask()

    def start(self) -> None:
        self._background.start("message-mail-sender", self._run_forever())

    async def stop(self) -> None:
        await self._background.stop()

    async def _run_forever(self) -> None:
        while not self._background.stopping:
            try:
                await send_due(self._sessionmaker, self._mailer, self._settings)
            except Exception:  # the database is away: try again next round
                logger.exception("Sending unread-message mails failed")
            await self._background.pause(self._settings.message_mail_poll.total_seconds())
