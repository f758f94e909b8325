"""The "Nieuws" page: the news on the left (unread in bold, after a dot), the chosen item on
the right in a QTextBrowser that shows the portal's small HTML subset, opens links in the
browser and loads nothing from the network by itself; an item's picture above its text,
scaled to the pane, and its attachment to open or save below it. Staff and managers publish
with "New news item" (:mod:`desktop.views.news.publish_dialog`)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
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


#: The one resource the reader shows: an item's picture, downloaded through the API (one
#: address per picture: the document keeps what it loaded under its address).
PICTURE_URL = "news-picture:{id}"
#: Room kept free beside the picture (the document's margins and the scroll bar).
_PICTURE_MARGIN = 24


class NewsReader(QTextBrowser):
    """Shows one item. Resources are never fetched by Qt from a URL: the picture comes through
    the API (docs/api.md, "News") and is handed in, so nothing here phones home."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsReader")
        self.setAccessibleName(self.tr("The chosen news item"))
        self.setOpenExternalLinks(True)
        self.setOpenLinks(True)
        self._item: NewsItem | None = None
        self._meta = ""
        self._picture = QImage()
        self._picture_note = ""
        self.shown_width = 0  # the picture's width on screen (0: not shown)

    def loadResource(self, kind: int, name: QUrl):  # noqa: ANN201 (Qt's signature)
        image = self._item.image if self._item is not None else None
        if image is not None and name.toString() == PICTURE_URL.format(id=image.id):
            return self._picture
        return None

    def show_item(self, item: NewsItem, meta: str) -> None:
        self._item, self._meta = item, meta
        self._picture, self._picture_note = QImage(), ""
        self._render()

    def set_picture(self, picture: QImage) -> None:
        self._picture = picture
        self._picture_note = "" if not picture.isNull() else self.tr(
            "The picture could not be shown.")
        self._render()

    def set_picture_note(self, text: str) -> None:
        """Instead of the picture: why it is not there."""
        self._picture_note = text
        self._render()

    def clear_item(self) -> None:
        self._item = None
        self.setHtml("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._item is not None and not self._picture.isNull() \
                and self._fitted_width() != self.shown_width:
            self._render()

    def _fitted_width(self) -> int:
        image = self._item.image if self._item is not None else None
        if image is None or image.width <= 0:
            return 0
        # As wide as the pane allows, and at most two thirds of its height: the text starts
        # on the first screen.
        by_height = self.viewport().height() * 2 // 3 * image.width // max(1, image.height)
        return max(1, min(image.width, self.viewport().width() - _PICTURE_MARGIN, by_height))

    def _render(self) -> None:
        item = self._item
        if item is None:
            return
        parts = [f"<h2>{html.escape(item.title)}</h2>",
                 f'<p style="color:#5B6573">{html.escape(self._meta)}</p>']
        self.shown_width = 0
        if item.image is not None:
            if not self._picture.isNull():
                width = self._fitted_width()
                height = max(1, round(item.image.height * width / max(1, item.image.width)))
                self.shown_width = width
                parts.append(f'<p><img src="{PICTURE_URL.format(id=item.image.id)}" '
                             f'width="{width}" height="{height}" '
                             f'alt="{html.escape(item.image.filename)}"></p>')
            else:
                note = self._picture_note or self.tr("Loading the picture…")
                parts.append(f'<p style="color:#5B6573">{html.escape(note)}</p>')
        scrolled = self.verticalScrollBar().value()
        self.setHtml("".join(parts) + item.body)
        self.verticalScrollBar().setValue(scrolled)


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
        self.attachment_name = mark(QLabel("", self), "muted")
        self.attachment_name.setObjectName("newsAttachmentName")
        self.open_attachment_button = QPushButton(self.tr("Open"), self)
        self.open_attachment_button.setObjectName("openNewsAttachment")
        self.save_attachment_button = QPushButton(self.tr("Save…"), self)
        self.save_attachment_button.setObjectName("saveNewsAttachment")
        self.files_bar = QWidget(self)
        files = QHBoxLayout(self.files_bar)
        files.setContentsMargins(0, 0, 0, 0)
        files.addWidget(self.attachment_name, 1)
        files.addWidget(self.open_attachment_button)
        files.addWidget(self.save_attachment_button)
        self.files_bar.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.reader, 1)
        right_layout.addWidget(self.files_bar)
        # What to do with the attachment once it is downloaded: ("open" | "save", target).
        self._attachment_action: tuple[str, Path | None] | None = None
        self.empty = mark(QLabel("", self), "muted")
        self.empty.setObjectName("newsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.list)
        self.left.addWidget(self.empty)
        splitter = QSplitter(self)
        splitter.addWidget(self.left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        news.newsChanged.connect(self._show)
        news.problem.connect(self._problem)
        news.problemSolved.connect(self._solved)
        news.published.connect(self._published)
        news.fileReady.connect(self._file_ready)
        news.pictureReady.connect(self._picture_ready)
        news.fileFailed.connect(self._file_failed)
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.save_attachment_button.clicked.connect(self._save_attachment)
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
            self._current = None
            self.reader.clear_item()
            self.files_bar.hide()

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row())
        if item is None:
            return
        if item.id != self._current:
            self._current = item.id
            self._attachment_action = None
            self.reader.show_item(item, self.model.meta(item))
            if item.image is not None:
                self._service.fetch_picture(item.image)
            self._show_attachment(item)
        self._service.mark_read(item.id)

    # --- the item's files -------------------------------------------------------------------

    def _current_item(self) -> NewsItem | None:
        row = self.model.row_of(self._current) if self._current is not None else -1
        return self.model.item_at(row) if row >= 0 else None

    def _show_attachment(self, item: NewsItem) -> None:
        file = item.attachment
        self.files_bar.setVisible(file is not None)
        if file is not None:
            size = self.locale().formattedDataSize(file.size, 1,
                                                   QLocale.DataSizeFormat.DataSizeSIFormat)
            self.attachment_name.setText(self.tr("Attachment: {name} ({size})").format(
                name=file.filename, size=size))
            self.open_attachment_button.setAccessibleName(
                self.tr("Open {name}").format(name=file.filename))
            self.save_attachment_button.setAccessibleName(
                self.tr("Save {name}").format(name=file.filename))

    def open_attachment(self) -> None:
        item = self._current_item()
        if item is not None and item.attachment is not None:
            self._attachment_action = ("open", None)
            self._service.fetch_file(item.attachment)

    def _save_attachment(self) -> None:
        item = self._current_item()
        if item is None or item.attachment is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save attachment"), str(Path.home() / item.attachment.filename))
        if name:
            self.save_attachment_to(Path(name))

    def save_attachment_to(self, target: Path) -> None:
        """Save the current item's attachment as ``target`` (once it is downloaded)."""
        item = self._current_item()
        if item is not None and item.attachment is not None:
            self._attachment_action = ("save", target)
            self._service.fetch_file(item.attachment)

    def _picture_ready(self, file_id: int, picture: QImage) -> None:
        item = self._current_item()
        if item is not None and item.image is not None and item.image.id == file_id:
            self.reader.set_picture(picture)

    def _file_ready(self, file_id: int, path: str) -> None:
        item = self._current_item()
        if item is not None and item.attachment is not None and item.attachment.id == file_id \
                and self._attachment_action is not None:
            action, target = self._attachment_action
            self._attachment_action = None
            if action == "open":
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))
            elif target is not None and (problem := self._service.save_file(Path(path),
                                                                              target)):
                self._problem(problem)

    def _file_failed(self, file_id: int, text: str) -> None:
        item = self._current_item()
        if item is None:
            return
        if item.image is not None and item.image.id == file_id:
            self.reader.set_picture_note(
                self.tr("The picture could not be loaded: {reason}").format(reason=text))
        if item.attachment is not None and item.attachment.id == file_id:
            self._attachment_action = None
            self._problem(text)

    def _problem(self, text: str) -> None:
        if self._bar is not None:
            self._bar.show_message(text, source=SOURCE)

    def _solved(self) -> None:
        if self._bar is not None:
            self._bar.clear(SOURCE)
