"""The unread count after "Nieuws" in the navigation, from the window's start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.views.shared.pages import Navigator, PageContext

if TYPE_CHECKING:
    from desktop.services.news import NewsService

__all__ = ["NewsNotices"]

KEY = "news"


class NewsNotices(QObject):
    def __init__(self, news: NewsService, navigator: Navigator, parent: QObject) -> None:
        super().__init__(parent)
        self._navigator = navigator
        news.unreadChanged.connect(self._unread_changed)
        self._unread_changed(news.unread)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        cls(context.services.news, context.navigator, context.parent)

    def _unread_changed(self, count: int) -> None:
        self._navigator.show_count(KEY, count)
