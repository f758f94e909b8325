"""A fake NewsService for the views (for ``view_fakes.fake_services``)."""

from __future__ import annotations

from recording_fakes import signals_of

from desktop.api.news.records import NewsList
from desktop.services.news import NewsService

__all__ = ["FakeNews"]


class FakeNews(signals_of(NewsService)):
    def __init__(self, news: NewsList | None = None) -> None:
        super().__init__()
        self.news = news
        self.calls: list[tuple] = []

    @property
    def unread(self) -> int:
        return 0 if self.news is None else self.news.unread

    def set_news(self, news: NewsList) -> None:
        self.news = news
        self.newsChanged.emit(news)
        self.unreadChanged.emit(news.unread)

    def refresh(self) -> None:
        self.calls.append(("refresh",))

    def mark_read(self, news_id: int) -> None:
        self.calls.append(("read", news_id))

    @staticmethod
    def publication_key() -> str:
        return "key-1"

    def load_audiences(self) -> None:
        self.calls.append(("audiences",))

    def publish(self, draft, key: str) -> None:  # noqa: ANN001 (NewsDraft)
        self.calls.append(("publish", draft, key))

    def fetch_file(self, file) -> None:  # noqa: ANN001 (Attachment)
        self.calls.append(("fetch", file))

    def fetch_picture(self, picture) -> None:  # noqa: ANN001 (NewsImage)
        self.calls.append(("fetch", picture))

    def save_file(self, source, target) -> str | None:  # noqa: ANN001 (paths)
        self.calls.append(("save", source, target))
        return None
