"""The Agenda section: a month view (or the same month as a list) per family or child, a legend,
the selected day's details and the parent's actions (report absence, request a day, request
overview, calendar export)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.agenda.month import MonthModel
from desktop.models.agenda.month_list import MonthListModel
from desktop.models.shared.formatting import day_part_label
from desktop.models.shared.records import Agenda, DayPart, Profile
from desktop.services.shared.errors import disk_message
from desktop.views.agenda.absence_wizard import AbsenceWizard
from desktop.views.agenda.day_delegate import DayDelegate
from desktop.views.agenda.day_panel import DayPanel
from desktop.views.agenda.extra_day_wizard import ExtraDayWizard
from desktop.views.agenda.legend import Legend
from desktop.views.agenda.request_overview import RequestOverviewDialog
from desktop.views.shared.pages import Intent, PageContext
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
            "Save the planning of the chosen child as an .ics file for your calendar"))

        self.view = QTableView(self)
        self.view.setObjectName("monthView")
        self.view.setAccessibleName(self.tr("Month"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(DayDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setShowGrid(True)
        self.view.setMinimumHeight(6 * 70)

        # The same month as a list: easier to read out (screen readers) and to scan.
        self.list_model = MonthListModel(self.model, self)
        self.list_view = row_table(self.list_model, self, name="listView",
                                   accessible_name=self.tr("List"))
        header = self.list_view.horizontalHeader()
        for column, mode in ((MonthListModel.DATE, QHeaderView.ResizeMode.ResizeToContents),
                             (MonthListModel.CHILD, QHeaderView.ResizeMode.ResizeToContents),
                             (MonthListModel.PARTS, QHeaderView.ResizeMode.Stretch),
                             (MonthListModel.STATE, QHeaderView.ResizeMode.Stretch)):
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
        self.list_mode.toggled.connect(self.show_list)
        self.list_view.selectionModel().currentChanged.connect(self._list_row_changed)
        self.list_model.modelReset.connect(self._list_changed)
        self.absence_button.clicked.connect(self.open_absence_wizard)
        self.overview_button.clicked.connect(self.open_request_overview)
        self.extra_day_button.clicked.connect(self.open_extra_day_wizard)
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
        self.export_button.setEnabled(bool(children))
        self._show_day(self._selected_date())

    def activate(self, intent: Intent | None = None) -> None:
        """The section became visible: show (and refresh) the month on screen."""
        self._agenda.show_month(*self.model.month)
        if not self.view.currentIndex().isValid():
            self.select_date(date.today())

    def move_month(self, delta: int) -> None:
        year, month = self.model.month
        month += delta
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        selected = self._selected_date()
        day = min(selected.day if selected else 1, 28)
        self.select_date(date(year, month, day))

    def go_to_today(self) -> None:
        self.select_date(date.today())

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
        names = {c.id: c.first_name for c in (self._profile.children if self._profile else ())}
        self.day_panel.show_day(day, self.model, names, self.child_filter.currentData())

    # -- actions -------------------------------------------------------------------------------
    def open_absence_wizard(self) -> AbsenceWizard:
        wizard = AbsenceWizard(self._agenda, self._profile, self._selected_date(), self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_extra_day_wizard(self) -> ExtraDayWizard:
        wizard = ExtraDayWizard(self._extra_days, self._agenda.policy, self._profile,
                                self._agenda.online, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_request_overview(self) -> RequestOverviewDialog:
        dialog = RequestOverviewDialog(self._agenda, self._extra_days, self._profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_calendar(self) -> None:
        children = list(self._profile.children) if self._profile else []
        if not children:
            return
        wanted = self.child_filter.currentData()
        child = next((c for c in children if c.id == wanted), children[0])
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the planning of {name}").format(name=child.first_name),
            self.tr("Planning {name}.ics").format(name=child.first_name),
            self.tr("Calendar files (*.ics)"))
        if path:
            self.save_calendar(path, child.id, child.first_name)

    def save_calendar(self, path: str, child_id: int, name: str) -> None:
        labels = {part: day_part_label(part.value) for part in DayPart}
        try:
            count = self._agenda.export_calendar(path, child_id, name, labels)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export to calendar"), self.tr(
                "The calendar file could not be saved. {reason}").format(
                reason=disk_message(error)))
            return
        QMessageBox.information(self, self.tr("Export to calendar"), self.tr(
            "{count} planned day-parts of {name} were saved. Open the file with your calendar "
            "program to add them.").format(count=count, name=name))

