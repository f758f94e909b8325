"""Small stand-ins for the Qt services: the same signals and methods, recording every call.

The views are built against the interfaces in the services brief, so these fakes let the view
tests (and the screenshot script) run without a network, a keyring or an event loop. One piece
(over 400 lines): every view test builds its window from the same set of fakes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from diary_fakes import FakeDiary, FakeGroupDay
from live_fakes import FakeLive
from message_fakes import FakeMessages
from news_fakes import FakeNews
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget
from recording_fakes import (
    FakeAccountSecurity,
    FakeLoginSetup,
    FakeNotificationPreferences,
    FakePersonalData,
    signals_of,
)

from desktop.api.absences.records import AbsenceDraft
from desktop.api.account.records import AuthSession
from desktop.api.agenda.records import Agenda, DayPart
from desktop.api.extra_days.records import (
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.api.photos.records import Photo, PhotoFile, Rendition, rendition_values
from desktop.api.portal.records import ClientRelease, Policy
from desktop.api.profile.records import (
    Child,
    Contract,
    Family,
    Group,
    Location,
    PhotoConsent,
    Profile,
    Role,
    User,
)
from desktop.services.agenda.extra_days import ExtraDayService
from desktop.services.agenda.service import AgendaService
from desktop.services.auth_sessions import AuthSessionsService
from desktop.services.container import Services
from desktop.services.finance.service import FinanceService
from desktop.services.notifications import Notifier
from desktop.services.pending_requests import PendingRequestsService
from desktop.services.photos.posting import PhotoPostingService, Upload
from desktop.services.photos.service import PhotosService
from desktop.services.profile import ProfileService
from desktop.services.save_everything import SaveEverythingService
from desktop.services.session.connection import Connection
from desktop.services.session.password_reset import PasswordResetService
from desktop.services.session.service import SessionService
from desktop.services.shared.outbox import OutboxDelivery
from desktop.services.update_hint import UpdateHintService

#: The day every view test lives on (a Monday outside the school holidays): the views read it
#: from desktop/models/shared/clock.py, which the views' conftest fixes (``fixed_today``).
VIEW_TODAY = date(2026, 3, 2)


@dataclass(frozen=True)
class FakeAccount:
    key: str = "acc1"
    base_url: str = "https://zonnebloem.ouderportaal.nl"
    email: str = "sanne.devries@voorbeeld.nl"
    display_name: str = "Sanne de Vries"
    organisation_name: str = "Kinderopvang Zonnebloem"
    role: Role = Role.PRIMARY_PARENT
    shared_pc: bool = False


@dataclass(frozen=True)
class FakeKnownAccount:
    key: str
    base_url: str
    display_name: str
    organisation_name: str


class FakeSession(signals_of(SessionService)):
    def __init__(self, account: FakeAccount | None = None, shared_pc: bool = False,
                 known: list[FakeKnownAccount] | None = None) -> None:
        super().__init__()
        self.account = account
        self.client = None
        self.cache = None
        self.shared_pc = shared_pc
        self.is_locked = False
        self.known = known or []
        self.keep_offline_copy = False
        self.calls: list[tuple] = []
        # The real one: a QObject with no dependencies; tests call report() as requests would.
        self.connection = Connection(self)
        self.setup = FakeLoginSetup()

    def known_accounts(self) -> list[FakeKnownAccount]:
        return list(self.known)

    def check_portal(self, organisation: str) -> None:
        self.calls.append(("check_portal", organisation))

    def login(self, organisation: str, email: str, password: str, remember: bool) -> None:
        self.calls.append(("login", organisation, email, password, remember))

    def login_with_code(self, code: str) -> None:
        self.calls.append(("login_with_code", code))

    def cancel_code(self) -> None:
        self.calls.append(("cancel_code",))

    def resume(self, key: str) -> None:
        self.calls.append(("resume", key))

    def forget_account(self, key: str) -> None:
        self.calls.append(("forget_account", key))
        self.known = [account for account in self.known if account.key != key]

    def logout(self) -> None:
        self.calls.append(("logout",))

    def lock(self) -> None:
        self.calls.append(("lock",))

    def unlock(self, password: str) -> None:
        self.calls.append(("unlock", password))

    def set_keep_offline_copy(self, keep: bool) -> None:
        self.calls.append(("set_keep_offline_copy", keep))
        self.keep_offline_copy = keep


class FakeResets(signals_of(PasswordResetService)):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple] = []

    def request(self, organisation: str, email: str) -> None:
        self.calls.append(("request", organisation, email))

    def confirm(self, organisation: str, email: str, code: str, new_password: str,
                end_other_sessions: bool = True) -> None:
        self.calls.append(("confirm", organisation, email, code, new_password,
                           end_other_sessions))

    def assess(self, organisation: str, email: str, new_password: str) -> None:
        self.calls.append(("assess", organisation, email, new_password))


class FakeProfileService(signals_of(ProfileService)):
    def __init__(self, profile: Profile | None = None,
                 last_synced: datetime | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.last_synced = last_synced
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1


class FakeOutbox(signals_of(OutboxDelivery)):
    """OutboxDelivery's interface: ``lost_notice`` as set by the test, deliveries counted."""

    def __init__(self, lost_notice: str = "") -> None:
        super().__init__()
        self.lost_notice = lost_notice
        self.deliveries = 0

    def deliver(self) -> None:
        self.deliveries += 1


