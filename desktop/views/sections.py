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

from desktop.models.sections import EVERYONE, MANAGERS, PARENTS, STAFF, Section
from desktop.views.agenda.notices import AgendaNotices
from desktop.views.finance.notices import FinanceNotices
from desktop.views.messages.notices import MessagesNotices
from desktop.views.news.notices import NewsNotices
from desktop.views.overview import OverviewPage
from desktop.views.photos.notices import PhotosNotices
from desktop.views.shared.pages import PageContext

__all__ = ["SECTIONS"]


# Each page's module is imported when the page is first built (docs/architecture.md,
# "Start-up"): the main window paints with the overview alone.

def _overview_page(context: PageContext) -> QWidget:
    page = OverviewPage.from_context(context)
    account = context.services.session.account
    if account is not None and not account.role.is_parent:
        # Staff meet the children: what they must know of them, on the first page.
        from desktop.views.care_notes import CareNotesPanel

        page.blocks.add(CareNotesPanel.from_context(context))
    return page


def _group_day_page(context: PageContext) -> QWidget:
    from desktop.views.diary.group_day_page import GroupDayPage

    return GroupDayPage.from_context(context)


def _diary_page(context: PageContext) -> QWidget:
    from desktop.views.diary.page import DiaryPage
    from desktop.views.photos.viewer import PhotoViewer

    # The Dagboek opens a day's photos in the photos feature's viewer; the shell brings the
    # two together (a feature's views never import another's).
    return DiaryPage.from_context(context, photo_viewer=PhotoViewer)


def _agenda_page(context: PageContext) -> QWidget:
    from desktop.views.agenda.page import AgendaPage

    return AgendaPage.from_context(context)


def _photos_page(context: PageContext) -> QWidget:
    account = context.services.session.account
    if account is not None and not account.role.is_parent:
        # Staff see the activities of their groups and post photos (no group day view yet).
        from desktop.views.photos.staff_page import StaffPhotosPage

        return StaffPhotosPage.from_context(context)
    from desktop.views.photos.page import PhotosPage

    return PhotosPage.from_context(context)


def _finance_page(context: PageContext) -> QWidget:
    from desktop.views.finance.page import FinancePage

    return FinancePage.from_context(context)


def _pending_requests_page(context: PageContext) -> QWidget:
    from desktop.views.pending_requests.page import PendingRequestsPage

    return PendingRequestsPage.from_context(context)


def _personal_data_page(context: PageContext) -> QWidget:
    from desktop.views.personal_data.page import PersonalDataPage

    return PersonalDataPage.from_context(context)


def _change_requests_page(context: PageContext) -> QWidget:
    from desktop.views.change_requests.page import ChangeRequestsPage

    return ChangeRequestsPage.from_context(context)


def _messages_page(context: PageContext) -> QWidget:
    from desktop.views.messages.page import MessagesPage

    return MessagesPage.from_context(context)


def _news_page(context: PageContext) -> QWidget:
    from desktop.views.news.page import NewsPage

    return NewsPage.from_context(context)


def _account_page(context: PageContext) -> QWidget:
    from desktop.views.account import AccountPage
    from desktop.views.account_security.panel import AccountSecurityPanel

    page = AccountPage.from_context(context)
    page.blocks.add(AccountSecurityPanel.from_context(context))
    # "Meldingen": desktop notifications per category and the unread-message mails.
    from desktop.views.notifications import NotificationsPanel

    page.blocks.add(NotificationsPanel.from_context(context))
    account = context.services.session.account
    if account is not None and account.role.is_parent:
        # "Mijn gegevens downloaden": the family's data (docs/api.md, "Download my data").
        from desktop.views.personal_data.download import DataDownloadPanel

        page.blocks.add(DataDownloadPanel.from_context(context))
    return page


SECTIONS: tuple[Section, ...] = (
    Section(
        # The staff's daily work: who is here, who is expected, the day report.
        key="group_day",
        title=QT_TRANSLATE_NOOP("Sections", "Group today"),
        description=QT_TRANSLATE_NOOP(
            "Sections", "Your group's children today: arrivals, departures and day reports"),
        icon="group-day",
        audience=STAFF,
        page=_group_day_page,
    ),
    Section(
        key="overview",
        title=QT_TRANSLATE_NOOP("Sections", "Overview"),
        description=QT_TRANSLATE_NOOP("Sections", "Your children, their groups and locations"),
        icon="overview",
        audience=EVERYONE,
        page=_overview_page,
    ),
    Section(
        # The agenda is the family's; staff have their group's day ("group_day").
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
        key="diary",
        title=QT_TRANSLATE_NOOP("Sections", "Diary"),
        description=QT_TRANSLATE_NOOP(
            "Sections", "The day reports of your children, and notes for their group"),
        icon="diary",
        audience=PARENTS,
        page=_diary_page,
    ),
    Section(
        # Parents: their children's photos, after the Dagboek. Staff: the activities of their
        # groups, to post photos in.
        key="photos",
        title=QT_TRANSLATE_NOOP("Sections", "Photos"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "Photos of activities: your children's to view and save, "
                                      "or your groups' to post"),
        icon="photos",
        audience=EVERYONE,
        page=_photos_page,
        attach=PhotosNotices.attach,
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
        # Deciding the families' changes of personal data is the location manager's.
        key="change_requests",
        title=QT_TRANSLATE_NOOP("Sections", "Changes"),
        description=QT_TRANSLATE_NOOP(
            "Sections", "Changes of personal data parents asked for, to approve or reject"),
        icon="change-requests",
        audience=MANAGERS,
        page=_change_requests_page,
    ),
    Section(
        # Parents write to the staff of their child's group; staff and managers answer.
        key="messages",
        title=QT_TRANSLATE_NOOP("Sections", "Messages"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "Conversations with the staff of your child's group"),
        icon="messages",
        audience=EVERYONE,
        page=_messages_page,
        attach=MessagesNotices.attach,
    ),
    Section(
        key="news",
        title=QT_TRANSLATE_NOOP("Sections", "News"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "News of the organisation, the location and the group"),
        icon="news",
        audience=EVERYONE,
        page=_news_page,
        attach=NewsNotices.attach,
    ),
    Section(
        key="personal_data",
        title=QT_TRANSLATE_NOOP("Sections", "Personal details"),
        description=QT_TRANSLATE_NOOP(
            "Sections", "Addresses, phone numbers, bank account and your children's care "
                        "details"),
        icon="personal-data",
        audience=PARENTS,
        page=_personal_data_page,
    ),
    Section(
        key="account",
        title=QT_TRANSLATE_NOOP("Sections", "Account"),
        description=QT_TRANSLATE_NOOP("Sections",
                                      "Your details, password, login code and devices"),
        icon="account",
        audience=EVERYONE,
        page=_account_page,
    ),
)
