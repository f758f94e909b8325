"""News: what the portal publishes for this account's organisation, locations and groups,
fetched when the session starts and every few minutes while logged in, and marked read when
it is opened."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.news.records import NewsList
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["POLL_MS", "NewsService"]

#: How often the news is fetched again while logged in.
POLL_MS = 5 * 60 * 1000


class NewsService(QObject):
    """Signals: ``newsChanged(NewsList)``; ``unreadChanged(int)``; ``newsArrived(NewsItem)``
    for an unread item that was not there at the previous fetch; ``problem(message)`` /
    ``problemSolved()``."""

    newsChanged = Signal(object)
    unreadChanged = Signal(int)
    newsArrived = Signal(object)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, *, poll_ms: int = POLL_MS,
                 on_crash: CrashHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._news: NewsList | None = None
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def news(self) -> NewsList | None:
        return self._news

    @property
    def unread(self) -> int:
        return 0 if self._news is None else self._news.unread

    def set_poll_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def refresh(self) -> None:
        if self._session.account is not None:
            self._tasks.run("news", self._refresh(), self._failed)

    def live_event(self, kind: str, _data: dict) -> None:
        """An event of the portal's stream (:class:`desktop.services.live.LiveUpdates`)."""
        if kind in ("news", "resync"):
            self.refresh()

    def mark_read(self, news_id: int) -> None:
        item = next((n for n in self._news.items if n.id == news_id), None) if self._news \
            else None
        if item is not None and not item.read:
            self._tasks.run(f"read-{news_id}", self._mark_read(news_id), self._failed)

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()

    async def _refresh(self) -> None:
        news = await self._session.request(lambda client: client.news.list())
        known = None if self._news is None else {n.id for n in self._news.items}
        self._set(news)
        if known is not None:
            for item in news.items:
                if item.id not in known and not item.read:
                    self.newsArrived.emit(item)

    async def _mark_read(self, news_id: int) -> None:
        updated = await self._session.request(lambda client: client.news.mark_read(news_id))
        if self._news is not None:
            was = next((n for n in self._news.items if n.id == news_id), None)
            items = tuple(updated if n.id == news_id else n for n in self._news.items)
            unread = self._news.unread - (1 if was is not None and not was.read else 0)
            self._set(NewsList(items, max(0, unread)))

    def _set(self, news: NewsList) -> None:
        self._news = news
        self.newsChanged.emit(news)
        self.unreadChanged.emit(news.unread)
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    def _failed(self, error: PortalError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        self._failing = True
        self.problem.emit(user_message(error))

    def _logged_in(self, _account: object) -> None:
        self.refresh()
        self._timer.start()

    def _logged_out(self, *_args: object) -> None:
        self._timer.stop()
        self._tasks.cancel_all()
        self._news = None
        self._failing = False
        self.unreadChanged.emit(0)
