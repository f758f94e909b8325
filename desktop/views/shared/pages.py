"""What a section page gets from the main window, and the little it must offer back.

A page is built by its entry in the section table (``desktop/views/sections.py``) from a
:class:`PageContext`: the services, the window's message bar and status bar, and a
:class:`Navigator` to open another section. The window then only calls
:meth:`SectionPage.activate` when the section is shown; everything else a page wires itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QSizePolicy, QStatusBar, QVBoxLayout, QWidget

from desktop.views.shared.message_bar import MessageBar

if TYPE_CHECKING:
    from desktop.services.container import Services

__all__ = ["Blocks", "Intent", "Navigator", "PageContext", "SectionPage"]


@dataclass(frozen=True)
class Intent:
    """Asks section ``section`` to do ``action`` when it opens (one page asking another,
    without either importing the other)."""

    section: str
    action: str


class Navigator(Protocol):
    def show_section(self, key: str, intent: Intent | None = None) -> None:
        """Open section ``key`` (if this account sees it), passing ``intent`` to its page."""

    def has_section(self, key: str) -> bool:
        """Whether this account sees section ``key``."""


class SectionPage(Protocol):
    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible (``intent``: what another page asked of it)."""


@dataclass(frozen=True)
class PageContext:
    services: Services
    messages: MessageBar
    status_bar: QStatusBar
    navigator: Navigator
    parent: QWidget


class Blocks:
    """The blocks other features add to a page (the section table composes them: the account
    page's security, the overview's care notes). Each is activated with the page."""

    def __init__(self, layout: QVBoxLayout) -> None:
        self._layout = layout
        self._blocks: list[SectionPage] = []

    def add(self, block: QWidget) -> None:
        """``block`` needs an ``activate(intent)`` (:class:`SectionPage`). It keeps its height:
        the page scrolls instead."""
        block.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._layout.addWidget(block)
        self._blocks.append(block)  # type: ignore[arg-type]

    def activate(self, intent: Intent | None = None) -> None:
        for block in self._blocks:
            block.activate(intent)
