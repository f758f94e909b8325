"""Where the desktop app keeps its files, and the folder name of each account."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

__all__ = ["APP_NAME", "account_key", "default_cache_root", "default_data_root"]

APP_NAME = "Ouderportaal"


def account_key(base_url: str, email: str) -> str:
    """A stable, filesystem-safe key for one account on one portal.

    A hash (not the e-mail address itself) so folder and keyring entry names do not reveal who
    uses this computer, and so odd characters in an address cannot escape the data folder.
    E-mail addresses compare case-insensitively, like the server does.
    """
    material = f"{base_url.rstrip('/')}\n{email.strip().casefold()}".encode()
    return hashlib.sha256(material).hexdigest()[:20]


def default_data_root() -> Path:
    """The per-user folder for data that must survive (account caches, known accounts)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_cache_root() -> Path:
    """The per-user folder for files that can be downloaded again (photos, documents)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
