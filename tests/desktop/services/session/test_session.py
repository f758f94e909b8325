"""SessionService against a fake portal: login, remember me, shared PC, resume, expiry."""

from __future__ import annotations

import httpx
import keyring
import pytest
from fake_portal import BASE_URL, EMAIL, ORGANISATION, PASSWORD, STAFF, problem
from keyring.backends import fail
from PySide6.QtCore import QSettings

from desktop.api.core.errors import AccountExpired, SessionExpired
from desktop.api.profile.records import Role
from desktop.cache.accounts import KnownAccounts
from desktop.cache.paths import account_key
from desktop.services.session.service import SHARED_PC_SETTING

KEY = account_key(BASE_URL, EMAIL)


def stored_token(memory_keyring) -> str | None:
    return memory_keyring.secrets.get(("Ouderportaal", KEY))


def test_login_opens_the_account_with_its_profile_cached(session, log_in, portal, data_root):
    account = log_in(session)

    assert account.display_name == "Sanne de Vries"
    assert account.organisation_name == "Kinderopvang Zonnebloem"
    assert account.base_url == BASE_URL and account.role is Role.PRIMARY_PARENT
    assert not account.shared_pc and not session.shared_pc
    assert session.account == account and session.client.tokens is not None
    assert (data_root / "accounts" / KEY).is_dir()
    assert [c.first_name for c in session.cache.profile().children] == ["Emma"]
    assert session.cache.last_synced() is not None


def test_login_without_remember_me_stores_no_token(session, log_in, memory_keyring):
    log_in(session, remember=False)
    assert memory_keyring.secrets == {}
    assert session.known_accounts() == []


def test_remember_me_keeps_the_rotated_refresh_token(session, log_in, portal, memory_keyring,
                                                     run, qtbot):
    account = log_in(session, remember=True)
    assert [a.key for a in session.known_accounts()] == [account.key]
    qtbot.waitUntil(lambda: stored_token(memory_keyring) == portal.refresh_token)
    first = portal.refresh_token

    portal.expire_access_token()
    run(session.request(lambda client: client.profile.me()))  # silently refreshes

    assert portal.refresh_token != first
    qtbot.waitUntil(lambda: stored_token(memory_keyring) == portal.refresh_token)


def test_without_a_secure_keyring_nothing_is_remembered(session, qtbot, memory_keyring):
    keyring.set_keyring(fail.Keyring())  # the root conftest restores its memory keyring
    warnings: list[str] = []
    session.rememberUnavailable.connect(warnings.append)
    with qtbot.waitSignal(session.rememberUnavailable, timeout=10_000):
        session.login(ORGANISATION, EMAIL, PASSWORD, True)
    assert len(warnings) == 1 and "will not be remembered" in warnings[0]
    assert session.account is not None  # logged in all the same
    assert session.known_accounts() == []
    assert memory_keyring.secrets == {}


def test_wrong_password_says_so_and_ends_not_busy(session, qtbot):
    busy: list[bool] = []
    session.busyChanged.connect(busy.append)
    with qtbot.waitSignal(session.loginFailed, timeout=10_000) as blocker:
        session.login(ORGANISATION, EMAIL, "not the password", False)
    assert blocker.args == ["The e-mail address or password is incorrect."]
    assert busy == [True, False]
    assert session.account is None


@pytest.mark.parametrize(("organisation", "expected"), [
    ("http://zonnebloem.ouderportaal.nl", "not secure"),
    ("", "Enter the name or web address"),
    ("zonne bloem", "not a valid organisation"),
])
def test_unusable_address_is_refused_before_any_request(session, qtbot, portal, organisation,
                                                        expected):
    with qtbot.waitSignal(session.loginFailed) as blocker:
        session.login(organisation, EMAIL, PASSWORD, False)
    assert expected in blocker.args[0]
    assert portal.requests == []


def test_account_expired_names_the_date_and_whom_to_contact(session, qtbot, portal):
    original = portal._handle

    def refuse(request):
        if request.url.path.endswith("/auth/login"):
            return problem(403, "account_expired", access_ended_on="2025-11-01")
        return original(request)

    portal.transport.handler = refuse
    with qtbot.waitSignal(session.loginFailed, timeout=10_000) as blocker:
        session.login(ORGANISATION, EMAIL, PASSWORD, False)
    message = blocker.args[0]
    assert "2025" in message and "November" in message
    assert "Kinderopvang Zonnebloem" in message


