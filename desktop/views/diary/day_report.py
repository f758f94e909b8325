"""The day report of one or more children (staff): what was written today, quick additions
for the rhythm ("Fles 180 ml", "Slapen 12:30–14:15") and the day text. One entry for several
children at once when more than one is chosen ("iedereen fruit gegeten om 10:00")."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.diary.entries import day_lines, kind_label
from desktop.models.shared.records import (
    DiaryDay,
    DiaryEntry,
    EntryDraft,
    EntryKind,
    GroupDayChild,
)
from desktop.views.diary.entries_dialog import OwnEntriesDialog
from desktop.views.shared.date_field import TimeField
from desktop.views.shared.limited_text import LimitedText
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.diary.group_day import GroupDayService
    from desktop.services.diary.service import DiaryService

__all__ = ["DayReportDialog"]

TEXT_LIMIT = 4000  # what the portal accepts for the day text


class DayReportDialog(SessionDialog):
    """Writes through ``GroupDayService.write``; what was typed stays until the portal took it
    (a refusal shows in the dialog and nothing is cleared)."""

    def __init__(self, service: GroupDayService, children: list[GroupDayChild], day: date,
                 parent: QWidget | None = None, *, diary: DiaryService | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._diary = diary
        self._mine: list[DiaryEntry] = []
        self.entries_dialog: OwnEntriesDialog | None = None
        self._children = children
        self._day = day
        names = ", ".join(c.first_name for c in children)
        self.setWindowTitle(self.tr("Day report: {names}").format(names=names))
        self.resize(620, 640)
        self.written_today = QLabel(self.tr("Loading…"), self)
        self.written_today.setObjectName("writtenToday")
        self.written_today.setWordWrap(True)
        self.written_today.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never HTML
        self.problem = mark(QLabel("", self), "warning")
        self.problem.setObjectName("reportProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        now = datetime.now()
        self.at = TimeField(time(now.hour, now.minute), self)
        self.at.setObjectName("entryTime")
        self.at.setAccessibleName(self.tr("Time"))
        quick = QGridLayout()
        self.quick_buttons: dict[str, QPushButton] = {}
        for n, (key, label, kind, details) in enumerate(self._quick()):
            button = QPushButton(label, self)
            button.setObjectName(f"quick-{key}")
            button.clicked.connect(lambda _=False, k=kind, d=details: self._add(k, d))
            self.quick_buttons[key] = button
            quick.addWidget(button, n // 3, n % 3)

        self.sleep_until = TimeField(time(14, 15), self)
        self.sleep_until.setObjectName("sleepUntil")
        self.sleep_until.setAccessibleName(self.tr("Slept until"))
        sleep = QPushButton(self.tr("Add sleep"), self)
        sleep.setObjectName("addSleep")
        sleep.clicked.connect(self._add_sleep)
        self.bottle = QSpinBox(self)
        self.bottle.setObjectName("bottleMl")
        self.bottle.setRange(10, 1000)
        self.bottle.setSingleStep(10)
        self.bottle.setValue(180)
        self.bottle.setSuffix(" ml")
        self.bottle.setAccessibleName(self.tr("Bottle in ml"))
        bottle = QPushButton(self.tr("Add bottle"), self)
        bottle.setObjectName("addBottle")
        bottle.clicked.connect(lambda: self._add(EntryKind.DRINKEN, {"ml": self.bottle.value()}))
        self.celsius = QDoubleSpinBox(self)
        self.celsius.setObjectName("celsius")
        self.celsius.setRange(34.0, 42.5)
        self.celsius.setDecimals(1)
        self.celsius.setValue(37.0)
        self.celsius.setSuffix(" °C")
        self.celsius.setAccessibleName(self.tr("Temperature"))
        temperature = QPushButton(self.tr("Add temperature"), self)
        temperature.setObjectName("addTemperature")
        temperature.clicked.connect(
            lambda: self._add(EntryKind.TEMPERATUUR, {"celsius": self.celsius.value()}))
        self.activity = QLineEdit(self)
        self.activity.setObjectName("activity")
        self.activity.setMaxLength(200)
        self.activity.setPlaceholderText(self.tr("Activity or note, e.g. painted outside"))
        self.activity.setAccessibleName(self.tr("Activity or note"))
        self.activity_kind = QComboBox(self)
        self.activity_kind.setObjectName("activityKind")
        self.activity_kind.setAccessibleName(self.tr("Kind of entry"))
        for kind in (EntryKind.ACTIVITEIT, EntryKind.NOTITIE):
            self.activity_kind.addItem(kind_label(kind), kind)
        add_text = QPushButton(self.tr("Add"), self)
        add_text.setObjectName("addActivity")
        add_text.clicked.connect(self._add_activity)
        self.medicine = QLineEdit(self)
        self.medicine.setObjectName("medicine")
        self.medicine.setMaxLength(200)
        self.medicine.setPlaceholderText(self.tr("Medicine"))
        self.medicine.setAccessibleName(self.tr("Medicine"))
        self.dose = QLineEdit(self)
        self.dose.setObjectName("dose")
        self.dose.setMaxLength(200)
        self.dose.setPlaceholderText(self.tr("Dose"))
        self.dose.setAccessibleName(self.tr("Dose"))
        self.add_medicine = QPushButton(self.tr("Add medication"), self)
        self.add_medicine.setObjectName("addMedication")
        self.add_medicine.clicked.connect(self._add_medication)
        consent = all(c.medication_consent for c in children)
        for widget in (self.medicine, self.dose, self.add_medicine):
            widget.setEnabled(consent)
        if not consent:
            self.add_medicine.setToolTip(self.tr("The parents gave no consent for medication."))

        form = QFormLayout()
        form.addRow(self.tr("Time"), self.at)
        form.addRow(self.tr("Sleep until"), self._row(self.sleep_until, sleep))
        form.addRow(self.tr("Bottle"), self._row(self.bottle, bottle))
        form.addRow(self.tr("Temperature"), self._row(self.celsius, temperature))
        form.addRow(self.tr("Activity"), self._row(self.activity_kind, self.activity, add_text))
        form.addRow(self.tr("Medication"), self._row(self.medicine, self.dose,
                                                     self.add_medicine))

        self.text = LimitedText(TEXT_LIMIT, self.tr("How was the day? The parents read this."),
                                self.tr("Day report"), self)
        self.text.setObjectName("dayText")
        self.save_text = QPushButton(self.tr("Save day report"), self)
        self.save_text.setObjectName("saveDayText")
        mark(self.save_text, "primary")
        self.save_text.clicked.connect(self._save_text)
        self.text.changed.connect(self._text_changed)
        self.edit_button = QPushButton(self.tr("Change my entries…"), self)
        self.edit_button.setObjectName("editEntries")
        self.edit_button.setEnabled(False)
        self.edit_button.setVisible(diary is not None and len(children) == 1)
        self.edit_button.clicked.connect(self.edit_entries)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(mark(QLabel(self.tr("Written today"), self), "subheading"))
        layout.addWidget(self.written_today)
        layout.addWidget(self.problem)
        layout.addWidget(mark(QLabel(self.tr("Add to the day"), self), "subheading"))
        layout.addLayout(quick)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_text)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._text_changed()
        service.reportChanged.connect(self._report)
        service.written.connect(self._written)
        service.writeFailed.connect(self._write_failed)
        if diary is not None:
            diary.entrySaved.connect(self._entry_saved)
        if len(children) == 1:
            service.load_report(children[0].child_id)
        else:
            self.written_today.setText(self.tr(
                "What you add now is written for each of: {names}.").format(names=names))

    def _quick(self) -> list[tuple[str, str, EntryKind, dict[str, Any]]]:
        return [("fruit", self.tr("Fruit, all eaten"), EntryKind.ETEN,
                 {"what": self.tr("fruit"), "amount": "alles"}),
                ("bread", self.tr("Sandwich, all eaten"), EntryKind.ETEN,
                 {"what": self.tr("sandwich"), "amount": "alles"}),
                ("bottle", self.tr("Bottle 180 ml"), EntryKind.DRINKEN, {"ml": 180}),
                ("wet", self.tr("Nappy wet"), EntryKind.LUIER, {"kind": "nat"}),
                ("dirty", self.tr("Nappy dirty"), EntryKind.LUIER, {"kind": "vies"}),
                ("suncream", self.tr("Sun cream"), EntryKind.ZONNEBRAND, {})]

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return row

    def _time(self) -> time:
        return self.at.moment

    def _add(self, kind: EntryKind, details: dict[str, Any], text: str | None = None) -> None:
        self.problem.hide()
        self._service.write(EntryDraft(tuple(c.child_id for c in self._children), self._day,
                                       kind, self._time(), text, details))

    def _add_sleep(self) -> None:
        self._add(EntryKind.SLAPEN, {"until": self.sleep_until.moment.strftime("%H:%M")})

    def _add_activity(self) -> None:
        if self.activity.text().strip():
            self._add(self.activity_kind.currentData(), {}, self.activity.text().strip())

    def _add_medication(self) -> None:
        if self.medicine.text().strip() and self.dose.text().strip():
            self._add(EntryKind.MEDICATIE, {"name": self.medicine.text().strip(),
                                            "dose": self.dose.text().strip()})

    def _save_text(self) -> None:
        if self.text.acceptable and self.text.text().strip():
            self.problem.hide()
            self._service.write(EntryDraft(tuple(c.child_id for c in self._children),
                                           self._day, EntryKind.VERSLAG, None,
                                           self.text.text().strip()))

    def _text_changed(self) -> None:
        self.save_text.setEnabled(self.text.acceptable and bool(self.text.text().strip()))

    def _report(self, child_id: int, day: DiaryDay | None) -> None:
        if len(self._children) == 1 and child_id == self._children[0].child_id:
            lines = day_lines(day) if day is not None else []
            self.written_today.setText("\n".join(lines) or self.tr("Nothing written yet."))
            self._mine = [e for e in day.entries if e.mine] if day is not None else []
            self.edit_button.setEnabled(bool(self._mine))

    def edit_entries(self) -> None:
        """The staff member's own entries of this day, to change or delete."""
        if self._diary is None or not self._mine:
            return
        self.entries_dialog = OwnEntriesDialog(self._diary, self._children[0].first_name,
                                               self._mine, self)
        self.entries_dialog.open()

    def _entry_saved(self, entry: DiaryEntry) -> None:
        if len(self._children) == 1 and entry.child_id == self._children[0].child_id:
            self._service.load_report(entry.child_id)

    def _written(self, entries: list) -> None:
        kinds = {e.kind for e in entries}
        if EntryKind.VERSLAG in kinds:
            self.text.set_text("")
        if kinds & {EntryKind.ACTIVITEIT, EntryKind.NOTITIE}:
            self.activity.clear()
        if EntryKind.MEDICATIE in kinds:
            self.medicine.clear()
            self.dose.clear()

    def _write_failed(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
