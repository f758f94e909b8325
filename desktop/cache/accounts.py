"""The accounts this computer remembers, for the login window's account list.

A small versioned JSON file (``known_accounts.json``), replaced atomically so a crash while
saving can never leave half a file; a disk that refuses raises :class:`DiskProblem`. Only what
the account list shows is kept — the person's name, the organisation and its portal address
(the app needs it to reconnect) — never the e-mail address, a password or a token (those go to
the OS keyring, see credentials.py; the e-mail address comes back with the account's own data).
Shared-PC mode never remembers.

Version 1 also kept the e-mail address; such a file is rewritten without it when read.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cache.disk import DiskProblem, write_json_atomically, writing

__all__ = ["FILE_NAME", "FORMAT_VERSION", "KnownAccount", "KnownAccounts"]

log = logging.getLogger(__name__)

FILE_NAME = "known_accounts.json"
FORMAT_VERSION = 2


@dataclass(frozen=True)
class KnownAccount:
    """An account shown in the login window (``key`` from ``paths.account_key``)."""

    key: str
    base_url: str
    display_name: str
    organisation_name: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KnownAccount:
        return cls(**{f.name: str(data[f.name]) for f in fields(cls)})


class KnownAccounts:
    """The remembered accounts under ``root``, most recently remembered first."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / FILE_NAME

    def list(self) -> list[KnownAccount]:
        return self._read()

    def get(self, key: str) -> KnownAccount | None:
        return next((a for a in self._read() if a.key == key), None)

    def remember(self, account: KnownAccount) -> None:
        """Add or update ``account`` and move it to the top of the list."""
        others = [a for a in self._read() if a.key != account.key]
        self._write([account, *others])

    def forget(self, key: str) -> None:
        """Remove the account (an unknown key is fine)."""
        accounts = self._read()
        remaining = [a for a in accounts if a.key != key]
        if len(remaining) != len(accounts):
            self._write(remaining)

    def forget_all(self) -> list[KnownAccount]:
        """Remove the whole list (a shared PC keeps none); returns what it held."""
        accounts = self._read()
        self.path.unlink(missing_ok=True)
        return accounts

    def _read(self) -> list[KnownAccount]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        try:
            data = json.loads(text)
            version = data["version"]
            if version not in (1, FORMAT_VERSION):
                raise ValueError(f"unsupported format version {version!r}")
            accounts = [KnownAccount.from_json(item) for item in data["accounts"]]
        except (ValueError, KeyError, TypeError) as exc:
            # A list the user can rebuild by logging in again: keep the file for inspection
            # (a newer app version may still want it) and carry on with an empty list.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{FILE_NAME}.unreadable-{stamp}")
            try:
                with writing(aside):
                    self.path.replace(aside)
            except DiskProblem as problem:
                log.warning("known accounts file unreadable (%s), left in place: %s",
                            exc, problem)
                return []
            log.warning("known accounts file unreadable (%s); moved to %s", exc, aside.name)
            return []
        if version == 1:
            try:
                self._write(accounts)  # the e-mail addresses leave the disk
            except DiskProblem as problem:
                log.warning("known accounts file not yet rewritten without e-mail: %s", problem)
        return accounts

    def _write(self, accounts: list[KnownAccount]) -> None:
        write_json_atomically(self.path, {"version": FORMAT_VERSION,
                                          "accounts": [asdict(a) for a in accounts]})
