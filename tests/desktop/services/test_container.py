"""The app's services: built once into one container, wired to each other, closed in one loop."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields

import pytest
from PySide6.QtCore import QObject

from desktop.services.account_security import AccountSecurityService
from desktop.services.agenda.service import AgendaService
from desktop.services.auth_sessions import AuthSessionsService
from desktop.services.container import Services
from desktop.services.diary.group_day import GroupDayService
from desktop.services.diary.service import DiaryService
from desktop.services.finance.service import FinanceService
from desktop.services.pending_requests import PendingRequestsService
from desktop.services.personal_data import PersonalDataService
from desktop.services.photos.posting import PhotoPostingService
from desktop.services.photos.service import PhotosService
from desktop.services.profile import ProfileService
from desktop.services.save_everything import SaveEverythingService
from desktop.services.session.password_reset import PasswordResetService
from desktop.services.session.service import SessionService
from desktop.services.shared.outbox import OutboxDelivery
from desktop.services.update_hint import UpdateHintService


def test_every_service_is_built_once_for_the_whole_app(data_root, clients, crashes, qapp,
                                                       run) -> None:
    owner = QObject()
    services = Services.build(data_root, clients=clients, app=qapp, on_crash=crashes.append,
                              parent=owner)
    try:
        kinds = {f.name: type(getattr(services, f.name)) for f in fields(services)}
        assert kinds == {
            "session": SessionService, "password_reset": PasswordResetService,
            "profile": ProfileService, "auth_sessions": AuthSessionsService,
            "outbox": OutboxDelivery, "agenda": AgendaService, "extra_days": kinds["extra_days"],
            "finance": FinanceService, "pending_requests": PendingRequestsService,
            "update_hint": UpdateHintService, "account_security": AccountSecurityService,
            "personal_data": PersonalDataService, "photos": PhotosService,
            "photo_posting": PhotoPostingService, "group_day": GroupDayService,
            "diary": DiaryService, "save_everything": SaveEverythingService,
        }
        assert all(getattr(services, f.name).parent() is owner for f in fields(services))
        assert services.agenda.outbox is services.outbox  # one outbox for every feature
        assert services.diary.outbox is services.outbox
        with pytest.raises(FrozenInstanceError):
            services.finance = None  # type: ignore[misc]
    finally:
        run(services.aclose())


def test_back_online_the_finance_service_finishes_its_downloads(data_root, clients, crashes,
                                                                qapp, qtbot, log_in,
                                                                run) -> None:
    services = Services.build(data_root, clients=clients, app=qapp, on_crash=crashes.append)
    try:
        log_in(services.session)
        qtbot.waitUntil(lambda: not services.finance.syncing)  # the sync after login
        services.session.connection.onlineChanged.emit(True)
        assert services.finance.syncing  # wired to start again
    finally:
        run(services.aclose())


class Closing(QObject):
    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__()
        self.name, self.log = name, log

    async def aclose(self) -> None:
        self.log.append(self.name)


def test_shutdown_closes_every_service_and_the_session_last(run) -> None:
    log: list[str] = []
    names = [f.name for f in fields(Services)]
    services = Services(**{name: Closing(name, log) for name in names})
    run(services.aclose())
    assert log == list(reversed(names))
    assert log[-1] == "session"
