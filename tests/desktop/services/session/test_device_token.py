"""The device token: kept per account with its offline copy and sent with that account's next
login from this computer, so strangers' failed logins cannot lock it out; nothing on a shared
PC (docs/api.md, "Throttling"; desktop/cache/device_tokens.py)."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest
from fake_portal import EMAIL, STAFF

import desktop.cache.device_tokens as device_tokens
from desktop.cache.device_tokens import FILE_NAME
from desktop.cache.disk import writing
from desktop.cache.leftovers import Leftovers


def sent_device_tokens(portal) -> list[str | None]:
    """The ``device_token`` of every login the app sent, in order."""
    return [json.loads(r.content).get("device_token") for r in portal.sent("POST", "/auth/login")]


def log_out(session, qtbot) -> None:
    with qtbot.waitSignal(session.loggedOut):
        session.logout()


def test_the_next_login_of_the_account_sends_the_token_its_last_login_got(
        session, log_in, qtbot, portal, data_root):
    account = log_in(session)
    session.set_keep_offline_copy(True)  # the copy stays after the logout (Account page)
    log_out(session, qtbot)
    log_in(session)

    assert sent_device_tokens(portal) == [None, "device-1"]
    stored = data_root / "accounts" / account.key / FILE_NAME
    assert json.loads(stored.read_text(encoding="utf-8"))["device_token"] == "device-1"
    if os.name == "posix":
        assert stat.S_IMODE(stored.stat().st_mode) == 0o600  # this user's eyes only


def test_a_token_is_the_account_s_own_other_accounts_send_none(session, log_in, qtbot, portal):
    log_in(session)
    session.set_keep_offline_copy(True)
    log_out(session, qtbot)
    log_in(session, email="SANNE.devries@voorbeeld.nl ")  # the same account, typed otherwise
    log_out(session, qtbot)
    portal.users["thomas.devries@voorbeeld.nl"] = portal.users[EMAIL]
    log_in(session, email="thomas.devries@voorbeeld.nl")

    assert sent_device_tokens(portal) == [None, "device-1", None]


def test_a_new_token_from_the_portal_replaces_the_kept_one(session, log_in, qtbot, portal):
    log_in(session)
    session.set_keep_offline_copy(True)
    log_out(session, qtbot)
    portal.devices.clear()  # the portal no longer knows it (unused for 180 days)
    log_in(session)  # sends device-1, gets device-2
    log_out(session, qtbot)
    log_in(session)

    assert sent_device_tokens(portal) == [None, "device-1", "device-2"]


def test_a_logout_that_removes_the_offline_copy_removes_the_token(session, log_in, qtbot,
                                                                  portal, data_root):
    account = log_in(session)  # not remembered: by default the copy goes at the logout
    assert (data_root / "accounts" / account.key / FILE_NAME).exists()
    log_out(session, qtbot)
    log_in(session)

    assert sent_device_tokens(portal) == [None, None]


def test_forgetting_the_account_removes_the_token(session, log_in, qtbot, portal):
    account = log_in(session, remember=True)
    with qtbot.waitSignal(session.loggedOut):
        session.switch_account()  # a remembered login stays remembered, with its copy
    session.forget_account(account.key)
    log_in(session)

    assert sent_device_tokens(portal) == [None, None]


@pytest.mark.expect_log("desktop.cache.leftovers", "WARNING", r"could not be removed yet")
def test_a_copy_that_could_not_be_removed_yet_sends_no_token(make_session, data_root, log_in,
                                                             qtbot, portal):
    def held_open(folder) -> None:  # as Windows refuses while a PDF of it is open elsewhere
        raise PermissionError(errno.EACCES, "in use by another process", str(folder))

    session = make_session(leftovers=Leftovers(data_root, remove_tree=held_open))
    account = log_in(session)
    log_out(session, qtbot)
    assert (data_root / "accounts" / account.key / FILE_NAME).exists()  # still on the disk
    with qtbot.waitSignal(session.loginFailed):
        session.login("zonnebloem", EMAIL, "wrong", False)

    assert sent_device_tokens(portal) == [None, None]


def test_a_shared_pc_keeps_no_token(make_session, log_in, portal, data_root):
    session = make_session(shared_pc=True)
    account = log_in(session)
    assert not (data_root / "accounts" / account.key / FILE_NAME).exists()
    log_in(session)

    assert sent_device_tokens(portal) == [None, None]


def test_a_shared_pc_sends_no_token_a_personal_one_left(session, make_session, log_in, qtbot,
                                                        portal, run):
    log_in(session)
    session.set_keep_offline_copy(True)
    log_out(session, qtbot)
    run(session.aclose())
    shared = make_session(shared_pc=True)  # the office made it a shared PC since
    log_in(shared)

    assert sent_device_tokens(portal) == [None, None]


def test_staff_keep_no_token_on_a_personal_computer_either(session, log_in, qtbot, portal,
                                                           data_root):
    account = log_in(session, email=STAFF["email"])  # staff sessions are shared-PC sessions
    assert not (data_root / "accounts" / account.key / FILE_NAME).exists()
    log_in(session, email=STAFF["email"])

    assert sent_device_tokens(portal) == [None, None]


def test_a_full_disk_says_so_and_the_login_goes_on(session, log_in, monkeypatch, data_root):
    def disk_full(path, data) -> None:  # the app's mapping of the operating system's refusal
        with writing(path):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(device_tokens, "write_json_atomically", disk_full)
    told: list[str] = []
    session.rememberUnavailable.connect(told.append)
    account = log_in(session)

    assert session.account == account
    assert told == ["This computer could not be saved as one of your devices, so if others "
                    "try wrong passwords for your account, your next login here may have to "
                    "wait. The disk is full. Free some space and try again; nothing that was "
                    "already saved is lost."]
    assert not (data_root / "accounts" / account.key / FILE_NAME).exists()


def test_an_unreadable_token_file_is_a_login_without_one(session, log_in, qtbot, portal,
                                                         data_root):
    account = log_in(session)
    session.set_keep_offline_copy(True)
    log_out(session, qtbot)
    (data_root / "accounts" / account.key / FILE_NAME).write_text("{half a fi", encoding="utf-8")
    log_in(session)

    assert sent_device_tokens(portal) == [None, None]
