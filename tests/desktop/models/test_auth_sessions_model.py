"""AuthSessionsModel (the logged-in devices): qtmodeltester, and read as the views read it."""

from __future__ import annotations

import time

import pytest
from model_samples import NOW, sessions
from PySide6.QtCore import QLocale, Qt

from desktop.models.auth_sessions import AuthSessionsModel

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture(autouse=True)
def amsterdam_time(monkeypatch):
    """"today"/"yesterday" are local-time words; pin the zone so the test means the same
    everywhere (the app shows the user's own local time)."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def filled_model() -> AuthSessionsModel:
    model = AuthSessionsModel(locale=ENGLISH, clock=lambda: NOW)
    model.set_sessions(sessions())
    return model


def test_the_auth_sessions_model_passes_the_model_tester(qtmodeltester) -> None:
    model = filled_model()
    qtmodeltester.check(model, force_py=True)
    model.set_sessions([])
    qtmodeltester.check(model, force_py=True)


def test_this_device_first_then_most_recently_used() -> None:
    model = filled_model()

    def cell(row: int, column: int) -> str:
        return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)

    assert [model.index(r, 0).data(AuthSessionsModel.Role.SessionId) for r in range(3)] == [
        "me", "phone", "old"]
    assert cell(0, AuthSessionsModel.COLUMN_THIS_DEVICE) == "This device"
    assert cell(1, AuthSessionsModel.COLUMN_THIS_DEVICE) == ""
    assert cell(1, AuthSessionsModel.COLUMN_DEVICE) == "Unknown device"
    assert model.index(0, 0).data(AuthSessionsModel.Role.IsCurrent) is True


def test_devices_show_when_they_were_used_in_words() -> None:
    model = filled_model()
    assert model.headerData(AuthSessionsModel.COLUMN_LAST_USED, Qt.Orientation.Horizontal) == (
        "Last used")
    last_used = model.index(0, AuthSessionsModel.COLUMN_LAST_USED).data()
    yesterday = model.index(1, AuthSessionsModel.COLUMN_LAST_USED).data()
    older = model.index(2, AuthSessionsModel.COLUMN_LAST_USED).data()
    assert last_used.startswith("today ")
    assert yesterday.startswith("yesterday ")
    assert older == "28 February 2026 17:30"

