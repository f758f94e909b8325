"""The main window: header with user menu, section navigation, message bar, pages, status bar.

The sections come from one table (``desktop/views/sections.py``): the window shows the entries
this account may see (their audience) in the navigation with Ctrl+1…9, lets each entry attach
what it shows from the start (notices, status), builds an entry's page when its section is
first shown — so the window paints with one page built — and calls the page's ``activate()``
whenever its section is shown. It has no code for any one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QHideEvent,
    QKeySequence,
    QShortcut,
)
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

from desktop.models.sections import AccessState, Section, SectionsModel
from desktop.models.shared.records import Profile, Role
from desktop.views.lock_screen import LockScreen
from desktop.views.sections import SECTIONS
from desktop.views.shared.focus import focus_next_pane
from desktop.views.shared.lock_guard import LockGuard
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.status import ConnectionStatus, LastSynced
from desktop.views.shared.theme import apply_theme, icon
from desktop.views.shared.windows import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.container import Services

__all__ = ["MainWindow"]

#: Ctrl+1 … Ctrl+9 open the sections this account sees, in table order.
MAX_SHORTCUTS = 9
#: The navigation's width unless a title this account sees needs more.
NAVIGATION_WIDTH = 210


class MainWindow(QMainWindow):
    """The logged-in app.

    Signals: ``closeRequested`` from closeEvent (the app ends on it); ``switchAccountRequested``
    from the user menu (the app shows the login window with the remembered accounts).
    ``sections`` defaults to the app's table; tests pass their own.
    """

    closeRequested = Signal()
    switchAccountRequested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 sections: Sequence[Section] = SECTIONS) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self._session = services.session
        self._profile = services.profile
        self._outbox = services.outbox
        self._update_hint = services.update_hint
        self._intent: Intent | None = None
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(900, 600))
        fit_to_screen(self, 1180, 760)

        # Before the pages: a page may open a window while it is built.
        self.lock_guard = LockGuard(self)
        self.sections = SectionsModel(sections, icon_for=icon, parent=self)
        self.message_bar = MessageBar(self)
        self.lock_screen = LockScreen(self)
        self.connection = ConnectionStatus(self)
        self.last_synced = LastSynced(parent=self)
        self.statusBar().addWidget(self.connection)

        content = self._build_content()
        self._context = PageContext(services, self.message_bar, self.statusBar(), self, content)
        self._pages: dict[str, QWidget] = {}
        for section in sections:
            if section.attach is not None:
                section.attach(self._context)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(content)
        self._stack.addWidget(self.lock_screen)
        self.setCentralWidget(self._stack)
        # Room at the right edge: the time must not touch (or run under) the window frame.
        self.last_synced.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.last_synced)
        self.statusBar().setSizeGripEnabled(False)

        self._connect()
        self._show_account()
        self.connection.set_online(self._session.connection.online)
        self.last_synced.set_last_synced(self._profile.last_synced)
        self._show_visible_section(0)  # the first section this account sees
        if self._outbox.lost_notice:  # told while logging in, before this window existed
            self._writes_lost(self._outbox.lost_notice)

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
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.pages = QStackedWidget(content)
        self.pages.setObjectName("pages")

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
        for n in range(min(MAX_SHORTCUTS, self.sections.rowCount())):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self._show_visible_section(n))
            self._section_shortcuts.append(shortcut)
        # F6 / Shift+F6 move between the panes (navigation, message bar, page), as in browsers
        # and file managers; Tab moves within them.
        for key, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda step=step: self.focus_next_pane(step))
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
        self._session.connection.onlineChanged.connect(self.connection.set_online)
        self._profile.lastSyncedChanged.connect(self.last_synced.set_last_synced)
        self._profile.problem.connect(self._profile_problem)
        self._profile.problemSolved.connect(self._profile_problem_solved)
        self._outbox.lost.connect(self._writes_lost)
        self._outbox.problem.connect(self._outbox_problem)
        self._outbox.problemSolved.connect(self._outbox_problem_solved)
        self._update_hint.updateAvailable.connect(self._update_available)
        if (release := self._update_hint.available) is not None:
            self._update_available(release.version, release.download_url)

    # -- sections ----------------------------------------------------------------------------
    def page(self, key: str) -> QWidget | None:
        """The page of section ``key``, built when it is first shown (or asked for here)."""
        page = self._pages.get(key)
        section = self.sections.section_at(self.sections.row_of(key))
        if page is None and section is not None:
            page = section.page(self._context)
            self._pages[key] = page
            self.pages.addWidget(page)
        return page

    def has_section(self, key: str) -> bool:
        section = self.sections.section_at(self.sections.row_of(key))
        return section is not None and section.audience.admits(self._role(), self._state())

    def show_count(self, key: str, count: int) -> None:
        self.sections.set_count(key, count)
        self._fit_navigation()

    def show_section(self, key: str, intent: Intent | None = None) -> None:
        row = self.sections.row_of(key)
        if row < 0 or self.navigation.isRowHidden(row):
            return
        if self.navigation.currentIndex().row() == row:
            if intent is not None:
                self.page(key).activate(intent)
            return
        self._intent = intent
        self.show_section_row(row)

    def show_section_row(self, row: int) -> None:
        if 0 <= row < self.sections.rowCount() and not self.navigation.isRowHidden(row):
            self.navigation.selectionModel().setCurrentIndex(
                self.sections.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def focus_next_pane(self, step: int = 1) -> None:
        """Put the keyboard focus in the next (``step`` 1) or previous pane."""
        focus_next_pane([self.navigation, self.message_bar, self.pages.currentWidget()], step)

    def _show_visible_section(self, n: int) -> None:
        # Ctrl+N counts the sections this account sees, skipping hidden ones.
        visible = [r for r in range(self.sections.rowCount())
                   if not self.navigation.isRowHidden(r)]
        if n < len(visible):
            self.show_section_row(visible[n])

    def _section_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.sections.key_at(current.row())
        self.message_bar.set_section(key)
        page = self.page(key or "")
        intent, self._intent = self._intent, None
        if page is not None:
            self.pages.setCurrentWidget(page)
            page.activate(intent)

    def _show_audience(self) -> None:
        """Show each section to the roles and account states its entry names."""
        role, state = self._role(), self._state()
        for row in range(self.sections.rowCount()):
            section = self.sections.section_at(row)
            self.navigation.setRowHidden(row, not section.audience.admits(role, state))
        current = self.navigation.currentIndex()
        if current.isValid() and self.navigation.isRowHidden(current.row()):
            self._show_visible_section(0)  # what was on screen is no longer for this account
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """Wide enough for the longest title this account sees (in its language)."""
        self.navigation.ensurePolished()
        widest = max((self.navigation.sizeHintForIndex(self.sections.index(row)).width()
                      for row in range(self.sections.rowCount())
                      if not self.navigation.isRowHidden(row)), default=0)
        margins = self.navigation.contentsMargins()
        self.navigation.setFixedWidth(
            max(NAVIGATION_WIDTH, widest + margins.left() + margins.right()))

    def _role(self) -> Role | None:
        account = self._session.account
        profile = self._profile.profile
        return account.role if account else (profile.user.role if profile else None)

    def _state(self) -> AccessState:
        return AccessState.of(self._profile.profile)

    # -- reactions ---------------------------------------------------------------------------
    def _show_account(self) -> None:
        account = self._session.account
        profile = self._profile.profile
        name = account.display_name if account else (profile.user.name if profile else "")
        organisation = account.organisation_name if account else ""
        self.organisation_name.setText(organisation)
        # Qt adds the application's name (" — Ouderportaal") to the title itself.
        self.setWindowTitle(organisation)
        self.user_menu_button.setText(name)
        self.user_menu_button.setAccessibleName(self.tr("User menu of {name}").format(name=name))
        shared_pc = bool(self._session.shared_pc)
        self.lock_action.setVisible(shared_pc)
        self.lock_action.setEnabled(shared_pc)
        self._show_audience()

    def _profile_changed(self, _profile: Profile) -> None:
        self._show_account()

    def _profile_problem(self, text: str) -> None:
        self.message_bar.show_message(text, source="profile", action_text=self.tr("Try again"),
                                      action=self._profile.refresh, section=None)

    def _profile_problem_solved(self) -> None:
        self.message_bar.clear("profile")

    def _writes_lost(self, text: str) -> None:
        self.message_bar.show_message(text, source="outbox-lost", section=None)

    def _outbox_problem(self, text: str) -> None:
        self.message_bar.show_message(text, source="outbox", action_text=self.tr("Try again"),
                                      action=self._outbox.deliver, section=None)

    def _outbox_problem_solved(self) -> None:
        self.message_bar.clear("outbox")

    def _remember_unavailable(self, text: str) -> None:
        self.message_bar.show_message(text, source="remember", section=None)

    def _update_available(self, version: str, download_url: str) -> None:
        # Calm and dismissable: an older app keeps working, the parent updates when it suits.
        self.message_bar.show_message(
            self.tr("A newer version of Ouderportaal ({version}) is available.").format(
                version=version),
            source="update", tone="info", section=None, action_text=self.tr("Download"),
            action=lambda: QDesktopServices.openUrl(QUrl(download_url)))

    def _lock(self) -> None:
        # Every other window first (docs/architecture.md, "The lock covers every window"):
        # a modal dialog would keep the focus from the lock screen's password field.
        self.lock_guard.engage()
        account = self._session.account
        self.lock_screen.prepare(account.display_name if account else "",
                                 account.email if account else "")
        self._set_content_enabled(False)
        self._stack.setCurrentWidget(self.lock_screen)
        # The status bar carries the pages' progress and messages: nothing of them shows.
        self.statusBar().clearMessage()
        self.statusBar().hide()
        self.raise_()
        self.activateWindow()
        self.lock_screen.password.setFocus()

    def _unlock(self) -> None:
        self.lock_screen.password.clear()
        self._set_content_enabled(True)
        self._stack.setCurrentIndex(0)
        self.statusBar().show()
        self.navigation.setFocus()
        self.lock_guard.release()  # the wizards and viewers that were open come back

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

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            # The session ended (the app hides this window then): nothing put aside returns.
            self.lock_guard.end()
        super().hideEvent(event)

