# Temporary: screenshots of the new screens (not committed).
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.i18n import install_translators

OUT = Path("/tmp/h15-shots")
LOGINS = {"fatima": "fatima.elamrani@voorbeeld.nl", "manager": "manager@voorbeeld.nl",
          "sanne": SANNE}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_shots(qtbot, qapp, portal_server, make_app, language, size):
    OUT.mkdir(exist_ok=True)
    translators = install_translators(qapp, language)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl"
                               else QLocale.Language.English, QLocale.Country.Netherlands
                               if language == "nl" else QLocale.Country.UnitedKingdom))
    try:
        for who, email in LOGINS.items():
            app = make_app(portal_server.url, shared_pc=who != "sanne", computer=who)
            log_in(qtbot, app, email, PASSWORD)
            main = wait_for_main_window(qtbot, app)
            main.showNormal()
            main.resize(*size)
            main.move(0, 0)
            if who == "sanne":
                main.show_section("diary")
                page = main.page("diary")
                page.child.setCurrentIndex(page.child.findText("Emma"))
                qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=20_000)
                qtbot.wait(500)
                grab(f"{who}-diary-{language}-{size[0]}")
                page.write_note()
                page.note_dialog.text.set_text("Oma haalt vandaag op om 16:30.")
                qtbot.wait(300)
                grab(f"{who}-note-{language}-{size[0]}")
                page.note_dialog.reject()
            else:
                page = main.page("group_day")
                qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
                qtbot.wait(500)
                grab(f"{who}-groupday-{language}-{size[0]}")
                page.table.selectRow(0)
                page.open_report()
                qtbot.waitUntil(lambda: page.report.written_today.text() not in ("", "Laden…", "Loading…"), timeout=20_000)
                qtbot.wait(300)
                grab(f"{who}-report-{language}-{size[0]}")
                page.report.close()
            app.closed.set()
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def grab(name):
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