def test_logout_revokes_the_session_and_forgets_the_login(session, log_in, portal, qtbot,
                                                          memory_keyring, data_root):
    log_in(session, remember=True)
    with qtbot.waitSignal(session.loggedOut):
        session.logout()
    qtbot.waitUntil(lambda: len(portal.sent("POST", "/auth/logout")) == 1)
    assert session.account is None and session.client is None
    assert memory_keyring.secrets == {}
    assert session.known_accounts() == []
    # A private computer keeps the cache for the next login of the same account.
    assert (data_root / "accounts" / KEY).is_dir()


def test_switch_account_keeps_a_remembered_login_valid(session, log_in, portal, qtbot,
                                                       memory_keyring):
    log_in(session, remember=True)
    with qtbot.waitSignal(session.loggedOut):
        session.switch_account()
    assert portal.sent("POST", "/auth/logout") == []
    assert stored_token(memory_keyring) == portal.refresh_token
    assert [a.key for a in session.known_accounts()] == [KEY]


@pytest.mark.parametrize(("machine", "user", "shared"), [
    ("true", None, True),       # the installer's switch, for every user of the PC
    ("false", None, False),
    (None, None, False),        # an ordinary installation
    (None, "true", True),       # set by the user themself
    ("true", "false", True),    # a user's own "false" cannot undo the office's switch
    ("false", "true", True),
])
def test_the_computer_is_shared_when_either_settings_file_says_so(make_session, tmp_path,
                                                                  machine, user, shared):
    # The subprocess test in tests/installer/test_smoke_test.py checks where the two files
    # are read from; the rule between them is this one.
    files = {}
    for scope, value in (("machine", machine), ("user", user)):
        files[scope] = QSettings(str(tmp_path / f"{scope}.ini"), QSettings.Format.IniFormat)
        if value is not None:
            files[scope].setValue(SHARED_PC_SETTING, value)
    session = make_session(settings=files["user"], machine_settings=files["machine"])
    assert session.shared_pc is shared


@pytest.mark.parametrize("how", ["flag", "setting", "staff account"])
def test_shared_pc_remembers_nothing_and_logout_wipes(make_session, log_in, qtbot, tmp_path,
                                                      memory_keyring, data_root, how):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if how == "setting":
        settings.setValue(SHARED_PC_SETTING, "true")
    session = make_session(shared_pc=how == "flag", settings=settings)
    email = STAFF["email"] if how == "staff account" else EMAIL

    account = log_in(session, email=email, remember=True)

    assert account.shared_pc and session.shared_pc
    assert memory_keyring.secrets == {}
    assert KnownAccounts(data_root).list() == []
    folder = data_root / "accounts" / account.key
    assert folder.is_dir()
    with qtbot.waitSignal(session.loggedOut):
        session.logout()
    assert not folder.exists()
    assert memory_keyring.secrets == {}


def test_closing_the_app_on_a_shared_pc_logs_out_and_wipes(make_session, log_in, run, portal,
                                                           data_root, qtbot):
    session = make_session(shared_pc=True)
    account = log_in(session)
    run(session.aclose())
    assert not (data_root / "accounts" / account.key).exists()
    assert len(portal.sent("POST", "/auth/logout")) == 1


def test_refused_refresh_ends_the_session(session, log_in, portal, qtbot, run, memory_keyring):
    log_in(session, remember=True)
    portal.revoked = True  # e.g. the password was reset on another device
    with qtbot.waitSignal(session.sessionExpired) as blocker:
        with pytest.raises(SessionExpired):
            run(session.request(lambda client: client.profile.me()))
    assert blocker.args == ["Your session has expired. Please log in again."]
    assert session.account is None
    assert memory_keyring.secrets == {} and session.known_accounts() == []


def test_refresh_refused_because_access_ended_says_so(session, log_in, portal, qtbot, run):
    log_in(session)
    portal.expire_access_token()
    portal.refresh_refusal = problem(403, "account_expired", access_ended_on="2025-11-01")
    with qtbot.waitSignal(session.sessionExpired) as blocker:
        with pytest.raises(SessionExpired):
            run(session.request(lambda client: client.profile.me()))
    assert "ended on" in blocker.args[0] and "2025" in blocker.args[0]


