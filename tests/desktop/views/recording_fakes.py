"""The fakes' signals (``signals_of``), and fakes that record every call: the services whose
views only send (account security, personal data, notification preferences), for
``view_fakes.fake_services``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.services.account_security import AccountSecurityService
from desktop.services.notification_preferences import NotificationPreferencesService
from desktop.services.personal_data import PersonalDataService
from desktop.services.session.login_setup import LoginSetup

__all__ = ["FakeAccountSecurity", "FakeNotificationPreferences", "FakePersonalData",
           "recording_fake", "signals_of"]


def signals_of(service: type[QObject]) -> type[QObject]:
    """A QObject class with exactly the signals of ``service``, for a fake to build on: the
    fakes cannot drift from the services' signals, and declare none of their own."""
    signals = {name: value for name, value in vars(service).items()
               if isinstance(value, Signal)}
    return type(f"{service.__name__}Signals", (QObject,), signals)


def recording_fake(service: type[QObject], **state: object) -> type[QObject]:
    """A fake with ``service``'s signals that records each call of its methods as
    ``(method, *arguments)`` in ``calls``; ``state`` are its starting attributes."""

    def __init__(self) -> None:  # noqa: ANN001
        super(fake, self).__init__()
        self.calls = []
        self.__dict__.update(state)

    def __getattr__(self, name: str):  # noqa: ANN001, ANN202
        if name.startswith("_") or name not in dir(service):
            raise AttributeError(name)
        return lambda *args: self.calls.append((name, *args))

    fake = type(f"Fake{service.__name__}", (signals_of(service),),
                {"__init__": __init__, "__getattr__": __getattr__})
    return fake


FakeAccountSecurity = recording_fake(AccountSecurityService, security=None)
FakePersonalData = recording_fake(PersonalDataService, data=None, care_notes=())
FakeLoginSetup = recording_fake(LoginSetup, organisation="Kinderopvang Zonnebloem")
FakeNotificationPreferences = recording_fake(NotificationPreferencesService, preferences=None)
