"""The user-interface language: Dutch when the system language is Dutch, English otherwise.

Source strings are English; the Dutch catalogue is built by scripts/update_translations.py into
``desktop/translations/ouderportaal_nl.qm`` (bundled with the package). Qt's own catalogue (button
texts of standard dialogs) is loaded too when Qt ships one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

__all__ = ["QT_GAPS", "TRANSLATIONS_DIR", "install_translators", "ui_language"]

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

#: Qt's own strings that Qt's Dutch catalogue (``qtbase_nl``) does not have: newer Qt versions
#: reworded them ("Look in:" became "&Look in:"), so the standard file and print dialogs were
#: half English. They are translated in our catalogue, which Qt asks when its own has no answer.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
)


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