def test_access_ended_behind_a_valid_token_ends_the_session(session, log_in, portal, qtbot,
                                                            run):
    """The portal checks access on every request: a 403 account_expired with a token that is
    still valid ends the session with the expiry message, like a refused refresh."""
    log_in(session)
    portal.request_refusal = problem(403, "account_expired", access_ended_on="2025-11-01")
    with qtbot.waitSignal(session.sessionExpired) as blocker:
        with pytest.raises(AccountExpired):
            run(session.request(lambda client: client.profile.me()))
    assert "ended on" in blocker.args[0] and "2025" in blocker.args[0]
    assert session.account is None


def test_check_portal_reports_the_organisation_name(session, qtbot):
    with qtbot.waitSignal(session.portalChecked, timeout=10_000) as blocker:
        session.check_portal("  Zonnebloem.OuderPortaal.nl/ ")
    assert blocker.args == [BASE_URL, "Kinderopvang Zonnebloem"]


def test_check_portal_recognises_a_site_that_is_not_a_portal(session, qtbot, portal):
    portal.transport.handler = lambda request: httpx.Response(
        200, text="<html>Welkom</html>", headers={"content-type": "text/html"})
    with qtbot.waitSignal(session.portalCheckFailed, timeout=10_000) as blocker:
        session.check_portal("zonnebloem")
    assert "no parent portal at this address" in blocker.args[0]


def test_a_new_portal_check_replaces_the_previous_one(session, qtbot):
    names: list[tuple[str, str]] = []
    session.portalChecked.connect(lambda url, name: names.append((url, name)))
    session.check_portal("korein")
    with qtbot.waitSignal(session.portalChecked, timeout=10_000):
        session.check_portal("zonnebloem")
    qtbot.wait(50)
    assert names == [(BASE_URL, "Kinderopvang Zonnebloem")]


def test_a_lost_refresh_answer_keeps_the_session_and_the_remembered_login(
        session, log_in, portal, qtbot, run, memory_keyring):
    account = log_in(session, remember=True)
    qtbot.waitUntil(lambda: stored_token(memory_keyring) == portal.refresh_token)
    portal.expire_access_token()
    portal.refresh_answers_lost = 1  # the portal rotated the token; its answer never came
    with qtbot.assertNotEmitted(session.sessionExpired):
        profile = run(session.request(lambda client: client.profile.me()))
    assert profile.user.name == "Sanne de Vries"
    assert session.account is not None
    # The successor is remembered, and so is the account.
    qtbot.waitUntil(lambda: stored_token(memory_keyring) == portal.refresh_token)
    assert [a.key for a in session.known_accounts()] == [account.key]


def test_a_full_disk_at_login_is_told_in_the_login_window_not_a_crash(
        session, qtbot, monkeypatch, crashes, portal):
    from desktop.cache.disk import DiskProblem, DiskTrouble
    from desktop.cache.store import AccountCache

    def full(directory, **options):
        raise DiskProblem(DiskTrouble.FULL, directory, "No space left on device")

    monkeypatch.setattr(AccountCache, "open", full)
    with qtbot.waitSignal(session.loginFailed, timeout=10_000) as failed:
        session.login(ORGANISATION, EMAIL, PASSWORD, False)
    assert failed.args[0].startswith("The disk is full.")
    assert session.account is None and not session.busy
    assert crashes == []


def test_a_disk_too_full_for_the_profile_logs_nothing_in(session, qtbot, monkeypatch, crashes):
    from desktop.cache.disk import DiskProblem, DiskTrouble
    from desktop.cache.store import AccountCache

    def full(self, profile) -> None:
        raise DiskProblem(DiskTrouble.FULL, self.db_path, "database or disk is full")

    monkeypatch.setattr(AccountCache, "put_profile", full)
    with qtbot.assertNotEmitted(session.loggedIn):
        with qtbot.waitSignal(session.loginFailed, timeout=10_000) as failed:
            session.login(ORGANISATION, EMAIL, PASSWORD, False)
    assert failed.args[0].startswith("The disk is full.")
    assert session.account is None
