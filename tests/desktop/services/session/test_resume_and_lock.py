"""Reopening a remembered account (online, offline, refused) and the lock screen."""

from __future__ import annotations

import asyncio

import pytest
from fake_portal import EMAIL, ORGANISATION, PASSWORD, STAFF
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.services.session.inactivity import InactivityWatcher
from desktop.services.session.lock import MAX_UNLOCK_ATTEMPTS


@pytest.fixture
def remembered_key(make_session, log_in, qtbot):
    """Log in with "remember me" and close the app, as on the previous day."""
    first = make_session()
    account = log_in(first, remember=True)
    with qtbot.waitSignal(first.loggedOut):
        first.switch_account()
    return account.key


def test_resume_shows_cached_data_at_once_then_restores_the_session(
    make_session, remembered_key, portal, qtbot, run, memory_keyring
):
    session = make_session()
    used_token = portal.refresh_token
    with qtbot.waitSignal(session.loggedIn) as blocker:
        session.resume(remembered_key)
    # Shown from the cache: the restore request cannot have been answered yet.
    assert blocker.args[0].display_name == "Sanne de Vries"
    assert session.cache.profile().children[0].first_name == "Emma"

    qtbot.waitUntil(lambda: portal.refresh_token != used_token)
    profile = run(session.request(lambda client: client.profile.me()))
    assert profile.user.email == EMAIL
    assert memory_keyring.secrets[("Ouderportaal", remembered_key)] == portal.refresh_token


async def _the_client(client):
    return client


def test_a_resumed_session_makes_its_one_client_with_its_first_request(
    make_session, remembered_key, qtbot, run
):
    session = make_session()
    at_login: list[object] = []
    session.loggedIn.connect(lambda _account: at_login.append(session.client))
    session.resume(remembered_key)
    # The main window paints from the cache first: no HTTP client exists yet.
    assert at_login == [None] and session.account is not None

    async def two_at_once():
        return await asyncio.gather(session.request(_the_client),
                                    session.request(_the_client))

    first, second = run(two_at_once())
    assert first is second is session.client
    assert run(session.request(_the_client)) is first  # one client for the account


def test_resume_while_the_server_is_down_stays_in_with_cached_data(
    make_session, remembered_key, portal, qtbot, profile_service
):
    session = profile_service._session
    portal.down = True
    problems: list[str] = []
    profile_service.problem.connect(problems.append)
    with qtbot.assertNotEmitted(session.sessionExpired, wait=100):
        with qtbot.waitSignal(session.connection.onlineChanged) as offline:
            session.resume(remembered_key)
    assert offline.args == [False]
    assert session.account is not None
    assert [c.first_name for c in profile_service.profile.children] == ["Emma"]
    assert "cannot be reached" in problems[-1]
    assert "saved on this computer" in problems[-1]

    portal.down = False
    with qtbot.waitSignal(session.connection.onlineChanged) as online:
        profile_service.refresh()
    assert online.args == [True]


def test_resume_with_a_refused_token_ends_the_session(
    make_session, remembered_key, portal, qtbot, memory_keyring
):
    session = make_session()
    portal.revoked = True
    with qtbot.waitSignal(session.sessionExpired) as blocker:
        session.resume(remembered_key)
    assert "log in again" in blocker.args[0]
    assert session.account is None
    assert session.known_accounts() == []
    qtbot.waitUntil(lambda: memory_keyring.secrets == {})  # removed on the keyring thread


def test_resume_of_an_account_that_is_no_longer_remembered(session, qtbot):
    with qtbot.waitSignal(session.loginFailed) as blocker:
        session.resume("0123456789abcdef0123")
    assert "no longer remembered" in blocker.args[0]


def test_lock_then_unlock_with_the_login_password(session, log_in, qtbot):
    log_in(session)
    with qtbot.waitSignal(session.locked):
        session.lock()
    assert session.is_locked

    with qtbot.waitSignal(session.unlockFailed) as wrong:
        session.unlock("guess")
    assert wrong.args == ["The password is incorrect."]
    assert session.is_locked

    with qtbot.waitSignal(session.unlocked):
        session.unlock(PASSWORD)
    assert not session.is_locked and session.account is not None


def test_too_many_wrong_unlock_passwords_log_out(make_session, log_in, qtbot, data_root):
    session = make_session(shared_pc=True)
    account = log_in(session)
    session.lock()
    for _ in range(MAX_UNLOCK_ATTEMPTS - 1):
        with qtbot.waitSignal(session.unlockFailed):
            session.unlock("guess")
    with qtbot.waitSignal(session.sessionExpired) as blocker:
        session.unlock("guess")
    assert "too many times" in blocker.args[0]
    assert session.account is None
    assert not (data_root / "accounts" / account.key).exists()


def test_shared_pc_locks_after_inactivity(make_session, log_in, qtbot):
    session = make_session(lock_minutes=0.002)  # 120 ms
    log_in(session, email=STAFF["email"])
    assert session.inactivity_lock_armed
    with qtbot.waitSignal(session.locked, timeout=5_000):
        pass
    assert session.is_locked


