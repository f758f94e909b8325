"""The table of the main window's sections: one entry per section, in navigation order.

Each entry says its key, title, description (tooltip), icon, who sees it, which factory builds
its page from a :class:`desktop.views.shared.pages.PageContext` and, if the section reports
something before its page is opened, what it attaches to the window. The main window builds the
navigation, the pages and the Ctrl+1…9 shortcuts from this table alone: a new section is one
entry here plus its page module (docs/architecture.md, "How to add a section").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.models.sections import EVERYONE, PARENTS, STAFF, Section
from desktop.views.agenda.notices import AgendaNotices
from desktop.views.finance.notices import FinanceNotices
from desktop.views.overview import OverviewPage
from desktop.views.shared.pages import PageContext

__all__ = ["SECTIONS"]


# Each page's module is imported when the page is first built (docs/architecture.md,
# "Start-up"): the main window paints with the overview alone.

def _agenda_page(context: PageContext) -> QWidget:
    from desktop.views.agenda.page import AgendaPage

    return AgendaPage.from_context(context)


def _finance_page(context: PageContext) -> QWidget:
    from desktop.views.finance.page import FinancePage

    return FinancePage.from_context(context)


def _pending_requests_page(context: PageContext) -> QWidget:
    from desktop.views.pending_requests.page import PendingRequestsPage

    return PendingRequestsPage.from_context(context)


def _account_page(context: PageContext) -> QWidget:
    from desktop.views.account import AccountPage

    return AccountPage.from_context(context)


SECTIONS: tuple[Section, ...] = (
    Section(
        key="overview",
        title=QT_TRANSLATE_NOOP("Sections", "Overview"),
        description=QT_TRANSLATE_NOOP("Sections", "Your children, their groups and locations"),
        icon="overview",
        audience=EVERYONE,
        page=OverviewPage.from_context,
    ),
    Section(
        # The agenda is the family's; the staff's group day view is a later issue.
        key="agenda",
        title=QT_TRANSLATE_NOOP("Sections", "Agenda"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "When your children come, absences and requests"),
        icon="agenda",
        audience=PARENTS,
        page=_agenda_page,
        attach=AgendaNotices.attach,
    ),
    Section(
        # The family's documents: the primary parent's; a secondary parent sees who can see
        # them and how to change that. Staff see no invoices.
        key="finance",
        title=QT_TRANSLATE_NOOP("Sections", "Finance"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "Invoices, annual statements, contracts and rates"),
        icon="finance",
        audience=PARENTS,
        page=_finance_page,
        attach=FinanceNotices.attach,
    ),
    Section(
        # Deciding extra-day requests is for staff and managers.
        key="pending_requests",
        title=QT_TRANSLATE_NOOP("Sections", "Pending requests"),
        description=QT_TRANSLATE_NOOP(
            "Sections", "Extra-day requests of your groups, to approve or reject"),
        icon="pending-requests",
        audience=STAFF,
        page=_pending_requests_page,
    ),
    Section(
        key="account",
        title=QT_TRANSLATE_NOOP("Sections", "Account"),
        description=QT_TRANSLATE_NOOP("Sections", "Your details and logged-in devices"),
        icon="account",
        audience=EVERYONE,
        page=_account_page,
    ),
)
