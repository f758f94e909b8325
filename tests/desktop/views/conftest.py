"""Fixtures for the view tests: fake services (view_fakes.py) and shown windows."""

from __future__ import annotations

import pytest
from view_fakes import (
    VIEW_TODAY,
    FakeAccount,
    FakeAuthSessions,
    FakeProfileService,
    FakeResets,
    FakeSession,
    fake_services,
)

from desktop.models.sections import Section
from desktop.models.shared import clock
from desktop.views.main_window import MainWindow
from desktop.views.sections import SECTIONS


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The views see VIEW_TODAY, never the day the suite runs on (a weekend, a holiday)."""
    monkeypatch.setattr(clock, "today", lambda: VIEW_TODAY)


@pytest.fixture
def session() -> FakeSession:
    return FakeSession(FakeAccount())


@pytest.fixture
def resets() -> FakeResets:
    return FakeResets()


@pytest.fixture
def devices() -> FakeAuthSessions:
    return FakeAuthSessions()


@pytest.fixture
def profile_service() -> FakeProfileService:
    return FakeProfileService()


@pytest.fixture
def make_window(qtbot, devices: FakeAuthSessions):
    """``make_window(session, profile, sections=…, <service>=fake)``: a shown main window over
    fake services (the app's table of sections unless ``sections`` says otherwise)."""
    def make(session: FakeSession | None = None, profile: FakeProfileService | None = None,
             sections: tuple[Section, ...] = SECTIONS, **fakes) -> MainWindow:
        fakes.setdefault("auth_sessions", devices)
        window = MainWindow(fake_services(session, profile, **fakes), sections=sections)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        return window
    return make
