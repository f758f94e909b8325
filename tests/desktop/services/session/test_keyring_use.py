"""The keyring is touched only for remembered logins, and never on the GUI thread: a locked
keyring's prompt can stay open for as long as the user leaves it (docs/architecture.md,
desktop/services/session/remembered.py)."""

from __future__ import annotations

import threading

import keyring
import pytest
from fake_portal import STAFF
from PySide6.QtCore import QTimer


class KeyringCalls:
    """Every keyring call the app makes: which one, and on which thread."""

    def __init__(self, backend, monkeypatch) -> None:
        self.calls: list[tuple[str, str]] = []
        self.release = threading.Event()
        self.release.set()
        for name in ("get_password", "set_password", "delete_password"):
            monkeypatch.setattr(backend, name, self._recorded(name, getattr(backend, name)))
        monkeypatch.setattr(keyring, "get_keyring",
                            self._recorded("get_keyring", keyring.get_keyring))

    def _recorded(self, name, call):
        def recorded(*args, **kwargs):
            self.calls.append((name, threading.current_thread().name))
            self.release.wait(10)  # an unlock prompt the user has not answered yet
            return call(*args, **kwargs)
        return recorded

    @property
    def names(self) -> list[str]:
        return [name for name, _thread in self.calls]

    @property
    def on_the_gui_thread(self) -> list[str]:
        main = threading.main_thread().name
        return [name for name, thread in self.calls if thread == main]


@pytest.fixture
def keyring_calls(memory_keyring, monkeypatch) -> KeyringCalls:
    return KeyringCalls(memory_keyring, monkeypatch)


def log_out(session, qtbot) -> None:
    with qtbot.waitSignal(session.loggedOut):
        session.logout()


def test_a_login_without_remember_me_never_touches_the_keyring(session, log_in, qtbot, run,
                                                              keyring_calls):
    log_in(session, remember=False)
    log_out(session, qtbot)
    run(session.aclose())
    assert keyring_calls.calls == []


def test_the_device_token_is_kept_and_sent_without_the_keyring(session, log_in, qtbot, run,
                                                               keyring_calls, portal):
    log_in(session, remember=False)
    session.set_keep_offline_copy(True)
    log_out(session, qtbot)
    log_in(session, remember=False)  # with the device token of the first login
    log_out(session, qtbot)
    run(session.aclose())
    assert [b'"device_token"' in r.content for r in portal.sent("POST", "/auth/login")] == [
        False, True]
    assert keyring_calls.calls == []


def test_staff_who_tick_remember_me_are_told_and_the_keyring_stays_untouched(
        session, log_in, qtbot, run, keyring_calls):
    told: list[str] = []
    session.rememberUnavailable.connect(told.append)
    log_in(session, email=STAFF["email"], remember=True)
    assert told == ["Staff accounts and shared computers are never remembered: log in again "
                    "next time."]
    log_out(session, qtbot)
    run(session.aclose())
    assert keyring_calls.calls == []


def test_a_shared_pc_start_with_nothing_remembered_never_touches_the_keyring(
        make_session, run, keyring_calls):
    session = make_session(shared_pc=True)
    session.remove_leftovers()
    run(session.aclose())
    assert keyring_calls.calls == []


def test_remembering_resuming_and_forgetting_run_off_the_gui_thread(
        make_session, log_in, qtbot, run, memory_keyring, keyring_calls):
    first = make_session()
    account = log_in(first, remember=True)
    qtbot.waitUntil(lambda: ("Ouderportaal", account.key) in memory_keyring.secrets)
    with qtbot.waitSignal(first.loggedOut):
        first.switch_account()
    run(first.aclose())

    again = make_session()
    with qtbot.waitSignal(again.loggedIn):
        again.resume(account.key)
    run(again.request(lambda client: client.profile.me()))  # the keyring's token in use
    log_out(again, qtbot)
    qtbot.waitUntil(lambda: memory_keyring.secrets == {})
    run(again.aclose())

    assert {"set_password", "get_password", "delete_password"} <= set(keyring_calls.names)
    assert keyring_calls.on_the_gui_thread == []


def test_a_keyring_prompt_left_open_does_not_freeze_the_app(session, log_in, qtbot,
                                                            memory_keyring, keyring_calls):
    keyring_calls.release.clear()  # "Choose a password for the new keyring" stays open
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    try:
        account = log_in(session, remember=True)  # logged in while the prompt is open
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # and the event loop keeps turning
        assert session.account == account
        assert memory_keyring.secrets == {}
    finally:
        timer.stop()
        keyring_calls.release.set()
    qtbot.waitUntil(lambda: ("Ouderportaal", account.key) in memory_keyring.secrets)
    assert keyring_calls.on_the_gui_thread == []
