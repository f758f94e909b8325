"""Remembered logins: the account list and the keyring token, always changed together.

A remembered account is a :class:`KnownAccount` (for the login window) plus its refresh token in
the OS keyring. One without the other is useless (an entry that cannot resume) or worse (a token
nobody can see to remove), so this class keeps the two in step: an account is listed exactly
while its token is kept.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from desktop.cache.accounts import KnownAccount, KnownAccounts
from desktop.cache.credentials import CredentialStore
from desktop.cache.disk import DiskProblem
from desktop.services.session.account import Account

__all__ = ["RememberedLogins"]

log = logging.getLogger(__name__)


class RememberedLogins:
    """The accounts this computer remembers, with their refresh tokens."""

    def __init__(self, accounts: KnownAccounts, credentials: CredentialStore) -> None:
        self._accounts = accounts
        self._credentials = credentials

    def list(self) -> list[KnownAccount]:
        return self._accounts.list()

    def get(self, key: str) -> KnownAccount | None:
        return self._accounts.get(key)

    def token(self, key: str) -> str | None:
        return self._credentials.load_refresh_token(key)

    def remember(self, account: KnownAccount, refresh_token: str) -> bool:
        """Keep the account and its token; False (and nothing kept) without a secure keyring."""
        if not self._credentials.save_refresh_token(account.key, refresh_token):
            self.forget(account.key)
            return False
        self._accounts.remember(account)
        return True

    def keep(self, account: Account, refresh_token: str | None) -> bool:
        """Remember the logged-in ``account``; False (nothing kept) without a secure keyring."""
        if refresh_token is None or not self._credentials.is_secure():
            self.forget(account.key)
            return False
        known = KnownAccount(
            key=account.key,
            base_url=account.base_url,
            email=account.email,
            display_name=account.display_name,
            organisation_name=account.organisation_name,
        )
        return self.remember(known, refresh_token)

    def update_token(self, key: str, refresh_token: str) -> None:
        """Store the rotated token of an account that is remembered."""
        if not self._credentials.save_refresh_token(key, refresh_token):
            # The keyring stopped working (locked, removed): a stale token would be refused
            # later anyway, so drop the entry rather than keep a login that cannot resume.
            self.forget(key)

    def forget(self, key: str) -> None:
        self._credentials.delete(key)
        try:
            self._accounts.forget(key)
        except DiskProblem as problem:
            # The token is gone, so the entry left in the list cannot log in; it goes the next
            # time the list can be written.
            log.warning("a forgotten account is still listed: %s", problem)

    def forget_with_data(self, key: str, folder: Path) -> str | None:
        """Forget the account and remove its offline copy in ``folder``; returns the refresh
        token it had (for telling the server), or None."""
        token = self.token(key)
        self.forget(key)
        try:
            shutil.rmtree(folder)
        except FileNotFoundError:
            pass  # never synced on this computer
        except OSError as error:
            log.warning("the offline data of a forgotten account could not be removed: %s", error)
        return token