def test_private_computer_does_not_lock_by_itself(make_session, log_in, qtbot):
    session = make_session(lock_minutes=0.002)
    log_in(session)
    assert not session.inactivity_lock_armed
    with qtbot.assertNotEmitted(session.locked, wait=300):
        pass


def test_typing_postpones_the_inactivity_lock(qapp, qtbot):
    now = [0.0]
    watcher = InactivityWatcher(qapp, 0.004, monotonic=lambda: now[0],  # 0.24 s without input
                                wall=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher.start()
    now[0] = 0.2
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                            Qt.KeyboardModifier.NoModifier, "a"))
    now[0] = 0.3  # only 0.1 s since the key press when the timer first fires
    with qtbot.assertNotEmitted(watcher.timedOut, wait=400):
        pass
    now[0] = 10.0
    with qtbot.waitSignal(watcher.timedOut, timeout=5_000):
        pass
    assert not watcher.active


class Clocks:
    """A computer's two clocks: ``sleep`` moves only the wall clock (a suspended laptop)."""

    def __init__(self) -> None:
        self.monotonic = 1_000.0
        self.wall = 1_800_000_000.0

    def use(self, seconds: float) -> None:
        self.monotonic += seconds
        self.wall += seconds

    def sleep(self, seconds: float) -> None:
        self.wall += seconds


def watcher_with(qapp, clocks: Clocks, minutes: float = 10, **options) -> InactivityWatcher:
    return InactivityWatcher(qapp, minutes, monotonic=lambda: clocks.monotonic,
                             wall=lambda: clocks.wall, **options)


def click_on(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_laptop_waking_after_an_hour_locks_at_the_first_touch(qapp, qtbot):
    clocks = Clocks()
    watcher = watcher_with(qapp, clocks)
    button = QPushButton("Afwezigheid doorgeven")
    qtbot.addWidget(button)
    button.show()
    clicks: list[bool] = []
    button.clicked.connect(clicks.append)
    watcher.start()
    clocks.use(5 * 60)
    clocks.sleep(60 * 60)  # the lid closed: the monotonic clock stood still
    with qtbot.waitSignal(watcher.timedOut, timeout=1_000):
        click_on(qtbot, button)
    assert clicks == []  # the click that woke it did not reach the button
    assert not watcher.active


def test_just_under_the_limit_a_touch_keeps_the_session_open(qapp, qtbot):
    clocks = Clocks()
    watcher = watcher_with(qapp, clocks)
    button = QPushButton("Vandaag")
    qtbot.addWidget(button)
    button.show()
    watcher.start()
    clocks.use(2 * 60)
    clocks.sleep(8 * 60 - 1)  # 9 minutes 59 seconds idle in all
    with qtbot.assertNotEmitted(watcher.timedOut, wait=50):
        click_on(qtbot, button)
    clocks.sleep(10 * 60 - 1)  # the click counted as use: a fresh ten minutes
    with qtbot.assertNotEmitted(watcher.timedOut, wait=50):
        click_on(qtbot, button)
    clocks.sleep(10 * 60)
    with qtbot.waitSignal(watcher.timedOut, timeout=1_000):
        click_on(qtbot, button)


def test_waking_up_locks_without_any_input(qapp, qtbot):
    clocks = Clocks()
    watcher = watcher_with(qapp, clocks, check_every=0.05)
    watcher.start()
    clocks.sleep(11 * 60)
    with qtbot.waitSignal(watcher.timedOut, timeout=2_000):
        pass


def test_the_app_coming_to_the_front_after_a_sleep_locks(qapp, qtbot):
    clocks = Clocks()
    watcher = watcher_with(qapp, clocks)
    watcher.start()
    clocks.sleep(10 * 60)
    with qtbot.waitSignal(watcher.timedOut, timeout=1_000):
        QApplication.sendEvent(qapp, QEvent(QEvent.Type.ApplicationActivate))


def test_a_wall_clock_set_back_does_not_keep_the_session_open(qapp, qtbot):
    clocks = Clocks()
    watcher = watcher_with(qapp, clocks)
    watcher.start()
    clocks.use(10 * 60)
    clocks.wall -= 3 * 60 * 60  # someone set the clock back three hours
    assert watcher.idle_seconds() == 10 * 60
    with qtbot.waitSignal(watcher.timedOut, timeout=1_000):
        QApplication.sendEvent(qapp, QEvent(QEvent.Type.ApplicationActivate))


def test_a_stopped_watcher_stays_quiet(qapp, qtbot):
    watcher = InactivityWatcher(qapp, 0.001)
    watcher.start()
    watcher.stop()
    with qtbot.assertNotEmitted(watcher.timedOut, wait=200):
        pass


def test_login_form_is_not_sent_with_empty_fields(session, qtbot, portal):
    with qtbot.waitSignal(session.loginFailed) as blocker:
        session.login(ORGANISATION, "  ", "", False)
    assert blocker.args == ["Enter your e-mail address and password."]
    assert portal.requests == []
