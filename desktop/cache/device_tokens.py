"""The ``device_token`` each account's last login on this computer got (docs/api.md, "Auth").

Sent with the account's next login, it tells the portal that this computer is one the account
logged in from, so strangers' failed logins can never lock it out ("Throttling"). It is no
credential (it logs nobody in), but it says who uses this computer, so it is kept like the
rest of the account's data: one small private file in the account's folder
(``accounts/<key>/device_token.json``, written atomically). It therefore lives exactly as long
as the account's offline copy: "forget account", a logout that removes the copy, and the
shared-PC wipe remove it with the folder. A shared PC keeps none (the session never stores
one there). Not in the OS keyring: the keyring is only for remembered logins.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from desktop.cache.disk import write_json_atomically

__all__ = ["FILE_NAME", "FORMAT_VERSION", "DeviceTokens"]

log = logging.getLogger(__name__)

FILE_NAME = "device_token.json"
FORMAT_VERSION = 1


class DeviceTokens:
    """The device tokens under ``accounts_dir`` (one account folder per key)."""

    def __init__(self, accounts_dir: Path) -> None:
        self.accounts_dir = Path(accounts_dir)

    def path(self, key: str) -> Path:
        return self.accounts_dir / key / FILE_NAME

    def get(self, key: str) -> str | None:
        """The token of ``key``; None when there is none or it cannot be read (the login then
        simply goes without one and gets a new one)."""
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            if data["version"] != FORMAT_VERSION or not isinstance(data["device_token"], str):
                raise ValueError("unknown format")
            return data["device_token"] or None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.info("device token of an account unreadable, logging in without: %s", exc)
            return None

    def keep(self, key: str, token: str) -> None:
        """Store the token of ``key``, readable by this user only; raises
        :class:`desktop.cache.disk.DiskProblem` when the disk refuses it."""
        write_json_atomically(self.path(key), {"version": FORMAT_VERSION, "device_token": token})
