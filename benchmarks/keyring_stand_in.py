"""A keyring backend over the benchmarks' secrets file (``benchmarks/secrets_file.py`` says why):
``PYTHON_KEYRING_BACKEND=keyring_stand_in.FileKeyring``. Benchmarks only."""

from __future__ import annotations

import secrets_file
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return secrets_file.get(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets_file.put(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        if not secrets_file.delete(service, username):
            raise PasswordDeleteError(username)
