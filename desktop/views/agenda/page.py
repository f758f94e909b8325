"""The Agenda section: a month view (or the same month as a list) per family or child, a legend,
the selected day's details and the parent's actions (report absence, request a day, request
overview, calendar export)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.agenda.care import (
    care_ended_on,
    children_in_care,
    day_actions,
    extra_day_window,
)
from desktop.models.agenda.month import MonthModel
from desktop.models.agenda.month_list import MonthListModel
from desktop.models.shared import clock
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import Agenda, Profile
from desktop.views.agenda.absence_wizard import AbsenceWizard
from desktop.views.agenda.day_panel import DayPanel
from desktop.views.agenda.export_dialog import ExportDialog, open_export
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard
from desktop.views.agenda.legend import Legend
from desktop.views.agenda.month_grid import MonthGrid
from desktop.views.agenda.request_overview import RequestOverviewDialog
from desktop.views.shared.pages import OPEN_ITEM, Intent, PageContext
from desktop.views.shared.row_table import row_table
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService

__all__ = ["AgendaPage"]


class AgendaPage(QWidget):
    """The month view; parents also get "Afwezigheid doorgeven" and "Aanvragenoverzicht"."""

    def __init__(self, agenda: AgendaService, extra_days: ExtraDayService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self._agenda = agenda
        self._extra_days = extra_days
        self._profile: Profile | None = None
        self.model = MonthModel(self)

        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previousMonth")
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("nextMonth")
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.month_title = mark(QLabel("", self), "heading")
        self.month_title.setObjectName("monthTitle")
        self.month_title.setMinimumWidth(190)
        self.month_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setObjectName("today")
        self.child_filter = QComboBox(self)
        self.child_filter.setObjectName("childFilter")
        self.child_filter.setAccessibleName(self.tr("Show the agenda of"))
        self.absence_button = QPushButton(self.tr("Report absence"), self)
        self.absence_button.setObjectName("reportAbsence")
        self.absence_button.setDefault(True)
        self.extra_day_button = QPushButton(self.tr("Request a day"), self)
        self.extra_day_button.setObjectName("requestDay")
        self.overview_button = QPushButton(self.tr("Request overview"), self)
        self.overview_button.setObjectName("requestOverview")
        self.export_button = QPushButton(self.tr("Export to calendar…"), self)
        self.export_button.setObjectName("exportCalendar")
        self.export_button.setToolTip(self.tr(
            "Save the planning of your children as an .ics file for your calendar"))
        # Why "Report absence" and "Request a day" are not available (a contract that ended).
        self.care_note = mark(QLabel("", self), "muted")
        self.care_note.setObjectName("careNote")
        self.care_note.setWordWrap(True)
        self.care_note.hide()

        self.view = MonthGrid(self.model, self)

        # The same month as a list: easier to read out (screen readers) and to scan.
        self.list_model = MonthListModel(self.model, self)
        self.list_view = row_table(self.list_model, self, name="listView",
                                   accessible_name=self.tr("List"))
        header = self.list_view.horizontalHeader()
        for column, mode in ((MonthListModel.DATE, QHeaderView.ResizeMode.ResizeToContents),
                             (MonthListModel.CHILD, QHeaderView.ResizeMode.ResizeToContents),
                             (MonthListModel.PARTS, QHeaderView.ResizeMode.Stretch),
                             (MonthListModel.STATE, QHeaderView.ResizeMode.Stretch),
                             (MonthListModel.HOLIDAY, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.list_empty = mark(QLabel(self.tr("Nothing planned in this month."), self), "muted")
        self.list_empty.setObjectName("listEmpty")
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_empty)
        list_layout.addWidget(self.list_view, 1)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.view)
        self.views.addWidget(list_page)
        self.month_mode = QPushButton(self.tr("Month"), self)
        self.month_mode.setObjectName("monthMode")
        self.list_mode = QPushButton(self.tr("List"), self)
        self.list_mode.setObjectName("listMode")
        modes = QButtonGroup(self)
        for button in (self.month_mode, self.list_mode):
            button.setCheckable(True)
            modes.addButton(button)
        self.month_mode.setChecked(True)

        self.day_panel = DayPanel(self)
        self.day_title = self.day_panel.title
        self.day_details = self.day_panel.details

        self._build_layout(self.day_panel)
        self._connect()
        self._show_month_title()

    @classmethod
    def from_context(cls, context: PageContext) -> AgendaPage:
        """The page of the "agenda" section, following the profile; its services' news goes to
        the window's message bar."""
        services = context.services
        page = cls(services.agenda, services.extra_days, context.parent)
        services.profile.profileChanged.connect(page.set_profile)
        page.set_profile(services.profile.profile)
        return page

    # -- building ------------------------------------------------------------------------------
    def _build_layout(self, panel: QWidget) -> None:
        navigation = QHBoxLayout()
        navigation.setSpacing(6)
        for widget in (self.previous_button, self.month_title, self.next_button,
                       self.today_button):
            navigation.addWidget(widget)
        navigation.addSpacing(16)
        navigation.addWidget(self.child_filter)
        navigation.addStretch(1)
        navigation.addWidget(self.month_mode)
        navigation.addWidget(self.list_mode)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.absence_button)
        actions.addWidget(self.extra_day_button)
        actions.addWidget(self.overview_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        self.legend = Legend(self)  # the month grid's shapes; the list says it in words
        self.legend_labels = self.legend.labels
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.views, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(navigation)
        layout.addLayout(actions)
        layout.addWidget(self.care_note)
        layout.addLayout(body, 1)
        layout.addWidget(self.legend)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.today_button.clicked.connect(self.go_to_today)
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self,
                  lambda: self.move_month(-1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self,
                  lambda: self.move_month(1))
        self.child_filter.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.dayStepped.connect(self._step_day)
        self.view.dayActivated.connect(self._focus_day_action)
        self.day_panel.reportAbsence.connect(self.open_absence_wizard)
        self.day_panel.requestDay.connect(self.open_extra_day_wizard)
        self.list_mode.toggled.connect(self.show_list)
        self.list_view.selectionModel().currentChanged.connect(self._list_row_changed)
        self.list_model.modelReset.connect(self._list_changed)
        self.absence_button.clicked.connect(lambda: self.open_absence_wizard())
        self.overview_button.clicked.connect(self.open_request_overview)
        self.extra_day_button.clicked.connect(lambda: self.open_extra_day_wizard())
        self._extra_days.changed.connect(self._agenda.refresh)
        self.export_button.clicked.connect(self.export_calendar)
        self._agenda.agendaChanged.connect(self._agenda_changed)

    # -- data ----------------------------------------------------------------------------------
    def set_profile(self, profile: Profile | None) -> None:
        self._profile = profile
        children = list(profile.children) if profile else []
        self.model.set_children({c.id: c.first_name for c in children})
        current = self.child_filter.currentData()
        self.child_filter.blockSignals(True)
        self.child_filter.clear()
        self.child_filter.addItem(self.tr("All children"), None)
        for child in children:
            self.child_filter.addItem(child.first_name, child.id)
        index = self.child_filter.findData(current)
        self.child_filter.setCurrentIndex(max(index, 0))
        self.child_filter.blockSignals(False)
        is_parent = profile is not None and profile.user.role.is_parent
        for button in (self.absence_button, self.extra_day_button, self.overview_button):
            button.setVisible(is_parent)
        self._show_care(children)
        self.export_button.setEnabled(bool(children))
        self._show_day(self._selected_date())

    def _show_care(self, children: list) -> None:
        """Offer reporting and requesting only while there is care to report or request."""
        today = clock.today()
        ended = care_ended_on(children, today)
        can_request = bool(children_in_care(children, extra_day_window(
            self._agenda.policy, today)[0]))
        self.absence_button.setEnabled(ended is None and bool(children))
        self.extra_day_button.setEnabled(can_request)
        if ended is not None:
            note = self.tr("Your contract ended on {date}: absences and extra days can no "
                           "longer be reported here.").format(date=format_date(ended))
        elif children and not can_request:
            note = self.tr("Your contract ends too soon to request an extra day.")
        else:
            note = ""
        self.care_note.setText(note)
        self.care_note.setVisible(bool(note) and self.absence_button.isVisibleTo(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.day_panel.fit(event.size().width())
        super().resizeEvent(event)

    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible: show (and refresh) the month on screen, or the day a
        clicked notification is about (a decision on an extra day)."""
        self._agenda.show_month(*self.model.month)
        if intent is not None and intent.action == OPEN_ITEM and isinstance(intent.item, date):
            self.select_date(intent.item)
        elif not self.view.currentIndex().isValid():
            self.select_date(clock.today())

    def move_month(self, delta: int) -> None:
        year, month = self.model.month
        month += delta
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        selected = self._selected_date()
        day = min(selected.day if selected else 1, 28)
        self.select_date(date(year, month, day))

    def go_to_today(self) -> None:
        self.select_date(clock.today())

    def _step_day(self, days: int) -> None:
        selected = self._selected_date() or clock.today()
        self.select_date(selected + timedelta(days=days))

    def _focus_day_action(self) -> None:
        button = self.day_panel.first_action()
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_date(self, day: date) -> None:
        if (day.year, day.month) != self.model.month:
            self.model.set_month(day.year, day.month)
            self._show_month_title()
            self._agenda.show_month(day.year, day.month)
        index = self.model.index_of(day)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._select_list_row(day)
        (self.list_view if self.views.currentIndex() == 1 else self.view).setFocus()

    def show_list(self, as_list: bool = True) -> None:
        """Show the month as a list (True) or as the month grid."""
        (self.list_mode if as_list else self.month_mode).setChecked(True)
        self.views.setCurrentIndex(1 if as_list else 0)
        self.legend.setVisible(not as_list)
        self._select_list_row(self._selected_date())

    def _select_list_row(self, day: date | None) -> None:
        current = self.list_view.currentIndex()
        if day is None or (current.isValid()
                           and current.data(MonthListModel.Role.Date) == day):
            return
        row = self.list_model.row_of(day)
        selection = self.list_view.selectionModel()
        if row < 0:
            selection.clear()  # a day without rows: nothing in the list is that day
            return
        selection.setCurrentIndex(self.list_model.index(row, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)

    def _list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = current.data(MonthListModel.Role.Date) if current.isValid() else None
        # Only the list on screen chooses the day (the hidden one merely follows).
        if self.views.currentIndex() == 1 and day is not None and day != self._selected_date():
            self.view.selectionModel().setCurrentIndex(
                self.model.index_of(day), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _list_changed(self) -> None:
        self.list_empty.setVisible(self.list_model.rowCount() == 0)
        self._select_list_row(self._selected_date())

    def _agenda_changed(self, agenda: Agenda) -> None:
        self.model.set_agenda(agenda)
        self._show_day(self._selected_date())

    def _filter_changed(self, _row: int) -> None:
        self.model.set_child_filter(self.child_filter.currentData())
        self._show_day(self._selected_date())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        day = self.model.date_at(current)
        if (day.year, day.month) != self.model.month:
            # Arrow keys across the month border: follow into that month.
            self.select_date(day)
            return
        self._show_day(day)

    def _selected_date(self) -> date | None:
        index = self.view.currentIndex()
        return self.model.date_at(index) if index.isValid() else None

    def _show_month_title(self) -> None:
        year, month = self.model.month
        self.month_title.setText(QLocale().toString(QDate(year, month, 1), "MMMM yyyy"))

    def _show_day(self, day: date | None) -> None:
        children = list(self._profile.children) if self._profile else []
        names = {c.id: c.first_name for c in children}
        wanted = self.child_filter.currentData()
        self.day_panel.show_day(day, self.model, names, wanted)
        is_parent = self._profile is not None and self._profile.user.role.is_parent
        if day is not None and is_parent:
            actions = day_actions(day, self.model.day(day), children, wanted,
                                  self._agenda.policy, clock.today())
            self.day_panel.set_actions(actions)
        else:
            self.day_panel.set_actions(day_actions(date.min, None, (), None,
                                                   self._agenda.policy, clock.today()))

    # -- actions -------------------------------------------------------------------------------
    def open_absence_wizard(self, day: date | None = None) -> AbsenceWizard:
        wizard = AbsenceWizard(self._agenda, self._profile, day or self._selected_date(), self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_extra_day_wizard(self, day: date | None = None) -> ExtraDayWizard:
        wizard = ExtraDayWizard(self._extra_days, self._agenda, self._profile,
                                self._agenda.online, self, start=day)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_request_overview(self) -> RequestOverviewDialog:
        dialog = RequestOverviewDialog(self._agenda, self._extra_days, self._profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export_dialog(self) -> ExportDialog:
        children = list(self._profile.children) if self._profile else []
        return open_export(self._agenda, children, self.child_filter.currentData(), self)

    def export_calendar(self) -> None:
        if self._profile is not None and self._profile.children:
            self.open_export_dialog()
