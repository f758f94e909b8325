"""Nothing survives a crash on a shared PC: the app is killed with SIGKILL while a parent's
family data and invoices are on disk, started again, and the account folder is empty before
the login window shows (desktop/services/session/offline_copies.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# The real app (desktop.app.main) with the demo portal, driven through its login form; it says
# READY once the family's profile and invoice PDFs are stored, then waits to be killed.
LOG_IN_AND_WAIT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from desktop.app import main

data = Path(sys.argv[1])
app = QApplication([])

def log_in():
    for window in app.topLevelWidgets():
        if window.objectName() == "loginWindow" and window.isVisible():
            if window.findChild(QLineEdit, "organisation").text():
                window.findChild(QLineEdit, "email").setText("sanne.devries@voorbeeld.nl")
                window.findChild(QLineEdit, "password").setText("zonnebloem-demo")
                window.findChild(QPushButton, "login").click()
                QTimer.singleShot(100, wait_for_the_documents)
                return
    QTimer.singleShot(100, log_in)

def wait_for_the_documents():
    pdfs = [p for p in data.glob("accounts/*/blobs/*") if p.read_bytes()[:4] == b"%PDF"]
    if len(pdfs) >= 3 and any(data.glob("accounts/*/cache.sqlite3")):
        print("READY", len(pdfs), flush=True)
        return
    QTimer.singleShot(100, wait_for_the_documents)

QTimer.singleShot(100, log_in)
sys.exit(main(["--demo", "--demo-data", sys.argv[2], "--shared-pc", "--data-dir", sys.argv[1]]))
"""

# The real app again; the moment its login window is first shown, it writes down what the
# accounts folder holds, then closes the window (which ends the app).
LOOK_WHEN_THE_LOGIN_WINDOW_SHOWS = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main

accounts = Path(sys.argv[1]) / "accounts"
app = QApplication([])

class Look(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and watched.objectName() == "loginWindow":
            app.removeEventFilter(self)
            found = sorted(str(p.relative_to(accounts)) for p in accounts.rglob("*"))
            print("SHOWN WITH", found if accounts.exists() else "no accounts folder", flush=True)
            QTimer.singleShot(0, watched.close)
        return False

look = Look()
app.installEventFilter(look)
sys.exit(main(["--shared-pc", "--data-dir", sys.argv[1]]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_shared_pc_session_leaves_nothing_at_the_next_start(demo_template: Path,
                                                                     tmp_path: Path) -> None:
    data = tmp_path / "desktop"
    demo = tmp_path / "demo"
    shutil.copytree(demo_template, demo)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    with subprocess.Popen(
            [sys.executable, "-c", LOG_IN_AND_WAIT, str(data), str(demo)],
            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True) as running:
        try:
            line = running.stdout.readline()  # blocks until READY (or the app ended)
            assert line.startswith("READY"), running.stderr.read() if running.poll() else line
        finally:
            running.send_signal(signal.SIGKILL)  # a crash, a power cut: no logout, no clean-up
            running.wait(timeout=60)
    assert running.returncode == -signal.SIGKILL
    left = [p for p in (data / "accounts").rglob("*") if p.is_file()]
    assert any(p.name == "cache.sqlite3" for p in left) and len(left) >= 4  # it was all there

    again = subprocess.run(
        [sys.executable, "-c", LOOK_WHEN_THE_LOGIN_WINDOW_SHOWS, str(data)],
        env=environment, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["SHOWN WITH []"]
    assert not any((data / "accounts").iterdir())
