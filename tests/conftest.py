"""Test configuration shared by the server, desktop and end-to-end suites."""

from __future__ import annotations

import os
import sys
import time

# The suite starts dozens of Python processes (xdist workers, the app and the server as
# programs, the benchmarks' servers). Where PYTHONDONTWRITEBYTECODE is set (these CI
# machines), each of them compiled every module it imports from source again: seconds of CPU
# per process. From here on this run and what it starts write and reuse bytecode.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Qt must never open a real window in the test run; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests speak English unless a test asks for Dutch: the app follows the system language.
os.environ.setdefault("LANGUAGE", "en")
# The suite runs as a computer in the Netherlands: the app's "today" is the computer's, the
# portal's is Amsterdam's, and on a UTC machine they differ for an hour or two before midnight.
# (Windows has no tzset: there the computer's own zone stays, as a Dutch developer's would.)
if hasattr(time, "tzset"):
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402

# The qasync loop fixtures (qt_loop, loop, run) for the Qt suites; a WARNING+ log record
# that a test did not expect fails it (log_fail.py).
pytest_plugins = ["qasync_fixtures", "log_fail", "pytester"]


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring that lives in memory, so tests never touch the real one."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets an empty in-memory keyring; the previous backend is restored after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
