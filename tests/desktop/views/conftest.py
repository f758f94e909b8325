"""Fixtures for the view tests: fake services (view_fakes.py) and shown windows."""

from __future__ import annotations

import pytest
from view_fakes import FakeAccount, FakeAuthSessions, FakeProfileService, FakeResets, FakeSession


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
