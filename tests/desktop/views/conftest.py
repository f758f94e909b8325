"""Fixtures for the view tests: fake services (view_fakes.py) and shown windows."""

from __future__ import annotations

import pytest
from view_fakes import FakeAccount, FakeDevices, FakeProfileService, FakeResets, FakeSession


@pytest.fixture
def session() -> FakeSession:
    return FakeSession(FakeAccount())


@pytest.fixture
def resets() -> FakeResets:
    return FakeResets()


@pytest.fixture
def devices() -> FakeDevices:
    return FakeDevices()


@pytest.fixture
def profile_service() -> FakeProfileService:
    return FakeProfileService()
