"""News: what the portal publishes for this account's organisation, locations and groups,
fetched when the session starts and every few minutes while logged in, and marked read when
it is opened; staff and managers publish (for the audiences the portal offers them)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.core.errors import PortalError, ProblemResponse, SessionExpired
from desktop.api.core.transport import new_idempotency_key
from desktop.api.news.records import NewsDraft, NewsList
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["POLL_MS", "NewsService"]

#: How often the news is fetched again while logged in.
POLL_MS = 5 * 60 * 1000


class NewsService(QObject):
    """Signals: ``newsChanged(NewsList)``; ``unreadChanged(int)``; ``newsArrived(NewsItem)``
    for an unread item that was not there at the previous fetch; ``problem(message)`` /
    ``problemSolved()``. Publishing: ``audiencesChanged(PublishAudiences)`` /
    ``audiencesFailed(message)``; ``published(NewsItem)``, then the item is in the list;
    ``publishRefused(message, {field: message})`` — the portal's field errors, or none when it
    could not be reached."""

    newsChanged = Signal(object)
    unreadChanged = Signal(int)
    newsArrived = Signal(object)
    problem = Signal(str)
    problemSolved = Signal()
    audiencesChanged = Signal(object)
    audiencesFailed = Signal(str)
    published = Signal(object)
    publishRefused = Signal(str, dict)

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

    @staticmethod
    def publication_key() -> str:
        """A new idempotency key: one per item being written (the dialog keeps it)."""
        return new_idempotency_key()

    def load_audiences(self) -> None:
        """Fetch what this user may publish for (``audiencesChanged``)."""
        self._tasks.run("audiences", self._audiences(), self._audiences_failed)

    def publish(self, draft: NewsDraft, idempotency_key: str) -> None:
        """Publish ``draft`` under ``idempotency_key`` (the same for every try of one item:
        after a lost answer the portal keeps it once)."""
        self._tasks.run("publish", self._publish(draft, idempotency_key), self._refused)

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

    async def _audiences(self) -> None:
        audiences = await self._session.request(lambda client: client.news.audiences())
        self.audiencesChanged.emit(audiences)

    async def _publish(self, draft: NewsDraft, idempotency_key: str) -> None:
        item = await self._session.request(
            lambda client: client.news.publish(draft, idempotency_key))
        if self._news is not None:  # one's own item is read and never notified
            items = sorted((*(n for n in self._news.items if n.id != item.id), item),
                           key=lambda n: (n.published_at, n.id), reverse=True)
            self._set(NewsList(tuple(items), self._news.unread))
        self.published.emit(item)

    def _audiences_failed(self, error: PortalError) -> None:
        if self._session.account is not None and not isinstance(error, SessionExpired):
            self.audiencesFailed.emit(user_message(error))

    def _refused(self, error: PortalError) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        fields: dict[str, str] = {}
        if isinstance(error, ProblemResponse) and error.code == "validation_error":
            for entry in error.extra.get("errors") or ():
                if isinstance(entry, dict) and isinstance(entry.get("field"), str):
                    fields.setdefault(entry["field"].split(".")[0], str(entry.get("message")))
        self.publishRefused.emit(user_message(error), fields)

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
