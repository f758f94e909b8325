"""The "Nieuws" page: the news on the left (unread in bold, after a dot), the chosen item on
the right in a QTextBrowser that shows the portal's small HTML subset, opens links in the
browser and loads nothing from the network by itself. Staff and managers publish with "New
news item" (:mod:`desktop.views.news.publish_dialog`)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models.news import NewsModel
from desktop.models.shared.records import NewsDraft, NewsItem, NewsList
from desktop.views.news.delegate import NewsDelegate
from desktop.views.news.publish_dialog import PublishNewsDialog
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import OPEN_ITEM, Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.news import NewsService

__all__ = ["NewsPage", "NewsReader"]

SOURCE = "news"


class NewsReader(QTextBrowser):
    """Shows one item. Resources (images) are never fetched by Qt from a URL: news pictures
    come through the API (docs/api.md, "News"), so nothing here phones home."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsReader")
        self.setAccessibleName(self.tr("The chosen news item"))
        self.setOpenExternalLinks(True)
        self.setOpenLinks(True)

    def loadResource(self, kind: int, name: QUrl):  # noqa: ANN201 (Qt's signature)
        return None

    def show_item(self, item: NewsItem, meta: str) -> None:
        self.setHtml(f"<h2>{html.escape(item.title)}</h2>"
                     f'<p style="color:#5B6573">{html.escape(meta)}</p>{item.body}')


class NewsPage(QWidget):
    """``publisher``: staff and managers, who get "New news item"."""

    def __init__(self, news: NewsService, parent: QWidget | None = None, *,
                 publisher: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("newsPage")
        self._service = news
        self._bar: MessageBar | None = None
        self._current: int | None = None
        self.publish_dialog: PublishNewsDialog | None = None
        self.model = NewsModel(self)
        title = mark(QLabel(self.tr("News"), self), "heading")
        self.new_button = QPushButton(self.tr("New news item…"), self)
        self.new_button.setObjectName("newNewsItem")
        mark(self.new_button, "primary")
        self.new_button.setVisible(publisher)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        self.list = QListView(self)
        self.list.setObjectName("newsList")
        self.list.setAccessibleName(self.tr("News"))
        self.list.setModel(self.model)
        self.list.setMinimumWidth(280)
        self.list.setItemDelegate(NewsDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.reader = NewsReader(self)
        self.empty = mark(QLabel("", self), "muted")
        self.empty.setObjectName("newsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.list)
        self.left.addWidget(self.empty)
        splitter = QSplitter(self)
        splitter.addWidget(self.left)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        news.newsChanged.connect(self._show)
        news.problem.connect(self._problem)
        news.problemSolved.connect(self._solved)
        news.published.connect(self._published)
        self.new_button.clicked.connect(self.new_item)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self._show(news.news)

    @classmethod
    def from_context(cls, context: PageContext) -> NewsPage:
        account = context.services.session.account
        page = cls(context.services.news, context.parent,
                   publisher=account is not None and not account.role.is_parent)
        page._bar = context.messages
        return page

    def activate(self, intent: Intent | None = None) -> None:
        self._service.refresh()
        if intent is not None and intent.action == OPEN_ITEM:
            self.show_item(intent.item)

    def show_item(self, news_id: object) -> None:
        """Open this news item (a notification was clicked)."""
        row = self.model.row_of(news_id) if isinstance(news_id, int) else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def new_item(self) -> None:
        """Open "New news item" (again, when it is open: it keeps what was typed)."""
        if self.publish_dialog is not None:
            self.publish_dialog.show()
            self.publish_dialog.raise_()
            return
        service = self._service
        dialog = PublishNewsDialog(service.publication_key(), parent=self)
        self.publish_dialog = dialog
        # Bound methods of the dialog: the connections go when it is deleted.
        service.audiencesChanged.connect(dialog.set_audiences)
        service.audiencesFailed.connect(dialog.audiences_failed)
        service.publishRefused.connect(dialog.refused)
        dialog.publishRequested.connect(self._publish)
        dialog.finished.connect(self._dialog_finished)
        service.load_audiences()
        dialog.open()

    def _publish(self, draft: NewsDraft, key: str) -> None:
        self._service.publish(draft, key)

    def _published(self, item: NewsItem) -> None:
        if self.publish_dialog is not None:
            self.publish_dialog.published()
        self.show_item(item.id)

    def _dialog_finished(self, _result: int) -> None:
        if self.publish_dialog is not None:
            self.publish_dialog.deleteLater()
            self.publish_dialog = None

    def _show(self, news: NewsList | None) -> None:
        self.model.set_items(news.items if news else ())
        if news is None:
            self.empty.setText(self.tr("Loading the news…"))
        elif not news.items:
            self.empty.setText(self.tr("There is no news yet."))
        self.left.setCurrentWidget(self.list if news and news.items else self.empty)
        if self._current is not None and (row := self.model.row_of(self._current)) >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        elif self.model.rowCount() and not self.list.currentIndex().isValid():
            self.reader.setHtml("")

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row())
        if item is None:
            return
        if item.id != self._current:
            self._current = item.id
            self.reader.show_item(item, self.model.meta(item))
        self._service.mark_read(item.id)

    def _problem(self, text: str) -> None:
        if self._bar is not None:
            self._bar.show_message(text, source=SOURCE)

    def _solved(self) -> None:
        if self._bar is not None:
            self._bar.clear(SOURCE)
