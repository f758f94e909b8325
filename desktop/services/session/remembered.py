"""Remembered logins: the account list and the keyring token, always changed together.

A remembered account is a :class:`KnownAccount` (for the login window) plus its refresh token in
the OS keyring. An entry is listed before its token is stored and unlisted before its token is
removed, so a token is never in the keyring without an entry that leads to it — which is also
why an account that is not listed never costs a keyring call: with "Onthoud mij" off (and for
staff) login and logout do not touch the keyring at all.

Every keyring call runs on one worker thread, in the order the calls were made (a rotated token
is stored after the first one, a removal after both): a locked keyring shows its unlock prompt
for as long as the user leaves it open, and the GUI thread must not wait for that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from desktop.cache.accounts import KnownAccount, KnownAccounts
from desktop.cache.credentials import CredentialStore
from desktop.cache.disk import DiskProblem
from desktop.services.session.account import Account
from desktop.services.shared.tasks import CrashHandler

__all__ = ["RememberedLogins"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class RememberedLogins:
    """The accounts this computer remembers, with their refresh tokens."""

    def __init__(self, accounts: KnownAccounts, credentials: CredentialStore,
                 on_crash: CrashHandler | None = None) -> None:
        self._accounts = accounts
        self._credentials = credentials
        self._on_crash = on_crash
        self._worker: ThreadPoolExecutor | None = None  # made at the first keyring call
        self._calls: set[asyncio.Future[Any]] = set()

    def list(self) -> list[KnownAccount]:
        return self._accounts.list()

    def get(self, key: str) -> KnownAccount | None:
        return self._accounts.get(key)

    async def token(self, key: str) -> str | None:
        """The remembered refresh token of ``key`` (None when it is not remembered)."""
        if self.get(key) is None:
            return None
        return await self._keyring(self._credentials.load_refresh_token, key)

    def keep(self, account: Account, refresh_token: str) -> Awaitable[bool]:
        """Remember the logged-in ``account``: listed now, its token stored in the background;
        await the answer: False (and nothing kept) without a secure keyring."""
        self._accounts.remember(KnownAccount(
            key=account.key, base_url=account.base_url, display_name=account.display_name,
            organisation_name=account.organisation_name))
        return self._kept(account.key, self._keyring(self._credentials.save_refresh_token,
                                                     account.key, refresh_token))

    async def _kept(self, key: str, saved: Awaitable[bool]) -> bool:
        if await saved:
            return True
        self.forget(key)  # an entry whose token could not be stored cannot resume
        return False

    def update_token(self, key: str, refresh_token: str) -> None:
        """Store the rotated token of a remembered account (in the background)."""
        if self.get(key) is None:
            return
        saved = self._keyring(self._credentials.save_refresh_token, key, refresh_token)

        def stored(call: asyncio.Future[bool]) -> None:
            if not call.cancelled() and call.exception() is None and not call.result():
                # The keyring stopped working (locked, removed): a stale token would be
                # refused later anyway, so drop the entry rather than keep a login that
                # cannot resume.
                self.forget(key)

        saved.add_done_callback(stored)

    def forget(self, key: str) -> None:
        """Forget ``key`` now; its keyring entry is removed in the background. An account that
        is not listed has no token (see the module docstring): the keyring is left alone."""
        if self.get(key) is None:
            return
        try:
            self._accounts.forget(key)
        except DiskProblem as problem:
            # The token goes all the same, so the entry left in the list cannot log in; it
            # goes the next time the list can be written.
            log.warning("a forgotten account is still listed: %s", problem)
        self._keyring(self._credentials.delete, key)

    def take(self, key: str) -> asyncio.Future[str | None] | None:
        """Forget ``key`` now and hand back (later) the token it had, to end that login on
        the server; None when ``key`` is not remembered."""
        if self.get(key) is None:
            return None
        self._accounts.forget(key)
        token = self._keyring(self._credentials.load_refresh_token, key)
        self._keyring(self._credentials.delete, key)
        return token

    def forget_all(self) -> None:
        """Forget every remembered account (a computer that became a shared PC)."""
        for known in self._accounts.forget_all():
            self._keyring(self._credentials.delete, known.key)

    async def aclose(self) -> None:
        """Wait for the keyring calls made so far, then stop the worker."""
        while calls := [c for c in self._calls if not c.done()]:
            await asyncio.gather(*calls, return_exceptions=True)
        if self._worker is not None:
            self._worker.shutdown(wait=False)
            self._worker = None

    def _keyring(self, call: Callable[..., T], *args: object) -> asyncio.Future[T]:
        """Run ``call`` on the keyring thread, after every call made before it."""
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")
        future = asyncio.get_running_loop().run_in_executor(self._worker, call, *args)
        self._calls.add(future)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, call: asyncio.Future[Any]) -> None:
        self._calls.discard(call)
        if call.cancelled() or call.exception() is None:
            return
        # The credential store turns every keyring failure into "not stored"; anything
        # else is a bug.
        error = call.exception()
        if self._on_crash is not None:
            self._on_crash(error)
        else:
            log.error("keyring call failed", exc_info=error)
