"""A non-modal bar above the content for problems the user can act on (offline, expired...),
and for news worth a line (a decision arrived, documents saved)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.views.shared.theme import announce, icon

__all__ = ["MessageBar"]


class MessageBar(QFrame):
    """Shows one message with an optional action button; closable.

    Signals: ``closed`` when the user closes it.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._action: Callable[[], None] | None = None
        self.source = ""
        self.tone = "warning"
        self.lasting = False

        self._icon = QLabel(self)
        self._icon.setPixmap(icon("warning").pixmap(QSize(20, 20)))
        self._icon.setFixedSize(22, 22)
        self._text = QLabel(self)
        self._text.setObjectName("messageText")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._button = QPushButton(self)
        self._button.setObjectName("messageAction")
        self._close = QToolButton(self)
        self._close.setObjectName("messageClose")
        self._close.setIcon(icon("close"))
        self._close.setAutoRaise(True)
        self._close.setToolTip(self.tr("Close this message"))
        self._close.setAccessibleName(self.tr("Close this message"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._button)
        layout.addWidget(self._close)

        self._button.clicked.connect(self._run_action)
        self._close.clicked.connect(self.dismiss)
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def show_message(self, text: str, *, source: str = "",
                     action_text: str = "", action: Callable[[], None] | None = None,
                     tone: str = "warning", lasting: bool = False) -> None:
        """Show ``text``; ``source`` names who sent it so that sender can clear it later.
        ``tone`` is "warning" (a problem) or "info" (news, not a problem). A message belongs to
        the section on screen and goes when the parent moves to another one
        (:meth:`section_left`); a ``lasting`` one applies to every section (the profile could
        not be loaded, an update) and stays until it is closed or cleared."""
        self.source = source
        self.tone = tone
        self.lasting = lasting
        self.setProperty("tone", tone)
        for widget in (self, self._text):  # the text's colour follows the bar's tone
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._icon.setPixmap(icon("info" if tone == "info" else "warning").pixmap(QSize(20, 20)))
        self._text.setText(text)
        self.setAccessibleDescription(text)
        self._action = action
        self._button.setText(action_text)
        self._button.setVisible(bool(action_text) and action is not None)
        self.show()
        announce(self)

    def clear(self, source: str | None = None) -> None:
        """Hide the bar, but only if it still shows a message of ``source`` (None: any)."""
        if self.isHidden() or (source is not None and source != self.source):
            return
        self.hide()
        self._action = None
        self.source = ""

    def section_left(self) -> None:
        """The parent went to another section: what was said about the one they left no
        longer takes that page's room."""
        if not self.lasting:
            self.clear()

    def dismiss(self) -> None:
        self.clear()
        self.closed.emit()

    def _run_action(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()
