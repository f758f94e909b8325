"""SectionsModel and DevicesModel, checked with qtmodeltester and read as the views read them."""

from __future__ import annotations

import time

import pytest
from model_samples import NOW, sessions
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon

from desktop.models.devices import DevicesModel
from desktop.models.sections import SectionsModel

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def test_sections_are_only_the_built_ones(qtmodeltester) -> None:
    model = SectionsModel(icon_for=lambda name: QIcon())
    qtmodeltester.check(model, force_py=True)
    titles = [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert titles == ["Overview", "Agenda", "Finance", "Requests", "Account"]
    assert model.key_at(1) == SectionsModel.AGENDA
    assert model.key_at(2) == SectionsModel.FINANCE
    assert model.key_at(3) == SectionsModel.DECISIONS
    assert model.key_at(4) == SectionsModel.ACCOUNT
    assert model.row_of(SectionsModel.OVERVIEW) == 0
    assert model.key_at(5) is None


@pytest.fixture(autouse=True)
def amsterdam_time(monkeypatch):
    """"today"/"yesterday" are local-time words; pin the zone so the test means the same
    everywhere (the app shows the user's own local time)."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def filled_devices_model() -> DevicesModel:
    model = DevicesModel(locale=ENGLISH, clock=lambda: NOW)
    model.set_sessions(sessions())
    return model


def test_devices_model_passes_the_model_tester(qtmodeltester) -> None:
    model = filled_devices_model()
    qtmodeltester.check(model, force_py=True)
    model.set_sessions([])
    qtmodeltester.check(model, force_py=True)


def test_this_device_first_then_most_recently_used() -> None:
    model = filled_devices_model()

    def cell(row: int, column: int) -> str:
        return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)

    assert [model.index(r, 0).data(DevicesModel.Role.SessionId) for r in range(3)] == [
        "me", "phone", "old"]
    assert cell(0, DevicesModel.COLUMN_THIS_DEVICE) == "This device"
    assert cell(1, DevicesModel.COLUMN_THIS_DEVICE) == ""
    assert cell(1, DevicesModel.COLUMN_DEVICE) == "Unknown device"
    assert model.index(0, 0).data(DevicesModel.Role.IsCurrent) is True


def test_devices_show_when_they_were_used_in_words() -> None:
    model = filled_devices_model()
    assert model.headerData(DevicesModel.COLUMN_LAST_USED, Qt.Orientation.Horizontal) == (
        "Last used")
    last_used = model.index(0, DevicesModel.COLUMN_LAST_USED).data()
    yesterday = model.index(1, DevicesModel.COLUMN_LAST_USED).data()
    older = model.index(2, DevicesModel.COLUMN_LAST_USED).data()
    assert last_used.startswith("today ")
    assert yesterday.startswith("yesterday ")
    assert older == "28 February 2026 17:30"
