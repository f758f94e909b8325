"""What stays on this computer after a session: nothing on a shared PC, even when a file is held
open or the app crashed; in normal mode what the account chose; and only for this user's eyes
(desktop/services/session/offline_copies.py, desktop/cache/leftovers.py)."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest
from fake_portal import STAFF

from desktop.cache.leftovers import Leftovers
from desktop.services.session.offline_copies import RETRY_SECONDS


class HeldOpen:
    """``shutil.rmtree`` as on Windows while another program has a file of the folder open:
    refused until ``closed``."""

    def __init__(self) -> None:
        self.closed = False
        self.attempts = 0

    def __call__(self, folder: Path) -> None:
        self.attempts += 1
        if not self.closed and folder.exists():
            raise PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process", str(folder))
        shutil.rmtree(folder)


@pytest.fixture
def held_open() -> HeldOpen:
    return HeldOpen()


@pytest.fixture
def shared_session(make_session, data_root, held_open):
    return make_session(shared_pc=True,
                        leftovers=Leftovers(data_root, remove_tree=held_open))


def folders(data_root: Path) -> list[str]:
    accounts = data_root / "accounts"
    return sorted(p.name for p in accounts.iterdir()) if accounts.exists() else []


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_a_logout_whose_files_are_held_open_completes_and_says_so(
        shared_session, log_in, qtbot, data_root, held_open, portal):
    told: list[str] = []
    shared_session.leftoversChanged.connect(told.append)
    account = log_in(shared_session, email=STAFF["email"])
    with qtbot.waitSignal(shared_session.loggedOut):
        shared_session.logout()
    assert shared_session.account is None
    qtbot.waitUntil(lambda: any(r.url.path.endswith("/auth/logout") for r in portal.requests))
    assert folders(data_root) == [account.key]  # still there: a file is open elsewhere
    assert len(told) == 1
    assert "another program" in told[0] and "next start" in told[0]
    assert shared_session.leftovers_message == told[0]

    held_open.closed = True  # the other program let go of the file
    shared_session.remove_leftovers()  # what the retry timer and the next start do
    assert folders(data_root) == []
    assert told[-1] == ""


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_the_retry_is_timed_while_something_is_left(shared_session, log_in, qtbot, held_open):
    log_in(shared_session, email=STAFF["email"])
    shared_session.logout()
    retry = shared_session._copies._retry
    assert retry.isActive() and retry.interval() == RETRY_SECONDS * 1000
    held_open.closed = True
    shared_session.remove_leftovers()
    assert not retry.isActive()


def test_the_next_start_removes_what_a_crash_left(make_session, log_in, data_root, held_open):
    crashed = make_session(shared_pc=True)
    account = log_in(crashed, email=STAFF["email"])
    crashed._session = None  # the process died here: no logout, no aclose
    assert folders(data_root) == [account.key]

    again = make_session()  # a personal PC: only what a shared-PC session left goes
    again.remove_leftovers()
    assert folders(data_root) == []


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_the_next_login_of_another_person_removes_what_was_left(
        shared_session, log_in, qtbot, data_root, held_open, portal):
    staff = log_in(shared_session, email=STAFF["email"])
    shared_session.logout()
    assert folders(data_root) == [staff.key]
    held_open.closed = True
    parent = log_in(shared_session)  # the next person at the PC
    assert folders(data_root) == [parent.key]


def test_a_shared_pc_keeps_no_account_folder_at_all(make_session, log_in, data_root, qtbot):
    personal = make_session()
    account = log_in(personal)
    personal.set_keep_offline_copy(True)
    with qtbot.waitSignal(personal.loggedOut):
        personal.logout()
    assert folders(data_root) == [account.key]

    # The office turned on the shared-PC switch: the next start keeps none of it.
    make_session(shared_pc=True).remove_leftovers()
    assert folders(data_root) == []


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_forgetting_an_account_whose_files_are_held_open_completes(
        make_session, log_in, qtbot, data_root, held_open, memory_keyring):
    first = make_session()
    account = log_in(first, remember=True)
    qtbot.waitUntil(lambda: bool(memory_keyring.secrets))
    with qtbot.waitSignal(first.loggedOut):
        first.switch_account()

    session = make_session(leftovers=Leftovers(data_root, remove_tree=held_open))
    told: list[str] = []
    session.leftoversChanged.connect(told.append)
    session.forget_account(account.key)
    assert session.known_accounts() == []
    qtbot.waitUntil(lambda: memory_keyring.secrets == {})
    assert folders(data_root) == [account.key] and "another program" in told[0]
    held_open.closed = True
    session.remove_leftovers()
    assert folders(data_root) == [] and told[-1] == ""


@pytest.mark.parametrize(("remember", "keep", "stays"), [
    (False, None, False),  # a login without "Onthoud mij": the copy goes by default
    (False, True, True),   # unless the account chose to keep it (Account page)
    (True, None, True),    # a remembered login keeps it by default
    (True, False, False),  # unless the account chose not to
])
def test_a_logout_on_a_personal_computer_keeps_what_the_account_chose(
        make_session, log_in, qtbot, data_root, memory_keyring, remember, keep, stays):
    session = make_session()
    account = log_in(session, remember=remember)
    if keep is not None:
        session.set_keep_offline_copy(keep)
    assert session.keep_offline_copy is stays
    with qtbot.waitSignal(session.loggedOut):
        session.logout()
    assert folders(data_root) == ([account.key] if stays else [])


def test_the_choice_is_remembered_for_the_next_login(make_session, log_in, qtbot, data_root):
    session = make_session()
    log_in(session)
    session.set_keep_offline_copy(True)
    session.logout()
    log_in(session)
    assert session.keep_offline_copy


def test_reports_waiting_for_a_connection_keep_the_copy(make_session, log_in, qtbot,
                                                        data_root):
    session = make_session()
    account = log_in(session)
    session.cache.outbox.enqueue("absence", {"child_ids": [1], "first_date": "2027-03-01"})
    session.logout()
    assert folders(data_root) == [account.key]  # sent at the next login, not lost


def test_quitting_without_remember_me_removes_the_copy_too(make_session, log_in, run,
                                                           data_root):
    session = make_session()
    log_in(session)
    run(session.aclose())
    assert folders(data_root) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_every_file_of_the_account_is_for_this_user_only(make_session, log_in, data_root):
    session = make_session()
    account = log_in(session, remember=True)
    session.cache.outbox.enqueue("absence", {"child_ids": [1]})
    session.cache.blobs.write("factuur.pdf", [b"%PDF-1.4"], hashlib.sha256(b"%PDF-1.4").hexdigest())
    found = [data_root, *data_root.rglob("*")]
    assert any(p.name == "cache.sqlite3" for p in found)
    assert any(p.name.endswith("-wal") for p in found)
    assert (data_root / "accounts" / account.key / "blobs").is_dir()
    readable = [f"{p.relative_to(data_root)}: {oct(stat.S_IMODE(p.stat().st_mode))}"
                for p in found if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert readable == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_files_an_older_version_left_readable_are_tightened_at_start(make_session, data_root):
    folder = data_root / "accounts" / "0123456789abcdef0123"
    folder.mkdir(parents=True)
    old = folder / "cache.sqlite3"
    old.write_bytes(b"")
    old.chmod(0o644)
    folder.chmod(0o755)
    make_session().remove_leftovers()
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(data_root.stat().st_mode) == 0o700
