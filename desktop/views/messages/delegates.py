"""Painting the inbox rows and the thread's messages.

A message's text is plain text: it is escaped, and only web and mail addresses become links
(the app makes them clickable; the portal never sends markup). Each message is laid out once
per width in a QTextDocument kept by the delegate, so scrolling a long thread lays out only
the rows that come into view."""

from __future__ import annotations

import html
import re
from collections import OrderedDict

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QDesktopServices,
    QFont,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.models.messages.conversations import ConversationsModel
from desktop.models.messages.thread import RowKind, ThreadModel

__all__ = ["ConversationDelegate", "ThreadDelegate", "linked_html"]

_LINK = re.compile(r"(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]|[\w.+-]+@[\w-]+\.[\w.-]*\w)")
_ACCENT = QColor("#2F7D6B")
_MUTED = QColor("#5B6573")
_OWN = QColor("#DCEFEA")
_THEIRS = QColor("#F1F3F6")
_PAD = 8
_CACHE = 400


def linked_html(text: str) -> str:
    """Plain ``text`` as HTML: escaped, line breaks kept, web and mail addresses as links."""
    parts = []
    last = 0
    for match in _LINK.finditer(text):
        parts.append(html.escape(text[last:match.start()]))
        target = match.group(0)
        href = target if target.startswith("http") else f"mailto:{target}"
        parts.append(f'<a href="{html.escape(href)}">{html.escape(target)}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts).replace("\n", "<br>")


class ConversationDelegate(QStyledItemDelegate):
    """Subject (bold while unread), time, child and group, the last line, an unread badge."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 3 * line + 3 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        role = ConversationsModel.Role
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        rect = option.rect.adjusted(_PAD, _PAD // 2 + 2, -_PAD, -_PAD // 2)
        line = option.fontMetrics.height()
        unread = int(index.data(role.Unread) or 0)
        when = str(index.data(role.When) or "")
        bold = QFont(option.font)
        bold.setBold(unread > 0)
        badge = str(unread) if unread else ""
        painter.setFont(option.font)
        time_width = option.fontMetrics.horizontalAdvance(when) + _PAD
        painter.setPen(_MUTED)
        painter.drawText(QRect(rect.right() - time_width, rect.top(), time_width, line),
                         Qt.AlignmentFlag.AlignRight, when)
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        subject = painter.fontMetrics().elidedText(str(index.data(role.Subject) or ""),
                                                   Qt.TextElideMode.ElideRight,
                                                   rect.width() - time_width)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width() - time_width, line),
                         Qt.AlignmentFlag.AlignLeft, subject)
        painter.setFont(option.font)
        painter.setPen(_MUTED)
        about = str(index.data(role.About) or "")
        painter.drawText(QRect(rect.left(), rect.top() + line + 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, option.fontMetrics.elidedText(
                             about, Qt.TextElideMode.ElideRight, rect.width()))
        badge_width = 0
        if badge:
            badge_width = max(line, option.fontMetrics.horizontalAdvance(badge) + _PAD)
            box = QRectF(rect.right() - badge_width, rect.top() + 2 * line + 4, badge_width,
                         line)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(_ACCENT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, line / 2, line / 2)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
            painter.setPen(_MUTED)
        preview = str(index.data(role.Preview) or "")
        painter.drawText(QRect(rect.left(), rect.top() + 2 * line + 4,
                               rect.width() - badge_width - _PAD, line),
                         Qt.AlignmentFlag.AlignLeft, option.fontMetrics.elidedText(
                             preview, Qt.TextElideMode.ElideRight,
                             rect.width() - badge_width - _PAD))
        painter.restore()


class ThreadDelegate(QStyledItemDelegate):
    """Day separators and message bubbles, links clickable. The reader's side of the
    conversation (a parent: the family, either parent; staff: the team) is on the right, the
    other side on the left; every bubble names who wrote it."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._documents: OrderedDict[tuple[object, int], QTextDocument] = OrderedDict()
        # Every row's height, kept apart from the (bounded) layouts: the view asks for the
        # height of every row it shows at each layout, thousands in a long thread.
        self._sizes: dict[tuple[object, int, bool], QSize] = {}

    def forget(self) -> None:
        """Another thread: lay every message out again."""
        self._documents.clear()
        self._sizes.clear()

    def _bubble_width(self) -> int:
        return max(160, int(self._view.viewport().width() * 0.72))

    def _document(self, index: QModelIndex, font: QFont) -> QTextDocument:
        width = self._bubble_width() - 2 * _PAD
        key = (index.data(ThreadModel.Role.RowKey), width)
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)  # the least recently used go first
        else:
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            document.setDefaultStyleSheet(f"a {{ color: {_ACCENT.name()}; }}")
            text = str(index.data(ThreadModel.Role.Body) or "")
            files = index.data(ThreadModel.Role.Attachments) or ()
            extra = "".join(f"<br>📎 {html.escape(f.filename)}" for f in files)
            document.setHtml(linked_html(text) + extra)
            document.setTextWidth(width)
            self._documents[key] = document
            if len(self._documents) > _CACHE:
                self._documents.popitem(last=False)
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        model = index.model()
        found = model.size_key(index.row()) if isinstance(model, ThreadModel) else None
        if found is None:
            return QSize(200, option.fontMetrics.height() + 2 * _PAD)  # a day separator
        row_key, status = found
        width = self._bubble_width()
        key = (row_key, width, status)
        size = self._sizes.get(key)
        if size is None:
            line = option.fontMetrics.height()
            document = self._document(index, option.font)
            height = int(document.size().height()) + (1 + status) * line + 4 * _PAD
            size = self._sizes[key] = QSize(width, height)
        return size

    def bubble(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        """Where the row's bubble is drawn: at the right for the reader's side."""
        width = self._bubble_width()
        rect = option.rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2)
        if index.data(ThreadModel.Role.OwnSide):
            return QRect(rect.right() - width, rect.top(), width, rect.height())
        return QRect(rect.left(), rect.top(), width, rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        line = option.fontMetrics.height()
        if index.data(ThreadModel.Role.Kind) == RowKind.DAY:
            painter.setPen(_MUTED)
            painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
            painter.restore()
            return
        bubble = self.bubble(option, index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_ACCENT if option.state & QStyle.StateFlag.State_Selected
                       else Qt.PenStyle.NoPen)
        painter.setBrush(_OWN if index.data(ThreadModel.Role.OwnSide) else _THEIRS)
        painter.drawRoundedRect(QRectF(bubble), 8, 8)
        inner = bubble.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        header = f"{index.data(ThreadModel.Role.Author)}  {index.data(ThreadModel.Role.Time)}"
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, header.strip())
        document = self._document(index, option.font)
        painter.translate(inner.left(), inner.top() + line + _PAD // 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.translate(-inner.left(), -(inner.top() + line + _PAD // 2))
        status = str(index.data(ThreadModel.Role.Status) or "")
        if status:
            painter.setFont(option.font)
            painter.setPen(_MUTED)
            painter.drawText(QRect(inner.left(), inner.bottom() - line, inner.width(), line),
                             Qt.AlignmentFlag.AlignRight, status)
        painter.restore()

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem,  # noqa: ANN001
                    index: QModelIndex) -> bool:
        """A click on a link opens it (web or mail addresses only)."""
        if (event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                and index.data(ThreadModel.Role.Kind) != RowKind.DAY):
            inner = self.bubble(option, index).adjusted(_PAD, _PAD, -_PAD, -_PAD)
            origin = QPointF(inner.left(), inner.top() + option.fontMetrics.height() + _PAD // 2)
            anchor = self._document(index, option.font).documentLayout().anchorAt(
                event.position() - origin)
            url = QUrl(anchor)
            if anchor and url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
                return True
        return super().editorEvent(event, model, option, index)
