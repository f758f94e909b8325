"""Where the desktop app keeps its files, the folder name of each account, and that only the
user can read them.

Everything under the data folder is private: folders ``0o700``, files ``0o600`` (on POSIX;
Windows keeps a user's AppData to that user by its access lists). :func:`private_folder` makes
a folder that way, :func:`private_file` creates an empty file that way (SQLite then gives its
``-wal`` and ``-shm`` files the same mode), and :func:`make_private` tightens what an older
version left readable.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import platformdirs

__all__ = [
    "APP_NAME",
    "PRIVATE_FILE",
    "PRIVATE_FOLDER",
    "account_key",
    "default_cache_root",
    "default_data_root",
    "make_private",
    "private_file",
    "private_folder",
]

APP_NAME = "Ouderportaal"

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


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


def private_folder(path: Path) -> Path:
    """Create ``path`` readable by this user only, and so its missing parents (in practice the
    app's own folders: the platform's data folder exists); returns it."""
    path = Path(path)
    for folder in [*reversed(path.parents), path]:
        if not folder.is_dir():
            folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    _tighten(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty and readable by this user only, unless it exists; returns it."""
    path = Path(path)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    return path


def make_private(root: Path) -> None:
    """Tighten every folder and file under ``root`` (files an older version made 0o644).

    Once: this version makes ``root`` private first and everything in it private as it is
    created, so a ``root`` that is private already has nothing to tighten (no walk over
    hundreds of PDFs at every start)."""
    root = Path(root)
    if not root.is_dir() or (os.name == "posix" and not root.stat().st_mode & 0o077):
        return
    _tighten(root, PRIVATE_FOLDER)
    for folder, folders, files in os.walk(root):
        for name in folders:
            _tighten(Path(folder) / name, PRIVATE_FOLDER)
        for name in files:
            _tighten(Path(folder) / name, PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.lstat().st_mode)
        if current & 0o077 and not path.is_symlink():
            path.chmod(current & ~0o077 | (mode & 0o700))
    except FileNotFoundError:
        pass  # removed meanwhile (a finished download renamed its partial file)