class FakeAuthSessions(signals_of(AuthSessionsService)):
    def __init__(self) -> None:
        super().__init__()
        self.loads = 0
        self.ended: list[str] = []

    def load(self) -> None:
        self.loads += 1

    def end(self, session_id: str) -> None:
        self.ended.append(session_id)


class FakeAgenda(signals_of(AgendaService)):
    """AgendaService's interface: months handed over with ``set_month_agenda``."""


    def __init__(self, months: dict[tuple[int, int], Agenda] | None = None) -> None:
        super().__init__()
        self.months = dict(months or {})
        self.policy = Policy()
        self.online = True
        self.shown: list[tuple[int, int]] = []
        self.reports: list[AbsenceDraft] = []
        self.cancelled: list[tuple[int, ...]] = []
        self.previewed: list[tuple[int, ...]] = []
        self.withdrawn: list[int] = []
        self.exports: list[tuple] = []
        self.withdraw_problem: str | None = None
        self.dismissed: list[int] = []
        self.absence_loads = 0
        self.refusal: str | None = None

    def show_month(self, year: int, month: int) -> None:
        self.shown.append((year, month))
        if (year, month) in self.months:
            self.agendaChanged.emit(self.months[(year, month)])

    def refresh(self) -> None:
        pass

    def agenda_for(self, first: date, last: date) -> list[Agenda]:
        return [a for a in self.months.values() if a.first <= last and a.last >= first]

    def report_absence(self, draft: AbsenceDraft) -> int | None:
        self.reports.append(draft)
        if self.refusal is not None:  # the disk refused to queue it
            self.absenceNotSaved.emit(self.refusal)
            return None
        return len(self.reports)

    def load_absences(self) -> None:
        self.absence_loads += 1

    def preview_cancel(self, absence_ids) -> None:
        self.previewed.append(tuple(absence_ids))

    def cancel_absences(self, absence_ids) -> None:
        self.cancelled.append(tuple(absence_ids))

    def dismiss_refused(self, outbox_id: int) -> None:
        self.dismissed.append(outbox_id)

    def withdraw_queued(self, outbox_id: int) -> str | None:
        """Answers ``withdraw_problem`` (None: withdrawn)."""
        self.withdrawn.append(outbox_id)
        return self.withdraw_problem

    def export_calendar(self, path, children, first: date, last: date, labels=None) -> None:
        self.exports.append((str(path), dict(children), first, last))


class FakeExtraDays(signals_of(ExtraDayService)):
    """ExtraDayService's interface, recording calls."""


    def __init__(self) -> None:
        super().__init__()
        self.requests: list = []
        self.previews: list = []
        self.submitted: list = []
        self.withdrawals: list[int] = []

    def load_credit(self) -> None:
        pass

    def preview(self, draft) -> None:
        self.previews.append(draft)

    def submit(self, draft) -> None:
        self.submitted.append(draft)

    def load_requests(self) -> None:
        pass

    def withdraw(self, request_id: int) -> None:
        self.withdrawals.append(request_id)


def a_photo(photo_id: int = 1, *, activity_id: int = 10, title: str = "Herfstwandeling",
            day: date = date(2026, 11, 3), child_ids: tuple[int, ...] = (1,),
            hearted: bool | None = None, heart_count: int | None = None) -> Photo:
    """A photo record as the portal lists it (docs/api.md, "Photos"): ``hearted`` for a
    parent, ``heart_count`` for staff."""
    files = {r: PhotoFile("image/jpeg", 1000 + photo_id, f"{photo_id:064x}") for r in Rendition}
    return Photo(photo_id, activity_id, title, "Naar het bos", day, 1600, 1200, child_ids,
                 datetime(2026, 11, 3, 12, 0, tzinfo=UTC), rendition_values(files), hearted=hearted,
                 heart_count=heart_count)


