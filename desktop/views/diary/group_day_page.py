"""Groep vandaag, the first page staff see: their group's children today (or yesterday, to
correct; a location manager any earlier day too — the days `GET /group-day` and the writes
allow, docs/api.md "Group day and diary") with their status, care notes, one click or key for
arrival (A) and departure (V in Dutch, W in English), the counts against the group's places,
and from a child its day report (``day_report.py``) — for several children at once when
several are selected."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.diary.group_day import GroupDayModel, counts_text
from desktop.models.shared.records import ChildStatus, GroupDay, GroupDayChild, Role
from desktop.views.diary.day_report import DayReportDialog
from desktop.views.diary.history_dialog import AttendanceHistoryDialog
from desktop.views.shared.date_field import DateField
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.diary.group_day import GroupDayService
    from desktop.services.diary.service import DiaryService

__all__ = ["GroupDayPage"]


class GroupDayPage(QWidget):
    def __init__(self, service: GroupDayService, groups: list[tuple[int, str]],
                 parent: QWidget | None = None, *, older_days: bool = False,
                 diary: DiaryService | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.setObjectName("groupDayPage")
        self._service = service
        self._messages: MessageBar | None = None
        self.model = GroupDayModel(self)
        self.report: DayReportDialog | None = None

        title = mark(QLabel(self.tr("Group today"), self), "heading")
        self.group = QComboBox(self)
        self.group.setObjectName("group")
        self.group.setAccessibleName(self.tr("Group"))
        for group_id, name in groups:
            self.group.addItem(name, group_id)
        self.today_button = QRadioButton(self.tr("Today"), self)
        self.today_button.setObjectName("today")
        self.today_button.setChecked(True)
        self.yesterday_button = QRadioButton(self.tr("Yesterday"), self)
        self.yesterday_button.setObjectName("yesterday")
        days = QButtonGroup(self)
        days.addButton(self.today_button)
        days.addButton(self.yesterday_button)
        # A manager corrects older days too; nobody registers a day to come.
        today = service.today()
        self.other_button = QRadioButton(self.tr("Earlier day"), self)
        self.other_button.setObjectName("otherDay")
        self.other_day = DateField(today - timedelta(days=2), latest=today - timedelta(days=2),
                                   parent=self)
        self.other_day.setObjectName("otherDayDate")
        self.other_day.setAccessibleName(self.tr("Earlier day"))
        self.other_day.setEnabled(False)
        days.addButton(self.other_button)
        for widget in (self.other_button, self.other_day):
            widget.setVisible(older_days)
        self.counts = mark(QLabel("", self), "muted")
        self.counts.setObjectName("groupCounts")
        self.counts.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("groupDay")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Children of the group"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GroupDayModel.Column.NOTES, QHeaderView.ResizeMode.Stretch)

        self.arrive_button = QPushButton(self.tr("Arrived"), self)
        self.arrive_button.setObjectName("arrive")
        mark(self.arrive_button, "primary")
        self.depart_button = QPushButton(self.tr("Went home"), self)
        self.depart_button.setObjectName("depart")
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("undoAttendance")
        self.history_button = QPushButton(self.tr("History…"), self)
        self.history_button.setObjectName("attendanceHistory")
        self.history_button.setToolTip(self.tr("Who registered and corrected arrival and "
                                                "departure, and when"))
        self.history: AttendanceHistoryDialog | None = None
        self.report_button = QPushButton(self.tr("Day report…"), self)
        self.report_button.setObjectName("dayReport")
        # One key each in the list, as on a till: the first letter of the word shown.
        self.arrive_key = self.tr("A", "key: arrived")
        self.depart_key = self.tr("W", "key: went home")
        self.table.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.group)
        top.addWidget(self.today_button)
        top.addWidget(self.yesterday_button)
        top.addWidget(self.other_button)
        top.addWidget(self.other_day)
        buttons = QHBoxLayout()
        buttons.addWidget(self.arrive_button)
        buttons.addWidget(self.depart_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        hint = mark(QLabel(self.tr(
            "Select a child and press {arrive} when it arrives and {depart} when it goes home; "
            "Enter opens its day report. Select several children to write for all of them at "
            "once.")
            .format(arrive=self.arrive_key, depart=self.depart_key), self), "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.group.currentIndexChanged.connect(lambda _n: self.refresh())
        days.buttonToggled.connect(lambda _button, on: on and self.refresh())
        self.other_button.toggled.connect(self.other_day.setEnabled)
        self.other_day.dateChanged.connect(lambda _d: self.refresh())
        self.arrive_button.clicked.connect(self.arrive)
        self.depart_button.clicked.connect(self.depart)
        self.undo_button.clicked.connect(self.undo)
        self.report_button.clicked.connect(self.open_report)
        self.history_button.clicked.connect(self.open_history)
        self.table.activated.connect(lambda _index: self.open_report())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        service.dayChanged.connect(self._day_changed)
        service.loadFailed.connect(self._load_failed)
        service.registerFailed.connect(self.model.set_problem)
        self._enable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and not event.modifiers() & ~(
                    Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            key = event.text().upper()
            if key == self.arrive_key.upper():
                self.arrive()
                return True
            if key == self.depart_key.upper():
                self.depart()
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def from_context(cls, context: PageContext) -> GroupDayPage:
        profile = context.services.profile.profile
        groups = [(g.id, g.name) for g in profile.groups] if profile is not None else []
        account = context.services.session.account
        page = cls(context.services.group_day, groups, context.parent,
                   older_days=account is not None and account.role is Role.MANAGER,
                   diary=context.services.diary)
        page._messages = context.messages
        return page

    def activate(self, intent: Intent | None = None) -> None:
        self.refresh()

    def day(self) -> date:
        today = self._service.today()
        if self.other_button.isChecked():
            return self.other_day.day
        return today if self.today_button.isChecked() else today - timedelta(days=1)

    def refresh(self) -> None:
        group_id = self.group.currentData()
        if group_id is not None:
            self._service.load(group_id, self.day())

    def selected(self) -> list[GroupDayChild]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [c for c in (self.model.child_at(r) for r in rows) if c is not None]

    def arrive(self) -> None:
        for child in self.selected():
            if child.arrived_at is not None:
                continue
            if child.status is ChildStatus.NOT_EXPECTED and not child.note:
                self._ask_why(child)
            else:
                self._service.arrive(child.child_id)

    def depart(self) -> None:
        for child in self.selected():
            if child.arrived_at is not None and child.left_at is None:
                self._service.depart(child.child_id)

    def undo(self) -> None:
        for child in self.selected():
            if child.arrived_at is not None:
                self._service.undo(child.child_id)

    def open_report(self) -> None:
        children = self.selected()
        if not children:
            return
        if self.report is not None:
            self.report.close()
        self.report = DayReportDialog(self._service, children, self.day(), self,
                                      diary=self._diary)
        self.report.open()

    def open_history(self) -> None:
        children = self.selected()
        if len(children) == 1:
            self.history = AttendanceHistoryDialog(self._service, children[0], self.day(), self)
            self.history.open()

    def _ask_why(self, child: GroupDayChild) -> None:
        dialog = ReasonDialog(
            self.tr("Not expected today"),
            self.tr("{name} is not expected today. Why is {name} here?").format(
                name=child.first_name),
            self.tr("For example: swapped day, extra day agreed by phone"), self.tr("Note"),
            self.tr("Register arrival"), self)
        dialog.accepted.connect(lambda: self._service.arrive(child.child_id, dialog.text()))
        dialog.open()

    def _day_changed(self, day: GroupDay) -> None:
        selected = [c.child_id for c in self.selected()]
        self.model.set_day(day)
        self.counts.setText(counts_text(day))
        selection = self.table.selectionModel()
        for child_id in selected:
            row = self.model.row_of(child_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if self._messages is not None:
            self._messages.clear("group-day")
        self._enable()

    def _load_failed(self, message: str) -> None:
        if self._messages is not None:
            self._messages.show_message(message, source="group-day", tone="warning")

    def _enable(self) -> None:
        chosen = self.selected()
        self.arrive_button.setEnabled(any(c.arrived_at is None for c in chosen))
        self.depart_button.setEnabled(any(c.arrived_at is not None and c.left_at is None
                                          for c in chosen))
        self.undo_button.setEnabled(any(c.arrived_at is not None for c in chosen))
        self.report_button.setEnabled(bool(chosen))
        self.history_button.setEnabled(len(chosen) == 1)
