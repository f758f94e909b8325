"""What the finance service reports in the main window before (and besides) the Financieel
page: a list that could not be loaded, in the message bar with "Try again" until the list next
loads, and the background download's progress in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.views.finance.sync_status import FinanceSyncStatus
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import PageContext

if TYPE_CHECKING:
    from desktop.services.finance.service import FinanceService

__all__ = ["FinanceNotices"]


class FinanceNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, finance: FinanceService, messages: MessageBar, parent: QObject) -> None:
        super().__init__(parent)
        self._finance = finance
        self._messages = messages
        finance.problem.connect(self._finance_problem)
        finance.problemSolved.connect(self._finance_problem_solved)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        """From the window's start: the sync runs (and may fail) before the page is opened."""
        finance = context.services.finance
        cls(finance, context.messages, context.parent)
        context.status_bar.addWidget(FinanceSyncStatus(finance, context.parent))

    def _finance_problem(self, text: str) -> None:
        self._messages.show_message(text, source="finance", action_text=self.tr("Try again"),
                                    action=self._finance.refresh, section="finance")

    def _finance_problem_solved(self) -> None:
        self._messages.clear("finance")