class FakePhotos(signals_of(PhotosService)):
    """PhotosService's interface: nothing synced, recording refreshes and wishes."""

    def __init__(self) -> None:
        super().__init__()
        self.listing = None
        self.available = True  # a parent's account
        self.refreshes = 0
        self.wanted: list[tuple[object, object]] = []
        self.saved: list[tuple[object, object]] = []
        self.hearts: list[tuple[int, bool]] = []

    def refresh(self) -> None:
        self.refreshes += 1

    def set_heart(self, photo, hearted: bool) -> None:
        if photo.hearted is not None:
            self.hearts.append((photo.id, hearted))

    def cached_path(self, photo, rendition) -> None:
        return None

    def want(self, photo, rendition=None) -> None:
        self.wanted.append((photo, rendition))

    def readable_name(self, photo) -> str:
        return f"{photo.date.isoformat()} {photo.activity_title} 01.jpg"

    def save_original(self, photo, target) -> None:
        self.saved.append((photo, target))


class FakeSaveEverything(signals_of(SaveEverythingService)):
    """SaveEverythingService's interface: records the folders and days it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[object, object]] = []
        self.running = False
        self.cancelled = 0

    def save(self, folder, today) -> None:
        self.asked.append((folder, today))
        self.running = True

    def cancel(self) -> None:
        self.cancelled += 1
        self.running = False
        self.ended.emit(None)


class FakePhotoPosting(signals_of(PhotoPostingService)):
    """PhotoPostingService's interface: records what the dialog asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.uploads: list[Upload] = []
        self.sending = False
        self.asked: list[tuple[object, ...]] = []

    def load_activities(self) -> None:
        self.asked.append(("activities",))

    def load_photos(self, activity_id: int) -> None:
        self.asked.append(("photos", activity_id))

    def load_children(self, activity_id: int) -> None:
        self.asked.append(("children", activity_id))

    def create_activity(self, group_id, day, title, caption) -> None:
        self.asked.append(("create", group_id, day, title, caption))

    def set_files(self, paths) -> None:
        known = {u.path for u in self.uploads}
        self.uploads.extend(Upload(p) for p in paths if p not in known)

    def remove(self, index: int) -> None:
        del self.uploads[index]

    def clear(self) -> None:
        self.uploads.clear()

    def upload(self, activity, child_ids) -> None:
        self.asked.append(("upload", activity.id, tuple(child_ids)))


class FakeFinance(signals_of(FinanceService)):
    """FinanceService's interface: nothing synced, recording refreshes."""


    def __init__(self) -> None:
        super().__init__()
        self.overview = None
        self.syncing = False
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1

    def local_path(self, document) -> None:
        return None

    def verified_path(self, document) -> None:
        return None

    def fetch(self, document) -> None:
        pass


class FakePendingRequests(signals_of(PendingRequestsService)):
    """PendingRequestsService's interface, recording loads and decisions."""


    def __init__(self) -> None:
        super().__init__()
        self.pending = None
        self.decided_today: list = []
        self.loads = 0
        self.capacity_asked: list[int] = []
        self.decisions: list[tuple] = []

    def load(self) -> None:
        self.loads += 1

    def load_capacity(self, request_id: int) -> None:
        self.capacity_asked.append(request_id)

    def approve(self, request_id: int, only=None, reason: str | None = None) -> None:
        self.decisions.append(("approve", request_id, only, reason))

    def reject(self, request_id: int, reason: str) -> None:
        self.decisions.append(("reject", request_id, reason))


class FakeUpdateHint(signals_of(UpdateHintService)):
    """UpdateHintService's interface; ``available`` is what a check found before."""

    def __init__(self, available: ClientRelease | None = None) -> None:
        super().__init__()
        self.available = available


# -- sample data ----------------------------------------------------------------------------
CENTRUM = Location(1, "Zonnebloem Centrum", "Markt 12", "5611 AB", "Eindhoven",
                   "040 - 123 45 67", "centrum@zonnebloem.example", {"KDV": "123456789"})
WEST = Location(2, "Zonnebloem West", "Schoolstraat 3", "5615 CD", "Eindhoven",
                "040 - 765 43 21", "west@zonnebloem.example", {"BSO": "987654321"})
ZONNETJES = Group(2, "Zonnetjes", "KDV", 1)
VOSSEN = Group(5, "Vossen", "BSO", 2)
CONSENT = PhotoConsent(portal=True, website=False, social_media=False)


