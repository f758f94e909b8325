"""Cards for the overview: one per row of a card model (children, or a staff member's groups).

Each card is a small widget (labels), not a delegate that paints: with PySide6 6.12 on Python
3.11 every void Qt call made from Python drops a reference to ``None``, and a Python paint()
makes dozens per card per repaint, so hovering and resizing would soon abort the app with
"deallocating None". Widgets are laid out and painted entirely by Qt; Python only runs when the
model changes. Families have a handful of children and staff a handful of groups, so rebuilding
the cards on a model reset is cheap.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.models.shared.cards import CARD_LINES_ROLE, CARD_TITLE_ROLE, CardLine, LineStyle
from desktop.views.shared.theme import link, mark

__all__ = ["CARD_COLUMNS", "Card", "CardGrid"]

CARD_COLUMNS = 2


class Card(QFrame):
    """A white rounded card: a title and lines; phone and e-mail lines are links."""

    def __init__(self, title: str, lines: tuple[CardLine, ...], summary: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self.setObjectName("card")
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self.title = mark(QLabel(title, self), "cardTitle")
        self.title.setObjectName("cardTitle")
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        for line in lines:
            if line.gap_before:
                layout.addSpacing(8)
            label = self._label(line)
            layout.addWidget(label)
            self.lines.append(label)
        layout.addStretch(1)

    def _label(self, line: CardLine) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        if line.href:
            # Rich text only for links; everything else stays plain so no markup can sneak in.
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(link(line.href, line.text))
            label.setOpenExternalLinks(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAccessibleName(line.spoken or line.text)
            label.setProperty("href", line.href)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(line.text)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mark(label, {LineStyle.MUTED: "muted", LineStyle.STRONG: "cardStrong",
                     LineStyle.LINK: "cardLink"}.get(line.style, "cardText"))
        return label


class CardGrid(QScrollArea):
    """Shows a card model as cards in rows of ``CARD_COLUMNS``; scrolls when they don't fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._model: QAbstractItemModel | None = None
        self.cards: list[Card] = []
        self._content = QWidget(self)
        self._content.setObjectName("cardGridContent")
        outer = QVBoxLayout(self._content)
        outer.setContentsMargins(0, 4, 4, 4)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(16)
        for column in range(CARD_COLUMNS):
            self._grid.setColumnStretch(column, 1)
        outer.addLayout(self._grid)
        outer.addStretch(1)
        self.setWidget(self._content)

    def model(self) -> QAbstractItemModel | None:
        return self._model

    def setModel(self, model: QAbstractItemModel) -> None:
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.layoutChanged):
            signal.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self, *_args) -> None:
        for card in self.cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        model = self._model
        if model is None:
            return
        for row in range(model.rowCount(QModelIndex())):
            index = model.index(row, 0)
            card = Card(index.data(CARD_TITLE_ROLE), index.data(CARD_LINES_ROLE),
                        index.data(Qt.ItemDataRole.AccessibleTextRole), self._content)
            self._grid.addWidget(card, row // CARD_COLUMNS, row % CARD_COLUMNS)
            self.cards.append(card)
