"""Cards in a wrapping list: a delegate paints title + lines from the card roles, and opens a
line's link (tel:/mailto:) when clicked."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.models.cards import CARD_LINES_ROLE, CARD_TITLE_ROLE, CardLine, LineStyle

__all__ = ["CardDelegate", "CardListView"]

ModelIndex = QModelIndex | QPersistentModelIndex

CARD_WIDTH = 330
PADDING = 18
GAP = 10
RADIUS = 12

_COLORS = {
    LineStyle.NORMAL: QColor("#1F2A37"),
    LineStyle.MUTED: QColor("#5B6573"),
    LineStyle.STRONG: QColor("#1F2A37"),
    LineStyle.LINK: QColor("#1F6F5D"),
}


@dataclass(frozen=True)
class _Placed:
    line: CardLine
    rect: QRect


class CardDelegate(QStyledItemDelegate):
    """A white rounded card per row; phone and e-mail lines are links (tel:/mailto:)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Set by CardListView so all cards in a row line up; 0 means "as tall as needed".
        self.uniform_height = 0

    # -- fonts -------------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> dict[str, QFont]:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.3)
        title.setBold(True)
        strong = QFont(base)
        strong.setBold(True)
        link = QFont(base)
        link.setUnderline(True)
        return {"title": title, "base": QFont(base), "strong": strong, "link": link}

    def _font_for(self, fonts: dict[str, QFont], line: CardLine) -> QFont:
        if line.style is LineStyle.STRONG:
            return fonts["strong"]
        if line.style is LineStyle.LINK:
            return fonts["link"]
        return fonts["base"]

    # -- layout ------------------------------------------------------------------------------
    def _layout(self, rect: QRect, base: QFont, index: ModelIndex) -> tuple[QRect, list[_Placed]]:
        fonts = self._fonts(base)
        inner = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        title_height = QFontMetrics(fonts["title"]).height()
        title_rect = QRect(inner.left(), inner.top(), inner.width(), title_height)
        y = title_rect.bottom() + 6
        placed: list[_Placed] = []
        for line in index.data(CARD_LINES_ROLE) or ():
            metrics = QFontMetrics(self._font_for(fonts, line))
            if line.gap_before:
                y += GAP
            bounds = metrics.boundingRect(
                QRect(inner.left(), y, inner.width(), 10_000),
                int(Qt.TextFlag.TextWordWrap), line.text,
            )
            if line.href:
                # Only the text itself is clickable, not the empty width after it.
                bounds.setWidth(min(bounds.width(), inner.width()))
            else:
                bounds.setWidth(inner.width())
            placed.append(_Placed(line, bounds))
            y = bounds.bottom() + 3
        return title_rect, placed

    def natural_height(self, option: QStyleOptionViewItem, index: ModelIndex) -> int:
        rect = QRect(0, 0, CARD_WIDTH, 10_000)
        title_rect, placed = self._layout(rect, option.font, index)
        bottom = placed[-1].rect.bottom() if placed else title_rect.bottom()
        return bottom + PADDING + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(CARD_WIDTH, max(self.uniform_height, self.natural_height(option, index)))

    # -- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(1, 1, -1, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        border = QColor("#2E7D6B") if (selected or focused) else QColor("#E3E7EE")
        painter.setPen(QPen(border, 2 if (selected or focused) else 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(card, RADIUS, RADIUS)

        fonts = self._fonts(option.font)
        title_rect, placed = self._layout(option.rect, option.font, index)
        painter.setFont(fonts["title"])
        painter.setPen(_COLORS[LineStyle.NORMAL])
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft), index.data(CARD_TITLE_ROLE))
        for item in placed:
            painter.setFont(self._font_for(fonts, item.line))
            painter.setPen(_COLORS[item.line.style])
            painter.drawText(item.rect, int(Qt.TextFlag.TextWordWrap), item.line.text)
        painter.restore()

    # -- links -------------------------------------------------------------------------------
    def link_at(self, option: QStyleOptionViewItem, index: ModelIndex, pos) -> str | None:
        _, placed = self._layout(option.rect, option.font, index)
        return next((p.line.href for p in placed if p.line.href and p.rect.contains(pos)), None)

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem,
                    index: ModelIndex) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            href = self.link_at(option, index, event.position().toPoint())
            if href is not None:
                QDesktopServices.openUrl(QUrl(href))
                return True
        return super().editorEvent(event, model, option, index)


class CardListView(QListView):
    """Cards side by side, wrapping to the window width; the hand cursor shows over links.

    Keyboard and right-click users reach a card's links through a menu (Enter or the context
    menu key on the current card).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CardDelegate(self))
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(8)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._equalise_heights)
        self._equalise_heights()

    def _equalise_heights(self) -> None:
        """Give every card the height of the tallest, so cards side by side line up."""
        delegate = self.itemDelegate()
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        heights = [delegate.natural_height(option, model.index(row, 0))
                   for row in range(model.rowCount())]
        delegate.uniform_height = max(heights, default=0)
        self.scheduleDelayedItemsLayout()

    def link_menu(self, index: ModelIndex) -> QMenu | None:
        """A menu with "Call …" / "E-mail …" for the links on the card at ``index``."""
        links = [line for line in (index.data(CARD_LINES_ROLE) or ()) if line.href]
        if not links:
            return None
        menu = QMenu(self)
        menu.setObjectName("cardLinks")
        for line in links:
            if line.href.startswith("tel:"):
                text = self.tr("Call {number}").format(number=line.text)
            elif line.href.startswith("mailto:"):
                text = self.tr("E-mail {address}").format(address=line.text)
            else:
                text = line.text
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, href=line.href:
                                     QDesktopServices.openUrl(QUrl(href)))
        return menu

    def _show_link_menu(self, index: ModelIndex, pos) -> None:
        menu = self.link_menu(index)
        if menu is not None:
            menu.exec(pos)
            menu.deleteLater()

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        if index.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                               Qt.Key.Key_Menu):
            rect = self.visualRect(index)
            self._show_link_menu(index, self.viewport().mapToGlobal(rect.center()))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        index = self.indexAt(event.pos())
        if index.isValid():
            self._show_link_menu(index, event.globalPos())

    def mouseMoveEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        href = None
        if index.isValid():
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = self.visualRect(index)
            href = self.itemDelegate().link_at(option, index, event.position().toPoint())
        if href is None:
            self.viewport().unsetCursor()
        else:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        super().mouseMoveEvent(event)