def parent_profile(role: Role = Role.PRIMARY_PARENT, access_until: date | None = None,
                   children: bool = True) -> Profile:
    name, email = (("Sanne de Vries", "sanne.devries@voorbeeld.nl")
                   if role is Role.PRIMARY_PARENT
                   else ("Thomas de Vries", "thomas.devries@voorbeeld.nl"))
    kids = (
        Child(1, "Emma", "de Vries", date(2023, 4, 12), CONSENT,
              (Contract(1, 2, "KDV", date(2024, 1, 1), None),)),
        Child(2, "Daan", "de Vries", date(2018, 9, 3), CONSENT,
              (Contract(2, 5, "BSO", date(2022, 8, 29), None),), medication_consent=True),
    ) if children else ()
    return Profile(
        user=User(3, email, name, "06 12345678", role),
        family=Family(1, "Familie De Vries", "Sanne de Vries"),
        children=kids,
        groups=(ZONNETJES, VOSSEN) if children else (),
        locations=(CENTRUM, WEST) if children else (),
        access_until=access_until,
    )


def ended_profile(today: date) -> Profile:
    """Lotte's family: the only contract ended five weeks ago, access runs 15 months more."""
    child = Child(7, "Finn", "Jansen", date(2021, 6, 1), CONSENT,
                  (Contract(7, 2, "KDV", date(2023, 1, 1), today - timedelta(days=35)),))
    return Profile(
        user=User(12, "lotte.jansen@voorbeeld.nl", "Lotte Jansen", None, Role.PRIMARY_PARENT),
        family=Family(4, "Familie Jansen", "Lotte Jansen"),
        children=(child,),
        groups=(ZONNETJES,),
        locations=(CENTRUM,),
        access_until=today + timedelta(days=420),
    )


def extra_day_request(request_id: int, status: ExtraDayStatus, day: date,
                      reason: str | None = None) -> ExtraDayRequest:
    """Daan's request for after-school care on ``day``, on the invoice."""
    item = ExtraDayItem(2, day, DayPart.NSO, time(14), time(18, 30), 270, 1015, 0, 4568)
    return ExtraDayRequest(request_id, 2, day, day, DayPart.NSO, ExtraDayPayment.INVOICE,
                           status, (item,), 0, 4568, "Sanne de Vries", reason, "Daan de Vries")


def staff_profile(groups: bool = True) -> Profile:
    return Profile(
        user=User(9, "fatima.elamrani@voorbeeld.nl", "Fatima El Amrani", None, Role.STAFF),
        family=None,
        children=(),
        groups=(ZONNETJES,) if groups else (),
        locations=(CENTRUM,) if groups else (),
    )


def sessions() -> list[AuthSession]:
    return [
        AuthSession("s1", "Laptop thuis", datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
                    datetime(2026, 3, 2, 9, 0, tzinfo=UTC), True),
        AuthSession("s2", "Werk-pc", datetime(2026, 2, 10, 12, 0, tzinfo=UTC),
                    datetime(2026, 2, 28, 16, 30, tzinfo=UTC), False),
    ]


def fake_services(session: FakeSession | None = None, profile: FakeProfileService | None = None,
                  **others: QObject) -> Services:
    """The app's container of services, every one a fake (``others`` replace single ones)."""
    fakes: dict[str, QObject] = {
        "session": session or FakeSession(FakeAccount()),
        "password_reset": FakeResets(),
        "profile": profile or FakeProfileService(parent_profile()),
        "auth_sessions": FakeAuthSessions(),
        "outbox": FakeOutbox(),
        "agenda": FakeAgenda(),
        "extra_days": FakeExtraDays(),
        "finance": FakeFinance(),
        "pending_requests": FakePendingRequests(),
        "update_hint": FakeUpdateHint(),
        "account_security": FakeAccountSecurity(),
        "personal_data": FakePersonalData(),
        "messages": FakeMessages(),
        "news": FakeNews(),
        "live": FakeLive(),
        "photos": FakePhotos(),
        "photo_posting": FakePhotoPosting(),
        "group_day": FakeGroupDay(),
        "diary": FakeDiary(),
        "notification_preferences": FakeNotificationPreferences(),
        "save_everything": FakeSaveEverything(),
    }
    fakes.update(others)
    if "notifications" not in fakes:
        # The real one: it only listens to the (fake) services and decides.
        fakes["notifications"] = Notifier(fakes["session"], fakes["messages"], fakes["news"],
                                          fakes["extra_days"], fakes["diary"], fakes["photos"],
                                          fakes["profile"])
    return Services(**fakes)


def label(window: QWidget, name: str) -> QLabel:
    """The label called ``name`` inside ``window`` (fails when there is none)."""
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found
