"""The main window: header with user menu, section navigation, message bar, pages, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.finance_documents import FinanceAccess
from desktop.models.formatting import format_date_range
from desktop.models.records import ExtraDayRequest, ExtraDayStatus, Profile
from desktop.models.sections import SectionsModel
from desktop.views.account_page import AccountPage
from desktop.views.agenda_page import AgendaPage
from desktop.views.decisions_page import DecisionsPage
from desktop.views.finance_page import FinancePage, FinanceSyncStatus
from desktop.views.lock_screen import LockScreen
from desktop.views.message_bar import MessageBar
from desktop.views.overview_page import OverviewPage
from desktop.views.status import ConnectionStatus, LastSynced
from desktop.views.theme import apply_theme, icon

if TYPE_CHECKING:
    from desktop.services.agenda import AgendaService
    from desktop.services.decisions import DecisionService
    from desktop.services.devices import DevicesService
    from desktop.services.extra_days import ExtraDayService
    from desktop.services.finance import FinanceService
    from desktop.services.profile import ProfileService
    from desktop.services.session import SessionService

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """The logged-in app.

    Signals: ``closeRequested`` from closeEvent (the app ends on it); ``switchAccountRequested``
    from the user menu (the app shows the login window with the remembered accounts).
    """

    closeRequested = Signal()
    switchAccountRequested = Signal()

    def __init__(self, session: SessionService, profile: ProfileService,
                 devices: DevicesService, agenda: AgendaService,
                 extra_days: ExtraDayService, parent: QWidget | None = None, *,
                 finance: FinanceService | None = None,
                 decisions: DecisionService | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self._session = session
        self._profile = profile
        self._devices = devices
        self._agenda = agenda
        self._finance = finance
        self._extra_days = extra_days
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(900, 600))
        self.resize(1180, 760)

        self.sections = SectionsModel(icon_for=icon, parent=self)
        self.message_bar = MessageBar(self)
        self.overview = OverviewPage(self)
        self.account_page = AccountPage(self)
        self.agenda_page = AgendaPage(agenda, extra_days, self)
        self.finance_page = FinancePage(finance, self) if finance is not None else None
        self.decisions_page = DecisionsPage(decisions, self) if decisions is not None else None
        self.overview.set_documents_available(finance is not None)
        self.lock_screen = LockScreen(self)
        self.connection = ConnectionStatus(self)
        self.last_synced = LastSynced(parent=self)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_content())
        self._stack.addWidget(self.lock_screen)
        self.setCentralWidget(self._stack)
        self.statusBar().addWidget(self.connection)
        if finance is not None:
            self.finance_status = FinanceSyncStatus(finance, self)
            self.statusBar().addWidget(self.finance_status)
        self.statusBar().addPermanentWidget(self.last_synced)
        self.statusBar().setSizeGripEnabled(False)

        self._connect()
        self._show_account()
        self.overview.set_profile(profile.profile)
        self.agenda_page.set_profile(profile.profile)
        self.connection.set_online(profile.online)
        self.last_synced.set_last_synced(profile.last_synced)
        self.navigation.setCurrentIndex(self.sections.index(0))

    # -- building ----------------------------------------------------------------------------
    def _build_content(self) -> QWidget:
        content = QWidget(self)
        header = QFrame(content)
        header.setObjectName("header")
        logo = QLabel(header)
        logo.setPixmap(icon("app").pixmap(QSize(32, 32)))
        self.organisation_name = QLabel("", header)
        self.organisation_name.setObjectName("organisationName")
        self.user_menu_button = QToolButton(header)
        self.user_menu_button.setObjectName("userMenu")
        self.user_menu_button.setIcon(icon("user"))
        self.user_menu_button.setIconSize(QSize(24, 24))
        self.user_menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.user_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_menu = QMenu(self.user_menu_button)
        self.user_menu.setObjectName("userMenuItems")
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action = QAction(self.tr("&Switch account…"), self)
        self.switch_action.setObjectName("switchAccount")
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.setObjectName("logout")
        for action in (self.lock_action, self.switch_action, self.logout_action):
            self.user_menu.addAction(action)
            self.addAction(action)  # so the shortcut works while the menu is closed
        self.user_menu_button.setMenu(self.user_menu)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(20, 10, 16, 10)
        header_layout.setSpacing(12)
        header_layout.addWidget(logo)
        header_layout.addWidget(self.organisation_name, 1)
        header_layout.addWidget(self.user_menu_button)

        self.navigation = QListView(content)
        self.navigation.setObjectName("navigation")
        self.navigation.setModel(self.sections)
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(210)
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.pages = QStackedWidget(content)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.overview)
        self.pages.addWidget(self.agenda_page)
        if self.finance_page is not None:
            self.pages.addWidget(self.finance_page)
        if self.decisions_page is not None:
            self.pages.addWidget(self.decisions_page)
        self.pages.addWidget(self.account_page)

        right = QVBoxLayout()
        right.setContentsMargins(0, 12, 0, 0)
        right.setSpacing(0)
        bar_row = QHBoxLayout()
        bar_row.setContentsMargins(24, 0, 24, 0)
        bar_row.addWidget(self.message_bar)
        right.addLayout(bar_row)
        right.addWidget(self.pages, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addLayout(right, 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)

        self._section_shortcuts: list[QShortcut] = []
        for row in range(self.sections.rowCount()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(lambda n=row: self._show_visible_section(n))
            self._section_shortcuts.append(shortcut)
        return content

    def _connect(self) -> None:
        # Only bound methods: Qt drops those connections when this window is deleted, while the
        # services live on for the next window.
        self.navigation.selectionModel().currentChanged.connect(self._section_changed)
        self.lock_action.triggered.connect(self._session.lock)
        self.switch_action.triggered.connect(self.switchAccountRequested)
        self.logout_action.triggered.connect(self._session.logout)
        self._session.locked.connect(self._lock)
        self._session.unlocked.connect(self._unlock)
        self._session.unlockFailed.connect(self.lock_screen.show_error)
        self._session.rememberUnavailable.connect(self._remember_unavailable)
        self.lock_screen.unlockRequested.connect(self._session.unlock)
        self.lock_screen.logoutRequested.connect(self._session.logout)
        self._profile.profileChanged.connect(self._profile_changed)
        self._profile.onlineChanged.connect(self._online_changed)
        self._profile.lastSyncedChanged.connect(self.last_synced.set_last_synced)
        self._profile.problem.connect(self._profile_problem)
        self._devices.devicesChanged.connect(self._devices_changed)
        self._devices.problem.connect(self._devices_problem)
        self.account_page.endSessionRequested.connect(self._devices.end)
        self._agenda.problem.connect(self._agenda_problem)
        self._extra_days.decisionsArrived.connect(self._decisions_arrived)
        if self._finance is not None and self.finance_page is not None:
            self._finance.problem.connect(self._finance_problem)
            self.finance_page.notice.connect(self._finance_notice)
            self.overview.saveDocumentsRequested.connect(self.save_documents)
        if self.decisions_page is not None:
            self.decisions_page.notice.connect(self._decisions_notice)

    # -- sections ----------------------------------------------------------------------------
    def show_section(self, key: str) -> None:
        self.show_section_row(self.sections.row_of(key))

    def show_section_row(self, row: int) -> None:
        if 0 <= row < self.sections.rowCount() and not self.navigation.isRowHidden(row):
            self.navigation.selectionModel().setCurrentIndex(
                self.sections.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_visible_section(self, n: int) -> None:
        # Ctrl+N counts the sections this account sees, skipping hidden ones (staff, finance).
        visible = [r for r in range(self.sections.rowCount())
                   if not self.navigation.isRowHidden(r)]
        if n < len(visible):
            self.show_section_row(visible[n])

    def _section_changed(self, current, _previous) -> None:
        key = self.sections.key_at(current.row())
        if key == SectionsModel.OVERVIEW:
            self.pages.setCurrentWidget(self.overview)
        elif key == SectionsModel.AGENDA:
            self.pages.setCurrentWidget(self.agenda_page)
            self.agenda_page.activate()
        elif key == SectionsModel.FINANCE and self.finance_page is not None:
            self.pages.setCurrentWidget(self.finance_page)
            self.finance_page.activate()
        elif key == SectionsModel.DECISIONS and self.decisions_page is not None:
            self.pages.setCurrentWidget(self.decisions_page)
            self.decisions_page.activate()
        elif key == SectionsModel.ACCOUNT:
            self.pages.setCurrentWidget(self.account_page)
            # The device list changes elsewhere (other devices log in); fetch it when looked at.
            self._devices.load()

    def save_documents(self) -> None:
        """"Alles opslaan" from the overview's notice that access ends: the Financieel section
        shows what is saved (or, for a secondary parent, who can)."""
        self.show_section(SectionsModel.FINANCE)
        overview = self._finance.overview if self._finance is not None else None
        if self.finance_page is not None and overview is not None \
                and overview.access is FinanceAccess.GRANTED:
            self.finance_page.save_all()

    # -- reactions ---------------------------------------------------------------------------
    def _show_account(self) -> None:
        account = self._session.account
        profile = self._profile.profile
        name = account.display_name if account else (profile.user.name if profile else "")
        organisation = account.organisation_name if account else ""
        self.organisation_name.setText(organisation)
        self.setWindowTitle(self.tr("Ouderportaal — {organisation}").format(
            organisation=organisation) if organisation else self.tr("Ouderportaal"))
        self.user_menu_button.setText(name)
        self.user_menu_button.setAccessibleName(self.tr("User menu of {name}").format(name=name))
        shared_pc = bool(self._session.shared_pc)
        self.lock_action.setVisible(shared_pc)
        self.lock_action.setEnabled(shared_pc)
        role = account.role if account else (profile.user.role if profile else None)
        # The agenda is the family's; the staff's group day view is a later issue.
        self.navigation.setRowHidden(self.sections.row_of(SectionsModel.AGENDA),
                                     role is not None and not role.is_parent)
        # Staff see no invoices; without the finance service there is no page to show.
        self.navigation.setRowHidden(self.sections.row_of(SectionsModel.FINANCE),
                                     self.finance_page is None
                                     or (role is not None and not role.is_parent))
        # Deciding extra-day requests is for staff and managers.
        self.navigation.setRowHidden(self.sections.row_of(SectionsModel.DECISIONS),
                                     self.decisions_page is None
                                     or role is None or role.is_parent)
        if role is not None:
            self.account_page.set_account(
                name=name, email=account.email if account else profile.user.email,
                organisation=organisation, role=role, shared_pc=shared_pc, profile=profile)

    def _profile_changed(self, profile: Profile) -> None:
        self.overview.set_profile(profile)
        self.agenda_page.set_profile(profile)
        self._show_account()
        if self._profile.online:
            self.message_bar.clear("profile")

    def _online_changed(self, online: bool) -> None:
        self.connection.set_online(online)
        if online:
            self.message_bar.clear("profile")

    def _profile_problem(self, text: str) -> None:
        self.message_bar.show_message(text, source="profile", action_text=self.tr("Try again"),
                                      action=self._profile.refresh)

    def _devices_changed(self, sessions: list) -> None:
        self.account_page.set_sessions(sessions)
        self.message_bar.clear("devices")

    def _devices_problem(self, text: str) -> None:
        self.account_page.sessions_unavailable()
        self.message_bar.show_message(text, source="devices", action_text=self.tr("Try again"),
                                      action=self._devices.load)

    def _agenda_problem(self, text: str) -> None:
        self.message_bar.show_message(text, source="agenda", action_text=self.tr("Try again"),
                                      action=self._agenda.refresh)

    def _finance_problem(self, text: str) -> None:
        self.message_bar.show_message(text, source="finance", action_text=self.tr("Try again"),
                                      action=self._finance.refresh)

    def _finance_notice(self, text: str, tone: str) -> None:
        self.message_bar.show_message(text, source="finance", tone=tone)

    def _decisions_arrived(self, requests: list[ExtraDayRequest]) -> None:
        """A parent's pending extra days that the group decided meanwhile."""
        lines = []
        for request in requests:
            dates = format_date_range(request.first_date, request.last_date)
            if request.status is ExtraDayStatus.APPROVED:
                lines.append(self.tr("The group approved the extra day for {child} on "
                                     "{dates}.").format(child=request.child_name, dates=dates))
            else:
                lines.append(self.tr("The group rejected the extra day for {child} on {dates}: "
                                     "{reason}").format(child=request.child_name, dates=dates,
                                                        reason=request.decision_reason or ""))
        self.message_bar.show_message(" ".join(lines), source="decisions", tone="info")

    def _decisions_notice(self, text: str, tone: str) -> None:
        self.message_bar.show_message(text, source="decisions", tone=tone)

    def _remember_unavailable(self, text: str) -> None:
        self.message_bar.show_message(text, source="remember")

    def _lock(self) -> None:
        account = self._session.account
        self.lock_screen.prepare(account.display_name if account else "",
                                 account.email if account else "")
        self.user_menu.close()
        self._set_content_enabled(False)
        self._stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def _unlock(self) -> None:
        self.lock_screen.password.clear()
        self._set_content_enabled(True)
        self._stack.setCurrentIndex(0)
        self.navigation.setFocus()

    def _set_content_enabled(self, enabled: bool) -> None:
        # While locked, no shortcut may reach the covered content (or fetch data for it).
        for shortcut in self._section_shortcuts:
            shortcut.setEnabled(enabled)
        for action in (self.lock_action, self.switch_action, self.logout_action):
            action.setEnabled(enabled and (action is not self.lock_action
                                           or bool(self._session.shared_pc)))

    @property
    def is_locked(self) -> bool:
        return self._stack.currentWidget() is self.lock_screen

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closeRequested.emit()
        event.accept()
