"""Fixtures of the finance tests: a portal with the demo family's documents behind
``httpx.MockTransport`` (``finance_portal.py``) and a FinanceService logged in against it."""

from __future__ import annotations

import pytest
from finance_portal import FinancePortal

from desktop.services.finance.service import FinanceService
from desktop.services.session.clients import ClientFactory


@pytest.fixture
def portal() -> FinancePortal:
    finance_portal = FinancePortal()
    finance_portal.add_demo_family()
    return finance_portal


@pytest.fixture
def clients(portal: FinancePortal) -> ClientFactory:
    return ClientFactory(language="en", transport=portal.transport, max_retries=0,
                         device_name="Testlaptop")


@pytest.fixture
def finance(session, crashes, run):
    service = FinanceService(session, on_crash=crashes.append)
    yield service
    run(service.aclose())
