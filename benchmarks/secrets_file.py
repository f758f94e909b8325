"""The benchmarks' stand-in for the OS keyring: secrets in a plain JSON file.

This machine has no Secret Service, and a benchmark that starts the app as separate processes
needs a remembered login's token to survive from one process to the next. The file is
``$OUDERPORTAAL_BENCHMARK_KEYRING``; two ways to reach it:

- ``benchmarks/keyring_stand_in.py``, a keyring backend (``PYTHON_KEYRING_BACKEND``): the keyring
  package is imported as the app imports it, only its backend detection is skipped;
- :func:`install_without_keyring`: the ``keyring`` package replaced by this module's few
  functions, which cost nothing to import — the start the app would have without the keyring.

Never for real use: the file is plain text, which is why the app itself refuses such backends
(desktop/cache/credentials.py) unless they pass as secure, as these do so the benchmark can
remember a login.
"""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

__all__ = ["delete", "get", "install_without_keyring", "put"]


def _path() -> Path:
    return Path(os.environ["OUDERPORTAAL_BENCHMARK_KEYRING"])


def _read() -> dict[str, str]:
    try:
        return json.loads(_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def get(service: str, username: str) -> str | None:
    return _read().get(f"{service}\n{username}")


def put(service: str, username: str, password: str) -> None:
    _path().write_text(json.dumps({**_read(), f"{service}\n{username}": password}),
                       encoding="utf-8")


def delete(service: str, username: str) -> bool:
    """False when there was nothing to delete."""
    secrets = _read()
    if secrets.pop(f"{service}\n{username}", None) is None:
        return False
    _path().write_text(json.dumps(secrets), encoding="utf-8")
    return True


def install_without_keyring() -> None:
    """Put a do-nothing ``keyring`` (over the same file) where the real one would be imported."""
    errors = types.ModuleType("keyring.errors")
    errors.KeyringError = type("KeyringError", (Exception,), {})
    errors.PasswordDeleteError = type("PasswordDeleteError", (errors.KeyringError,), {})
    errors.NoKeyringError = type("NoKeyringError", (errors.KeyringError, RuntimeError), {})

    class KeyringBackend:
        def get_password(self, service: str, username: str) -> str | None:
            return get(service, username)

        def set_password(self, service: str, username: str, password: str) -> None:
            put(service, username, password)

        def delete_password(self, service: str, username: str) -> None:
            if not delete(service, username):
                raise errors.PasswordDeleteError(username)

    backend_module = types.ModuleType("keyring.backend")
    backend_module.KeyringBackend = KeyringBackend
    package = types.ModuleType("keyring")
    package.__path__ = []  # a package: "keyring.backends.…" is simply not found
    backend = KeyringBackend()
    package.get_keyring = lambda: backend
    package.get_password = backend.get_password
    package.set_password = backend.set_password
    package.delete_password = backend.delete_password
    package.backend, package.errors = backend_module, errors
    sys.modules.update({"keyring": package, "keyring.backend": backend_module,
                        "keyring.errors": errors})
