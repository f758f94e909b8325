"""``ouderportaal --demo``: the embedded demo portal server, started inside the app.

The server package is imported lazily, inside :func:`open_demo_server`, because the parents'
installer does not ship it (docs/architecture.md): only this function needs it. Opening takes
the server's address at once; :meth:`DemoServer.start` — building the demo database, serving —
takes seconds and runs in a worker thread while the login window is already on screen.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.api.account.records import grouped_secret

__all__ = ["DEMO_PASSWORD", "DemoAccount", "DemoServer", "demo_accounts", "open_demo_server"]

#: Every demo account shares this password (docs/api.md, "Demo organisation").
DEMO_PASSWORD = "zonnebloem-demo"
#: The demo account that logs in with a code uses this secret.
DEMO_TWO_FACTOR_SECRET = "ZONNEBLOEMDEMOTWEESTAPSCODE23456"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    description: str  # translated


def demo_accounts() -> tuple[DemoAccount, ...]:
    """The demo logins of docs/api.md, described for the login window."""

    return (
        DemoAccount(
            "sanne.devries@voorbeeld.nl",
            QCoreApplication.translate(
                "Demo", "Parent (first parent/guardian) with two children: Emma and Daan"
            ),
        ),
        DemoAccount(
            "thomas.devries@voorbeeld.nl",
            QCoreApplication.translate("Demo", "Second parent/guardian of the same family"),
        ),
        DemoAccount(
            "lotte.jansen@voorbeeld.nl",
            QCoreApplication.translate("Demo", "Parent whose contract ended 5 weeks ago"),
        ),
        DemoAccount(
            "mark.bakker@voorbeeld.nl",
            QCoreApplication.translate(
                "Demo", "Parent whose contract ended 16 months ago (login refused)"
            ),
        ),
        DemoAccount(
            "fatima.elamrani@voorbeeld.nl",
            QCoreApplication.translate("Demo", "Childcare worker, group Zonnetjes"),
        ),
        DemoAccount(
            "manager@voorbeeld.nl",
            QCoreApplication.translate("Demo", "Location manager of both locations"),
        ),
        DemoAccount(
            "eva.visser@voorbeeld.nl",
            # The same secret as server/demo/account_security.py (the installer has no server).
            QCoreApplication.translate(
                "Demo", "Parent who logs in with a code; key for an authenticator app: {key}"
            ).format(key=grouped_secret(DEMO_TWO_FACTOR_SECRET)),
        ),
    )


class DemoServer:
    """An embedded demo portal with its address taken: :meth:`start` serves (blocking, so in a
    worker thread), :meth:`stop` ends it (started or not) and removes a temporary folder."""

    def __init__(self, server: Any, data_dir: Path, temp: tempfile.TemporaryDirectory | None):
        self._server = server
        self._temp = temp
        self.data_dir = data_dir

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def mail_folder(self) -> Path:
        """Where the demo server writes its mails as .eml files (password reset codes). Not
        "outbox": in this app that word is the queue of writes waiting for a connection."""
        return self._server.mail_folder

    def start(self) -> None:
        """Build the demo database and serve; returns once the portal answers. Raises
        ``RuntimeError`` when it cannot start (or was stopped meanwhile)."""
        self._server.start()

    def stop(self) -> None:
        try:
            self._server.stop()
        finally:
            if self._temp is not None:
                self._temp.cleanup()
                self._temp = None


def open_demo_server(data_dir: Path | None) -> DemoServer:
    """The demo server on 127.0.0.1 (a free port), its address taken but not started yet.

    Data goes to ``data_dir`` (kept afterwards) or to a temporary folder (removed by ``stop``).
    Raises ``ImportError`` when this installation has no server package.
    """
    from server.embedded import EmbeddedServer  # lazy: the parents' installer has no server

    temp = None
    if data_dir is None:
        temp = tempfile.TemporaryDirectory(prefix="ouderportaal-demo-", ignore_cleanup_errors=True)
        folder = Path(temp.name)
    else:
        folder = Path(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
    server = EmbeddedServer(folder, demo_photos=True)
    try:
        server.bind()
        server.mail_folder.mkdir(parents=True, exist_ok=True)  # the login window links to it
    except BaseException:
        if temp is not None:
            temp.cleanup()
        raise
    return DemoServer(server, folder, temp)
