"""The session: who is logged in, with which client, cache and remembered login.

One piece on purpose (about 760 lines): :class:`SessionService` is one state machine — logged
out, starting (login, the two-factor code step, resume online, resume from offline data),
logged in, locked, ending (logout, switch, expiry, too many unlock attempts) — and every
transition touches the same few fields (the current :class:`SessionState`, the pending second
step, the busy flag, the lock, the remembered login). Splitting the transitions over modules
would spread that state: each would reach into the others' fields. What has a job of its own lives
beside it: the lock rules (``lock.py``), the remembered logins (``remembered.py``), revoking at
the server (``revoke.py``), the portal check (``portal_check.py``) and the account record
(``account.py``), removing offline copies (``offline_copies.py``), the two-factor setup an
organisation requires before a manager's login (``login_setup.py``); the device token a login
hands out is kept beside the copy (``desktop/cache/device_tokens.py``). Every start ends in
:meth:`SessionService._begin`; the online ones (login, resume without offline data) first store
the fresh profile and policy in :meth:`_start`. Every end goes through :meth:`_end`, which
decides whether the account's offline copy stays (``offline_copies.copy_stays``).

The keyring is never touched on this thread (``remembered.py`` runs it on a worker) and never
for an account that is not remembered.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from desktop.api.core.address import AddressError, portal_base_url
from desktop.api.core.errors import (
    AccountExpired,
    PortalError,
    SessionExpired,
    TooManyAttempts,
    TwoFactorRequired,
    TwoFactorSetupRequired,
)
from desktop.api.core.tokens import Tokens
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Profile
from desktop.cache.accounts import KnownAccount, KnownAccounts
from desktop.cache.credentials import CredentialStore
from desktop.cache.device_tokens import DeviceTokens
from desktop.cache.disk import DiskProblem
from desktop.cache.leftovers import Leftovers
from desktop.cache.paths import account_key, make_private
from desktop.services.session.account import (
    Account,
    SecondStep,
    SessionState,
    now,
    setting_is_true,
    why_expired,
)
from desktop.services.session.clients import ClientFactory
from desktop.services.session.connection import Connection
from desktop.services.session.lock import SessionLock
from desktop.services.session.login_setup import LoginSetup
from desktop.services.session.offline_copies import OfflineCopies, copy_stays
from desktop.services.session.password_check import PasswordCheck
from desktop.services.session.portal_check import PortalCheck
from desktop.services.session.remembered import RememberedLogins
from desktop.services.session.revoke import close_client, revoke_refresh_token
from desktop.services.session.security_messages import security_message
from desktop.services.shared.errors import address_message, disk_message, user_message
from desktop.services.shared.tasks import EXPECTED, CrashHandler, ExpectedError, TaskRunner

if TYPE_CHECKING:
    from desktop.api.client import PortalClient
    from desktop.cache.store import AccountCache

__all__ = ["SHARED_PC_SETTING", "Account", "SessionService"]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: QSettings key an installer sets to put this computer in shared-PC mode.
SHARED_PC_SETTING = "shared_pc"


class SessionService(QObject):
    """Owns login, logout, token refresh persistence, lock/unlock and account switching.

    Signals: ``busyChanged(bool)``; ``loggingIn(Account)`` right before ``loggedIn(Account)``
    (whoever must be listening when ``loggedIn`` arrives can still get ready); ``loginFailed(str)``;
    ``loggedOut()``; ``sessionExpired(str)``; ``rememberUnavailable(str)`` (the login, or
    this computer as one the account logs in from, could not be kept); ``locked()``;
    ``unlocked()``; ``unlockFailed(str)``; ``portalChecked(base_url, organisation_name)``;
    ``portalCheckFailed(str)``; ``leftoversChanged(str)`` (an account's data could not be
    removed yet; "" once it is). Every ``str`` is a translated message for the user.

    ``lock_minutes`` overrides the organisation's ``inactivity_lock_minutes`` policy.
    :attr:`connection` follows the outcome of every request of the session's clients.
    ``settings`` are the user's, ``machine_settings`` the computer's (the installer's
    shared-PC switch, which a user's own value cannot switch off). ``leftovers`` is for tests
    (a folder that cannot be removed).
    """

    busyChanged = Signal(bool)
    loggingIn = Signal(object)
    loggedIn = Signal(object)
    loginFailed = Signal(str)
    codeRequired = Signal()
    codeRefused = Signal(str)
    loggedOut = Signal()
    sessionExpired = Signal(str)
    rememberUnavailable = Signal(str)
    locked = Signal()
    unlocked = Signal()
    unlockFailed = Signal(str)
    portalChecked = Signal(str, str)
    portalCheckFailed = Signal(str)
    leftoversChanged = Signal(str)

    def __init__(
        self,
        data_root: Path,
        *,
        clients: ClientFactory | None = None,
        credentials: CredentialStore | None = None,
        settings: QSettings | None = None,
        machine_settings: QSettings | None = None,
        shared_pc: bool = False,
        lock_minutes: float | None = None,
        app: QCoreApplication | None = None,
        on_crash: CrashHandler | None = None,
        leftovers: Leftovers | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_root = Path(data_root)
        self._accounts_dir = self._data_root / "accounts"
        self._clients = clients or ClientFactory()
        self._remembered = RememberedLogins(
            KnownAccounts(self._data_root), credentials or CredentialStore(), on_crash
        )
        self._copies = OfflineCopies(leftovers or Leftovers(self._data_root), self)
        self._device_tokens = DeviceTokens(self._accounts_dir)
        self._copies.leftoversChanged.connect(self.leftoversChanged)
        self._settings = settings
        self._machine_settings = machine_settings
        self._shared_flag = shared_pc
        self._lock_minutes = lock_minutes
        self._tasks = TaskRunner(on_crash)
        self._closing = itertools.count(1)
        self._session: SessionState | None = None
        # A login whose password was right, waiting for its two-factor code.
        self._second_step: SecondStep | None = None
        # Or waiting for the two-factor setup the organisation requires first (login_setup.py).
        self.setup = LoginSetup(self._tasks, self._finish_setup, self._device_token, self)
        self.setup.failed.connect(self.loginFailed)
        self._portal_check = PortalCheck(self._clients, on_crash, self)
        self._portal_check.checked.connect(self.portalChecked)
        self._portal_check.failed.connect(self.portalCheckFailed)
        self._lock = SessionLock(app, on_crash, self)
        self._lock.locked.connect(self.locked)
        self._lock.unlocked.connect(self.unlocked)
        self._lock.unlockFailed.connect(self.unlockFailed)
        self._lock.attemptsExhausted.connect(self._lock_exhausted)
        self._restore_lock = asyncio.Lock()
        self._busy = False
        self.connection = Connection(self)
        self._retired: weakref.WeakSet[PortalClient] = weakref.WeakSet()
        self.loggedOut.connect(self.connection.reset)
        self.sessionExpired.connect(self.connection.reset)

    # --- state --------------------------------------------------------------------------------

    @property
    def account(self) -> Account | None:
        return self._session.account if self._session else None

    @property
    def client(self) -> PortalClient | None:
        return self._session.client if self._session else None

    @property
    def cache(self) -> AccountCache | None:
        return self._session.cache if self._session else None

    @property
    def policy(self) -> Policy:
        return self._session.policy if self._session else Policy()

    @property
    def shared_pc(self) -> bool:
        """Shared-PC mode: the command-line flag, the installer's setting or a staff account."""
        account = self.account
        return self._computer_is_shared() or (account is not None and account.shared_pc)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    @property
    def inactivity_lock_armed(self) -> bool:
        """True while the shared-PC inactivity countdown runs."""
        return self._lock.watching

    @property
    def busy(self) -> bool:
        return self._busy

    def known_accounts(self) -> list[KnownAccount]:
        """The remembered accounts (none on a shared PC: it never remembers anyone)."""
        return [] if self._computer_is_shared() else self._remembered.list()

    @property
    def leftovers_message(self) -> str:
        """Why some account data is still on this computer ("" when nothing is)."""
        return self._copies.message

    def _computer_is_shared(self) -> bool:
        # Either place switches it on: a user's own "false" must not undo the office's "true"
        # (QSettings would read the machine's value only when the user has none).
        return self._shared_flag or any(
            setting_is_true(settings.value(SHARED_PC_SETTING, False))
            for settings in (self._settings, self._machine_settings) if settings is not None)

    # --- offline copies -----------------------------------------------------------------------

    def remove_leftovers(self) -> None:
        """At start, before any window shows: remove the account data a crash, a power cut or
        a file held open left behind. A shared PC keeps no account folder and no remembered
        login at all; everything that stays is made readable by this user only."""
        shared = self._computer_is_shared()
        if shared and self._remembered.list():
            self._remembered.forget_all()  # an office turned a personal PC into a shared one
        self._copies.remove_leftovers(every_folder=shared)
        make_private(self._data_root)

    @property
    def keep_offline_copy(self) -> bool:
        """Whether this account's data stays on this computer after logging out."""
        session = self._session
        return session is not None and copy_stays(session)

    def set_keep_offline_copy(self, keep: bool) -> None:
        """The account's own choice (ignored on a shared PC, which keeps nothing)."""
        session = self._session
        if session is not None and not session.account.shared_pc:
            session.cache.set_keep_offline_copy(keep)


    # --- portal check -------------------------------------------------------------------------

    def check_portal(self, organisation: str) -> None:
        """Check the typed organisation; emits ``portalChecked`` or ``portalCheckFailed``."""
        self._portal_check.check(organisation)

    # --- login --------------------------------------------------------------------------------

    def login(self, organisation: str, email: str, password: str, remember: bool) -> None:
        """Log in; emits ``loggedIn`` or ``loginFailed`` (and maybe ``rememberUnavailable``)."""
        email = email.strip()
        if not email or not password:
            self.loginFailed.emit(self.tr("Enter your e-mail address and password."))
            return
        try:
            base_url = portal_base_url(organisation)
        except AddressError as error:
            self.loginFailed.emit(address_message(error))
            return
        if self._session is not None:
            self._end(self._session, revoke=True, forget=False)
        self.cancel_code()
        self._set_busy(True)
        organisation_name: list[str] = [""]  # filled in as soon as the portal has answered
        self._tasks.run(
            "login",
            self._login(base_url, email, password, remember, organisation_name),
            lambda error: self.loginFailed.emit(
                user_message(error, organisation=organisation_name[0])
            ),
        )

    async def _login(
        self, base_url: str, email: str, password: str, remember: bool, name: list[str]
    ) -> None:
        client: PortalClient | None = None
        try:
            client = await self._client_for(base_url)
            info = await client.portal.info()
            name[0] = info.name
            key = account_key(client.base_url, email)
            try:
                tokens = await client.auth.login(email, password, self._device_token(key))
            except (TwoFactorRequired, TwoFactorSetupRequired) as required:
                # The password was right; the login window asks for the code in place, or
                # leads through the setup first.
                check = await asyncio.to_thread(PasswordCheck.of, password)
                step = SecondStep(client, email, info.name, remember, check,
                                  required.challenge)
                self._set_busy(False)
                if isinstance(required, TwoFactorSetupRequired):
                    self.setup.begin(step)
                    return
                self._second_step = step
                self.codeRequired.emit()
                return
            check = await asyncio.to_thread(PasswordCheck.of, password)
        except BaseException:
            self._set_busy(False)
            if client is not None:
                await client.aclose()
            raise
        await self._logged_in_online(client, email, info.name, remember, check, tokens)

    def login_with_code(self, code: str) -> None:
        """The second step of a two-factor login: emits ``loggedIn``, ``codeRefused`` (a wrong
        or used code: type another) or ``loginFailed`` (start again)."""
        step = self._second_step
        if step is None:
            return
        if not code.strip():
            self.codeRefused.emit(self.tr("Enter the code from your authenticator app."))
            return
        self._set_busy(True)
        self._tasks.run("login", self._login_with_code(step, code.strip()),
                        lambda error: self._code_failed(step, error))

    async def _login_with_code(self, step: SecondStep, code: str) -> None:
        key = account_key(step.client.base_url, step.email)
        try:
            tokens = await step.client.auth.login_with_code(step.challenge, code,
                                                            self._device_token(key))
        except BaseException:
            self._set_busy(False)
            raise
        self._second_step = None
        await self._logged_in_online(step.client, step.email, step.organisation, step.remember,
                                     step.check, tokens)

    def _code_failed(self, step: SecondStep, error: PortalError) -> None:
        message = security_message(error, organisation=step.organisation)
        if step is self._second_step and (
                isinstance(error, TooManyAttempts)
                or getattr(error, "code", "") == "two_factor_code_invalid"):
            self.codeRefused.emit(message)
            return
        self.cancel_code()
        self.loginFailed.emit(message)

    def cancel_code(self) -> None:
        """Back from the code step (or the setup) to the password (nothing is logged in)."""
        step, self._second_step = self._second_step, None
        if step is not None:
            self._tasks.run(f"close-{next(self._closing)}", step.client.aclose())
        self.setup.cancel()

    async def _finish_setup(self, step: SecondStep, tokens: Tokens) -> None:
        self._set_busy(True)
        await self._logged_in_online(step.client, step.email, step.organisation, step.remember,
                                     step.check, tokens)

    async def _logged_in_online(self, client: PortalClient, email: str, organisation: str,
                                remember: bool, check: PasswordCheck, tokens: Tokens) -> None:
        """The rest of a login once the portal handed out tokens (still busy)."""
        key = account_key(client.base_url, email)
        try:
            profile, policy = await self._fetch_profile(client)
            # Another person logs in: what earlier sessions left goes first (on a shared PC
            # every account folder, this person's own old one too).
            self._copies.remove_leftovers(every_folder=self._computer_is_shared())
            cache = self._open_cache(key)
            try:
                session = self._start(client.base_url, email, organisation, client, cache,
                                      profile, policy, remember=False, check=check)
            except BaseException:
                cache.close()  # e.g. a disk too full to keep the profile: not logged in
                raise
        except BaseException:
            await client.aclose()
            raise
        finally:
            self._set_busy(False)
        # After loggedIn, so the main window that now exists can tell the parent in its
        # message bar that the login (or this device) could not be remembered.
        self._keep_device_token(session, tokens.device_token)
        self._apply_remember(session, remember)

    def password_changed(self, new_password: str) -> None:
        """The account's password changed here: the lock screen takes the new one."""
        session = self._session
        if session is not None:
            self._tasks.run("password-check", self._new_check(session, new_password))

    async def _new_check(self, session: SessionState, new_password: str) -> None:
        check = await asyncio.to_thread(PasswordCheck.of, new_password)
        if session is self._session:
            session.check = check
            self._lock.replace_check(check)

    def _device_token(self, key: str) -> str | None:
        """The device token to send with a login of ``key``: none on a shared PC (it keeps
        nothing per account) or from a copy that is on its way out."""
        if self._computer_is_shared() or self._copies.leaving(key):
            return None
        return self._device_tokens.get(key)

    def _keep_device_token(self, session: SessionState, token: str | None) -> None:
        """Keep the login's device token with the account's copy (docs/api.md, "Throttling");
        a shared-PC session (shared computer or staff account) keeps none."""
        if token is None or session.account.shared_pc:
            return
        try:
            self._device_tokens.keep(session.account.key, token)
        except DiskProblem as problem:
            log.info("device token not kept: %s", problem.trouble)
            self.rememberUnavailable.emit(self.tr(
                "This computer could not be saved as one of your devices, so if others try "
                "wrong passwords for your account, your next login here may have to wait. %1"
            ).replace("%1", disk_message(problem)))

    async def _fetch_profile(self, client: PortalClient) -> tuple[Profile, Policy]:
        """What every online start fetches: the profile and the policy."""
        return await client.profile.me(), await self._fetch_policy(client)

    async def _fetch_policy(self, client: PortalClient) -> Policy:
        try:
            return await client.portal.policy()
        except SessionExpired:
            raise
        except PortalError as error:
            # The defaults (e.g. a 10-minute lock) are safe; a session must not fail on this.
            log.info("policy not available, using defaults: %s", type(error).__name__)
            return Policy()

    def _start(self, base_url: str, email: str, organisation: str, client: PortalClient,
               cache: AccountCache, profile: Profile, policy: Policy, *, remember: bool,
               check: PasswordCheck | None, key: str | None = None) -> SessionState:
        """The one end of an online start (login, or a remembered login without offline
        data): the fresh profile and policy go to the cache, then the session begins. A disk
        that refuses them raises :class:`DiskProblem` before anything began."""
        account = self._account_from(base_url, email, organisation, profile, key=key)
        if account.shared_pc:
            self._copies.hold(account.key)  # listed before anything personal is written
        else:
            self._copies.release(account.key)
        cache.put_profile(profile)
        cache.put_policy(policy)
        cache.mark_synced(now())
        session = SessionState(account, client, cache, remember=remember, check=check,
                               policy=policy)
        self._begin(session)
        return session

    def _apply_remember(self, session: SessionState, remember: bool) -> None:
        account = session.account
        tokens = session.tokens
        if not remember or account.shared_pc or tokens is None:
            # Not (or no longer) remembered: leave nothing behind that could log in later.
            # An account that was not remembered has nothing in the keyring to remove.
            self._remembered.forget(account.key)
            if remember:
                self.rememberUnavailable.emit(self.tr(
                    "Staff accounts and shared computers are never remembered: log in again "
                    "next time.") if account.shared_pc else self._no_keyring_message())
            return
        try:
            saved = self._remembered.keep(account, tokens.refresh_token)
        except DiskProblem as problem:  # the account list could not be written: no token kept
            self.rememberUnavailable.emit(user_message(problem))
            return
        session.remember = True  # a rotated token is stored after this first one
        self._tasks.run(f"remember-{account.key}", self._remembered_or_not(session, saved))

    async def _remembered_or_not(self, session: SessionState, saved: Awaitable[bool]) -> None:
        if await saved:
            return
        session.remember = False
        if session is self._session:
            self.rememberUnavailable.emit(self._no_keyring_message())

    def _no_keyring_message(self) -> str:
        return self.tr(
            "This computer has no secure place to keep your login, so it will not be "
            "remembered. Next time you will need to log in again."
        )

    # --- resume a remembered account ----------------------------------------------------------

    def resume(self, key: str) -> None:
        """Open a remembered account: its cached data at once, then the keyring token in the
        background. Offline, the account stays open with the cached data."""
        known = self._remembered.get(key)
        if known is None or self._computer_is_shared():
            self.loginFailed.emit(
                self.tr("This login is no longer remembered on this computer. Please log in.")
            )
            return
        if self._session is not None:
            self._end(self._session, revoke=False, forget=False)
        self._copies.remove_leftovers(keep=[key])
        try:
            cache = self._open_cache(key)
        except EXPECTED as error:  # a full disk, or writes of a newer app version
            self.loginFailed.emit(user_message(error))
            return
        profile = cache.profile()
        if profile is None:
            # Nothing to show offline yet: this is a login with the remembered token.
            self._set_busy(True)
            self._tasks.run(
                "restore",
                self._resume_online(known, cache),
                lambda error: self._resume_failed(key, error),
            )
            return
        account = self._account_from(known.base_url, profile.user.email,
                                     known.organisation_name, profile, key=key)
        session = SessionState(
            account,
            None,  # made by the first request, after the main window has painted
            cache,
            remember=True,
            check=None,
            policy=cache.policy() or Policy(),
            restore_pending=True,
        )
        self._begin(session)
        self._tasks.run("restore", self._restore_in_background(session), self._restore_failed)

    async def _resume_online(self, known: KnownAccount, cache: AccountCache) -> None:
        client: PortalClient | None = None
        try:
            try:
                client = await self._client_for(known.base_url)
                await client.auth.restore(await self._remembered_token(known.key))
                profile, policy = await self._fetch_profile(client)
                self._start(known.base_url, profile.user.email, known.organisation_name, client,
                            cache, profile, policy, remember=True, check=None, key=known.key)
            except BaseException:
                if client is not None:
                    await client.aclose()
                cache.close()
                raise
        finally:
            self._set_busy(False)

    async def _remembered_token(self, key: str) -> str:
        """The keyring's token of ``key``; a token that is gone ends the login like a
        refused one."""
        token = await self._remembered.token(key)
        if token is None:
            raise SessionExpired(401, "session_expired", "the remembered login is gone")
        return token

    def _resume_failed(self, key: str, error: ExpectedError) -> None:
        if isinstance(error, SessionExpired):
            self._remembered.forget(key)  # the remembered token is dead
        self.loginFailed.emit(user_message(error))

    async def _restore_in_background(self, session: SessionState) -> None:
        policy = await self.request(self._fetch_policy)
        session.cache.put_policy(policy)
        session.policy = policy

    def _restore_failed(self, error: ExpectedError) -> None:
        # Offline or a server hiccup: the account stays open with its cached data while the
        # profile service shows "offline" and retries. A refused token has ended the session.
        log.info("remembered session not restored yet: %s", type(error).__name__)

    async def request(self, call: Callable[[PortalClient], Awaitable[T]]) -> T:
        """Run ``call`` with the session's client — the way services talk to the portal.

        A remembered token is exchanged first if needed. Raises ``ConnectionProblem`` while
        offline; a ``SessionExpired`` (refresh refused, access ended) ends the session here,
        with its own message on ``sessionExpired``, and is re-raised for the caller to stop.
        So does ``AccountExpired``: the portal checks the family's access on every request,
        so it can end a session whose tokens are still valid.
        """
        session = self._session
        if session is None:
            raise SessionExpired(401, "not_authenticated", "not logged in")
        try:
            client = await self._restore_if_needed(session)
            return await call(client)
        except (SessionExpired, AccountExpired) as error:
            self._expire(session, error)
            raise

    async def _restore_if_needed(self, session: SessionState) -> PortalClient:
        """The session's client, made on first use, with a remembered token exchanged."""
        async with self._restore_lock:  # concurrent callers share one client and exchange
            if session.client is None:
                await self._clients.ready()
            if session is not self._session:
                raise SessionExpired(401, "not_authenticated", "the session has ended")
            if session.client is None:
                session.client = self._new_client(session.account.base_url)
            client = session.client
            if session.restore_pending and client.tokens is None:
                token = await self._remembered_token(session.account.key)
                if session is not self._session:
                    raise SessionExpired(401, "not_authenticated", "the session has ended")
                await client.auth.restore(token)
                session.restore_pending = False
            return client

    # --- logout, switch, expiry ---------------------------------------------------------------

    def logout(self) -> None:
        """End the session here and on the server; a shared PC also loses the account's files."""
        session = self._session
        if session is not None:
            self._end(session, revoke=True, forget=True)
            self.loggedOut.emit()

    def switch_account(self) -> None:
        """Back to the login window. A remembered login stays remembered (and valid), so the
        account can be resumed later; anything else is a plain logout."""
        session = self._session
        if session is None:
            return
        keep = session.remember and not session.account.shared_pc
        self._end(session, revoke=not keep, forget=not keep, still_remembered=keep)
        self.loggedOut.emit()

    def forget_account(self, key: str) -> None:
        """Forget a remembered account on this computer: its listing, its keyring token and its
        cached data; the server is asked in the background to end that login."""
        known = self._remembered.get(key)
        if known is None or (self._session is not None and self._session.account.key == key):
            return
        token = self._remembered.take(key)  # the listing goes now, the keyring entry next
        self._copies.remove(key)
        if token is not None:
            self._tasks.run(f"forget-{key}", self._end_forgotten_login(known.base_url, token))

    async def _end_forgotten_login(self, base_url: str, token: Awaitable[str | None]) -> None:
        refresh_token = await token
        if refresh_token is not None:
            await revoke_refresh_token(self._clients, base_url, refresh_token)

    def _expire(self, session: SessionState, error: PortalError | None = None) -> None:
        if session is not self._session:
            return
        self._end(session, revoke=False, forget=True)
        self.sessionExpired.emit(user_message(why_expired(error)))

    def _end(self, session: SessionState, *, revoke: bool, forget: bool,
             still_remembered: bool = False) -> None:
        """Detach ``session`` and clean up locally now; the server is told in the background.
        A logout always completes: a copy that cannot be removed yet is tried again later."""
        self._session = None
        if session.client is not None:
            self._retired.add(session.client)
        self._copies.keep(None)
        for name in ("login", "restore"):
            self._tasks.cancel(name)
        self._lock.disarm()
        key = session.account.key
        if forget or session.account.shared_pc:
            self._remembered.forget(key)
        keep_copy = copy_stays(session, still_remembered=still_remembered)
        session.cache.close()
        if not keep_copy:
            self._copies.remove(key)
        if session.client is not None:
            self._tasks.run(f"close-{next(self._closing)}",
                            close_client(session.client, revoke=revoke))

    async def aclose(self) -> None:
        """Shut down: a shared-PC session is logged out (files wiped), any other one closed
        (a remembered login stays valid); waits for the server calls this started."""
        session = self._session
        if session is not None:
            shared = session.account.shared_pc
            keep = session.remember and not shared
            self._end(session, revoke=not keep, forget=not keep, still_remembered=keep)
        for name in ("login", "restore"):
            self._tasks.cancel(name)
        self.cancel_code()
        self._copies.stop()
        await self._portal_check.aclose()
        await self._lock.aclose()
        await self._tasks.join()
        await self._remembered.aclose()

    # --- lock screen (rules in lock.py) --------------------------------------------------------

    def lock(self) -> None:
        """Cover the session (inactivity or the user's choice); emits ``locked``."""
        self._lock.lock()

    def unlock(self, password: str) -> None:
        """Check the password against the login's in-memory hash; emits ``unlocked`` or
        ``unlockFailed`` (after too many wrong tries the session ends: ``sessionExpired``)."""
        self._lock.unlock(password)

    def _lock_exhausted(self, message: str) -> None:
        session = self._session
        if session is not None:
            self._end(session, revoke=True, forget=True)
            self.sessionExpired.emit(message)

    # --- helpers ------------------------------------------------------------------------------

    def _begin(self, session: SessionState) -> None:
        """Every start ends here (login, resume online or from offline data): the session is
        current, the lock armed, a remembered login's rotated token kept, then ``loggedIn``."""
        self._session = session
        self._copies.keep(session.account.key)
        minutes = None
        if session.account.shared_pc:
            minutes = self._lock_minutes or session.policy.inactivity_lock_minutes or 10
        self._lock.arm(session.check, minutes)
        tokens = session.tokens
        if session.remember and tokens is not None:
            self._remembered.update_token(session.account.key, tokens.refresh_token)
        self.loggingIn.emit(session.account)
        self.loggedIn.emit(session.account)

    async def _client_for(self, base_url: str) -> PortalClient:
        await self._clients.ready()
        return self._new_client(base_url)

    def _new_client(self, base_url: str) -> PortalClient:
        client: PortalClient | None = None

        def on_tokens(tokens: Tokens | None) -> None:
            self._tokens_changed(client, tokens)

        def on_outcome(reached: bool) -> None:
            if client not in self._retired:  # not the revoke of a session already ended
                self.connection.report(reached)

        client = self._clients(base_url, on_tokens=on_tokens, on_outcome=on_outcome)
        return client

    def _tokens_changed(self, client: PortalClient | None, tokens: Tokens | None) -> None:
        session = self._session
        if session is None or session.client is not client:
            return  # a login still in progress (it stores the token itself), or a closed client
        if tokens is not None and session.remember and not session.account.shared_pc:
            self._remembered.update_token(session.account.key, tokens.refresh_token)
        # tokens None: the refresh was refused; request() ends the session with the reason.

    def _account_from(self, base_url: str, email: str, organisation: str, profile: Profile, *,
                      key: str | None = None) -> Account:
        return Account.of(base_url, email, organisation, profile,
                          shared_computer=self._computer_is_shared(), key=key)

    def _open_cache(self, key: str) -> AccountCache:
        # Imported here: the login window paints without the offline store (and SQLite).
        from desktop.cache.store import AccountCache

        # A cache this version cannot read is set aside: it only holds re-downloadable data
        # (the outbox, which does not, has a file of its own). Raises DiskProblem when the disk
        # refuses, OutboxTooNew for writes a newer version queued.
        return AccountCache.open(self._accounts_dir / key, recover=True)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
