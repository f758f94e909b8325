"""The account page: who you are, what your role means, what stays on this computer, and your
logged-in devices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.auth_sessions import AuthSessionsModel
from desktop.models.shared.records import AuthSession, Profile, Role
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.container import Services

__all__ = ["AccountPage"]


class AccountPage(QWidget):
    """Name, e-mail, role explained, what this computer keeps, and the devices table.

    Signals: ``endSessionRequested(session_id)`` for "Log out this device";
    ``keepOfflineCopyChanged(bool)`` when the user changes "keep my data on this computer".
    """

    endSessionRequested = Signal(str)
    keepOfflineCopyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPage")
        self.sessions_model = AuthSessionsModel(parent=self)
        self._sessions_loaded = False

        title = mark(QLabel(self.tr("Account"), self), "heading")
        self.name = QLabel("", self)
        self.name.setObjectName("accountName")
        self.email = QLabel("", self)
        self.email.setObjectName("accountEmail")
        self.organisation = QLabel("", self)
        self.organisation.setObjectName("accountOrganisation")
        self.role = QLabel("", self)
        self.role.setObjectName("accountRole")
        for label in (self.name, self.email, self.organisation, self.role):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        form.addRow(mark(QLabel(self.tr("Name"), self), "fieldLabel"), self.name)
        form.addRow(mark(QLabel(self.tr("E-mail address"), self), "fieldLabel"), self.email)
        form.addRow(mark(QLabel(self.tr("Organisation"), self), "fieldLabel"), self.organisation)
        form.addRow(mark(QLabel(self.tr("Role"), self), "fieldLabel"), self.role)

        self.role_explanation = mark(QLabel("", self), "notice")
        self.role_explanation.setObjectName("roleExplanation")
        self.role_explanation.setWordWrap(True)
        self.shared_pc_note = mark(QLabel("", self), "muted")
        self.shared_pc_note.setObjectName("sharedPcNote")
        self.shared_pc_note.setWordWrap(True)
        self.keep_copy = QCheckBox(self.tr("&Keep my data on this computer after logging out"),
                                   self)
        self.keep_copy.setObjectName("keepOfflineCopy")
        self.keep_copy.setToolTip(self.tr(
            "Without it, logging out removes the copy; logging in again fetches it anew."))
        self.keep_copy.hide()

        devices_title = mark(QLabel(self.tr("Logged-in devices"), self), "subheading")
        devices_hint = mark(QLabel(self.tr(
            "Computers and phones where your account is logged in. Log out a device you do not "
            "recognise or no longer use."), self), "muted")
        devices_hint.setWordWrap(True)
        self.sessions_table = row_table(self.sessions_model, self, name="devices",
                                        accessible_name=self.tr("Logged-in devices"),
                                        alternating=False)
        self.sessions_table.setShowGrid(False)
        header = self.sessions_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(AuthSessionsModel.COLUMN_DEVICE, QHeaderView.ResizeMode.Stretch)
        for column in (AuthSessionsModel.COLUMN_SINCE, AuthSessionsModel.COLUMN_LAST_USED,
                       AuthSessionsModel.COLUMN_THIS_DEVICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.sessions_status = mark(QLabel(self.tr("Loading the list of devices…"), self), "muted")
        self.sessions_status.setObjectName("devicesStatus")
        self.end_session = QPushButton(self.tr("Log out this device"), self)
        self.end_session.setObjectName("endSession")
        self.end_session.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.role_explanation)
        layout.addWidget(self.shared_pc_note)
        layout.addWidget(self.keep_copy)
        layout.addSpacing(10)
        layout.addWidget(devices_title)
        layout.addWidget(devices_hint)
        layout.addWidget(self.sessions_status)
        layout.addWidget(self.sessions_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.end_session)
        layout.addLayout(buttons)

        self.sessions_table.selectionModel().selectionChanged.connect(self._update_end_button)
        self.sessions_model.modelReset.connect(self._update_end_button)
        self.end_session.clicked.connect(self._end_selected)
        self.keep_copy.clicked.connect(self.keepOfflineCopyChanged)
        self._services: Services | None = None
        self._messages: MessageBar | None = None

    @classmethod
    def from_context(cls, context: PageContext) -> AccountPage:
        """The page of the "account" section: the logged-in account and its auth sessions
        (the devices), fetched each time the section is shown."""
        page = cls(context.parent)
        page._services = context.services
        page._messages = context.messages
        services = context.services
        services.profile.profileChanged.connect(page._show_account)
        services.auth_sessions.sessionsChanged.connect(page._sessions_changed)
        services.auth_sessions.problem.connect(page._sessions_problem)
        page.endSessionRequested.connect(services.auth_sessions.end)
        page.keepOfflineCopyChanged.connect(services.session.set_keep_offline_copy)
        page._show_account()
        return page

    def activate(self, intent: Intent | None = None) -> None:
        """The device list changes elsewhere (other devices log in); fetch it when looked at."""
        if self._services is not None:
            self._show_account()
            self._services.auth_sessions.load()

    def _show_account(self, *_args: object) -> None:
        if self._services is None:
            return
        account = self._services.session.account
        profile = self._services.profile.profile
        role = account.role if account else (profile.user.role if profile else None)
        if role is None:
            return
        name = account.display_name if account else profile.user.name
        session = self._services.session
        self.set_account(name=name, email=account.email if account else profile.user.email,
                         organisation=account.organisation_name if account else "", role=role,
                         shared_pc=bool(session.shared_pc), profile=profile,
                         keep_copy=bool(session.keep_offline_copy))

    def _sessions_changed(self, sessions: list[AuthSession]) -> None:
        self.set_sessions(sessions)
        if self._messages is not None:
            self._messages.clear("auth-sessions")

    def _sessions_problem(self, text: str) -> None:
        self.sessions_unavailable()
        if self._messages is not None and self._services is not None:
            self._messages.show_message(text, source="auth-sessions",
                                        action_text=self.tr("Try again"),
                                        action=self._services.auth_sessions.load)

    # -- filling -----------------------------------------------------------------------------
    def set_account(self, *, name: str, email: str, organisation: str, role: Role,
                    shared_pc: bool, profile: Profile | None, keep_copy: bool = False) -> None:
        self.name.setText(name)
        self.email.setText(email)
        self.organisation.setText(organisation)
        self.role.setText(self.role_title(role))
        self.role_explanation.setText(self.role_explanation_text(role, profile))
        self.shared_pc_note.setText(self.tr(
            "This is a shared computer: nothing is remembered, the screen locks when you are "
            "away for a while, and logging out removes your data from this computer.")
            if shared_pc else self.tr(
            "While you are logged in, this computer keeps a copy of your data, so you can see "
            "it without an internet connection."))
        self.keep_copy.setVisible(not shared_pc)
        self.keep_copy.setChecked(keep_copy and not shared_pc)

    def role_title(self, role: Role) -> str:
        return {
            Role.PRIMARY_PARENT: self.tr("First parent/guardian"),
            Role.SECONDARY_PARENT: self.tr("Second parent/guardian"),
            Role.STAFF: self.tr("Pedagogical staff member"),
            Role.MANAGER: self.tr("Location manager"),
        }[role]

    def role_explanation_text(self, role: Role, profile: Profile | None) -> str:
        if role is Role.PRIMARY_PARENT:
            return self.tr("You are the first parent/guardian: you see your children, their "
                           "planning and requests, and the invoices and documents.")
        if role is Role.SECONDARY_PARENT:
            family = profile.family if profile is not None else None
            if family is None or not family.primary_parent_name:
                return self.tr(
                    "Invoices and documents are only visible to the first parent/guardian. "
                    "Contact the location to change this.")
            return self.tr(
                "Invoices and documents are only visible to {primary}, the first "
                "parent/guardian. Contact the location to change this.").format(
                primary=family.primary_parent_name)
        if role is Role.STAFF:
            return self.tr("As a pedagogical staff member you see your own groups and decide "
                           "on their requests for extra days.")
        return self.tr("As a location manager you see the groups of your locations and decide "
                       "on their requests for extra days.")

    def set_sessions(self, sessions: Sequence[AuthSession]) -> None:
        self._sessions_loaded = True
        self.sessions_model.set_sessions(sessions)
        others = sum(1 for s in sessions if not s.current)
        if not sessions:
            self.sessions_status.setText(self.tr("No logged-in devices were found."))
        elif others == 0:
            self.sessions_status.setText(self.tr("Your account is only logged in on this "
                                                "device."))
        else:
            self.sessions_status.setText(self.tr(
                "Select a device in the list to log it out."))

    def sessions_unavailable(self) -> None:
        """The list could not be fetched (the message bar says why); don't keep saying "Loading"."""
        if not self._sessions_loaded:
            self.sessions_status.setText(self.tr("The list of devices could not be loaded."))

    @property
    def sessions_loaded(self) -> bool:
        return self._sessions_loaded

    # -- actions -----------------------------------------------------------------------------
    def _selected_row(self) -> int:
        rows = self.sessions_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_end_button(self) -> None:
        row = self.sessions_model.session_at(self._selected_row())
        self.end_session.setEnabled(row is not None and not row.current)

    def _end_selected(self) -> None:
        row = self.sessions_model.session_at(self._selected_row())
        if row is not None and not row.current:
            self.endSessionRequested.emit(row.session_id)
