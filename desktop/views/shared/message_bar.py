"""A non-modal bar above the content for problems the user can act on (offline, expired...),
and for news worth a line (a decision arrived, documents saved).

Every message has a source (the profile, the agenda, the finance sync, ...) and stays until
that source says the problem is over (:meth:`MessageBar.clear`) or the user closes it. Two
sources can have a problem at once: the bar shows the newest (a problem before news) and keeps
the others, so clearing one source brings back another source's message that is still true.

A message also belongs to a section (issue 14: the bar takes the page's room): it shows only
while that section is on screen, and news (tone "info") of a section is dropped when the parent
leaves it — it has been read. A problem of a section comes back with its section while it is
still true. A message about the whole app (``section=None``: the profile, the disk, an update)
shows in every section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.views.shared.theme import announce, icon

__all__ = ["HERE", "MessageBar"]

#: The icon of each tone (never colour alone: the icon says it too).
TONE_ICONS = {"warning": "warning", "info": "info"}


#: ``section`` of :meth:`MessageBar.show_message`: the section on screen when it is shown.
HERE = ""


@dataclass(frozen=True)
class _Message:
    text: str
    source: str
    tone: str
    action_text: str
    action: Callable[[], None] | None
    section: str | None


class MessageBar(QFrame):
    """Shows the newest message with an optional action button; closable.

    Signals: ``closed`` when the user closes a message.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._messages: dict[str, _Message] = {}  # by source, oldest first
        self._section: str | None = None  # the section on screen

        self._icon = QLabel(self)
        self._icon.setObjectName("messageIcon")
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
        return self._text.text() if self._shown() else ""

    @property
    def source(self) -> str:
        """The source of the message on show ("" when none is)."""
        shown = self._shown()
        return shown.source if shown else ""

    @property
    def tone(self) -> str:
        shown = self._shown()
        return shown.tone if shown else "warning"

    @property
    def icon_name(self) -> str:
        """The name of the icon on show (``resources/icons/<name>.svg``)."""
        return TONE_ICONS.get(self.tone, "warning")

    def has_message(self, source: str) -> bool:
        return source in self._messages

    def show_message(self, text: str, *, source: str = "",
                     action_text: str = "", action: Callable[[], None] | None = None,
                     tone: str = "warning", section: str | None = HERE) -> None:
        """Show ``text``; ``source`` names who sent it so that sender can clear it later (a new
        message of the same source replaces its old one). ``tone`` is "warning" (a problem) or
        "info" (news, not a problem). ``section`` is the key of the section it is about
        (``HERE``: the one on screen; None: every section)."""
        self._messages.pop(source, None)
        self._messages[source] = _Message(text, source, tone, action_text, action,
                                          self._section if section == HERE else section)
        self._render()
        if self._shown() is self._messages[source]:
            announce(self)

    def set_section(self, section: str | None) -> None:
        """The parent moved to ``section``: the news of the one left goes, its problems wait
        for it, and the messages of the new one show."""
        if section == self._section:
            return
        left = self._section
        for source, message in list(self._messages.items()):
            if message.tone == "info" and message.section is not None \
                    and message.section == left:
                del self._messages[source]
        self._section = section
        self._render()

    def clear(self, source: str | None = None) -> None:
        """Drop the message of ``source`` (None: every message); another source's message that
        is still there is shown again."""
        if source is None:
            self._messages.clear()
        elif self._messages.pop(source, None) is None:
            return
        self._render()

    def dismiss(self) -> None:
        """The user closed the message on show."""
        shown = self._shown()
        if shown is not None:
            self.clear(shown.source)
        self.closed.emit()

    def _shown(self) -> _Message | None:
        """The newest message of this section or the whole app; a problem before news, so a
        notice that something arrived never hides one that something went wrong."""
        here = [m for m in reversed(self._messages.values())
                if m.section is None or m.section == self._section]
        return next((m for m in here if m.tone != "info"), next(iter(here), None))

    def _render(self) -> None:
        shown = self._shown()
        if shown is None:
            self.hide()
            return
        self.setProperty("tone", shown.tone)
        for widget in (self, self._text):  # the text's colour follows the bar's tone
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._icon.setPixmap(icon(self.icon_name).pixmap(QSize(20, 20)))
        self._text.setText(shown.text)
        self.setAccessibleDescription(shown.text)
        self._button.setText(shown.action_text)
        self._button.setVisible(bool(shown.action_text) and shown.action is not None)
        self.show()

    def _run_action(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        self.clear(shown.source)
        if shown.action is not None:
            shown.action()
