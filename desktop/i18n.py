"""The user-interface language: Dutch when the system language is Dutch, English otherwise.

Source strings are English; the Dutch catalogue is built by scripts/update_translations.py into
``desktop/translations/ouderportaal_nl.qm`` (bundled with the package). Qt's own catalogue (button
texts of standard dialogs) is loaded too when Qt ships one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["TRANSLATIONS_DIR", "install_translators", "ui_language"]

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


def ui_language(locale: QLocale | None = None) -> str:
    """``"nl"`` when ``locale`` (default: the system's) is Dutch, else ``"en"``."""
    locale = locale if locale is not None else QLocale.system()
    return "nl" if locale.language() == QLocale.Language.Dutch else "en"


def install_translators(
    app: QCoreApplication, language: str, directory: Path = TRANSLATIONS_DIR
) -> list[QTranslator]:
    """Install the catalogues for ``language`` on ``app``; returns them (keep them alive).

    English needs none (the source language). A missing Dutch catalogue is logged and the app
    runs in English rather than not at all.
    """
    if language != "nl":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(directory / "ouderportaal_nl.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("Dutch translation not found in %s; using English", directory)
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
