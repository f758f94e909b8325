"""Every visible string of the desktop app has a Dutch translation that the app can load.

The committed resources/translations/ouderportaal_nl.ts must hold exactly the strings
pyside6-lupdate finds in desktop/ today, each with a finished, non-empty translation that keeps
the source's {placeholders}; the committed .qm must be built from it. Run
``uv run python scripts/update_translations.py`` after changing strings, translate, run again.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.views.login.window import LoginWindow

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "update_translations.py"


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


tools = load_module("update_translations", SCRIPT)
Key = tuple[str, str]


def messages(ts_file: Path) -> dict[Key, tuple[str | None, str]]:
    """(context, source) → (translation type attribute, translation text)."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = None if translation is None else translation.get("type")
            found[(name, message.findtext("source", ""))] = (kind, text)
    return found


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict[Key, tuple[str | None, str]]:
    ts_file = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    tools.run_lupdate(ts_file)
    return messages(ts_file)


@pytest.fixture(scope="module")
def committed() -> dict[Key, tuple[str | None, str]]:
    return messages(tools.TS_FILE)


def show(keys) -> str:
    return "\n".join(f"  [{context}] {source!r}" for context, source in sorted(keys))


def test_every_source_string_is_in_the_committed_ts(fresh, committed) -> None:
    missing = fresh.keys() - committed.keys()
    assert not missing, ("strings without a Dutch translation; run "
                         "scripts/update_translations.py and translate:\n" + show(missing))


def test_the_committed_ts_has_no_vanished_strings(fresh, committed) -> None:
    stale = committed.keys() - fresh.keys()
    assert not stale, "strings no longer in the code; re-run the script:\n" + show(stale)


def test_every_message_is_translated(committed) -> None:
    unfinished = [key for key, (kind, text) in committed.items()
                  if kind in ("unfinished", "vanished", "obsolete") or not text.strip()]
    assert not unfinished, "untranslated messages:\n" + show(unfinished)


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")


def test_translations_keep_the_placeholders(committed) -> None:
    # A translation that drops or renames "{date}" would make str.format() fail at runtime.
    broken = [key for key, (_, text) in committed.items()
              if sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(text))]
    assert not broken, "placeholders differ between source and translation:\n" + show(broken)


def test_the_committed_qm_is_built_from_the_committed_ts(tmp_path) -> None:
    built = tmp_path / "fresh.qm"
    tools.run_lrelease(tools.TS_FILE, built)
    assert built.read_bytes() == tools.QM_FILE.read_bytes(), (
        "desktop/translations/ouderportaal_nl.qm is out of date: run "
        "scripts/update_translations.py")


@pytest.fixture
def dutch(qapp):
    translator = QTranslator()
    assert translator.load(str(tools.QM_FILE))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_loading_the_qm_translates_the_login_window(qtbot, dutch, monkeypatch) -> None:
    assert QCoreApplication.translate("LoginWindow", "Log in") == "Inloggen"
    # Built after the translator is installed, as the app does; self.tr() must find the
    # context lupdate wrote (the class name). The fakes import their neighbours, which are
    # on the path only when the views' tests were collected too.
    monkeypatch.syspath_prepend(str(ROOT / "tests" / "desktop" / "views"))
    fakes = load_module("view_fakes_for_translations",
                        ROOT / "tests" / "desktop" / "views" / "view_fakes.py")
    window = LoginWindow(fakes.FakeSession(), fakes.FakeResets())
    qtbot.addWidget(window)
    assert window.login_button.text() == "Inloggen"
    assert window.forgot.text() == "Wachtwoord vergeten?"
    assert window.remember.text() == "Ont&houd mij"


TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
HELPER_NAMES = {"tr", "_tr", "translate", "_translate"}


def marked_contexts(paths: list[Path]) -> set[str]:
    """Contexts whose texts are marked with ``QT_TRANSLATE_NOOP("Context", "text")`` (a table
    of texts translated later): lupdate sees the texts where they are marked."""
    contexts = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "QT_TRANSLATE_NOOP" and len(node.args) == 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args)):
                contexts.add(node.args[0].value)
    return contexts


def invisible_translations(path: Path, root: Path = ROOT,
                           marked: frozenset[str] = frozenset()) -> list[str]:
    """Calls whose text pyside6-lupdate cannot see or would file under the wrong context.

    ``translate("Context", text)`` with a variable text is fine only for a context in
    ``marked``: its texts were marked with ``QT_TRANSLATE_NOOP`` where they are written.
    """
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
        where = f"{path.relative_to(root)}:{node.lineno}"
        if isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP":
            if not (len(literal) == 2 and all(literal)):
                problems.append(f"{where}: QT_TRANSLATE_NOOP() without a literal context "
                                f"and text")
        elif isinstance(func, ast.Name) and func.id in HELPER_NAMES:
            problems.append(f"{where}: {func.id}(…) wrapper — call self.tr(\"…\") or "
                            f"QCoreApplication.translate(\"Context\", \"…\") with literals")
        elif (isinstance(func, ast.Attribute) and func.attr == "translate"
              and isinstance(func.value, ast.Name) and func.value.id in TRANSLATE_OWNERS
              and not (len(literal) >= 2 and all(literal[:2]))
              and not (literal and literal[0] and node.args[0].value in marked)):
            problems.append(f"{where}: translate() without a literal context and text")
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and not (
                literal and literal[0]):
            problems.append(f"{where}: tr() without a literal text")
    return problems


def test_every_translatable_string_is_visible_to_lupdate() -> None:
    files = tools.source_files()
    marked = frozenset(marked_contexts(files))
    problems = [p for path in files for p in invisible_translations(path, marked=marked)]
    assert not problems, "lupdate cannot extract these strings:\n" + "\n".join(problems)


def test_the_visibility_check_catches_wrappers(tmp_path) -> None:
    # Guards the guard: a check that finds nothing would pass on any code.
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def _tr(text):\n    return QCoreApplication.translate('Errors', text)\n"
        "_tr('Hidden')\nself.tr('Seen')\nQCoreApplication.translate('Ctx', 'Seen too')\n",
        encoding="utf-8")
    problems = sorted(invisible_translations(sample, tmp_path))
    assert len(problems) == 2
    assert problems[0].startswith("sample.py:2: translate() without a literal")
    assert problems[1].startswith("sample.py:3: _tr(…) wrapper")


def test_a_variable_text_needs_its_context_marked(tmp_path) -> None:
    # A table of texts marked with QT_TRANSLATE_NOOP may be translated through a variable;
    # any other context may not, and a mark itself must be literal.
    sample = tmp_path / "sample.py"
    sample.write_text(
        "TITLES = (QT_TRANSLATE_NOOP('Sections', 'Overview'),)\n"
        "QCoreApplication.translate('Sections', TITLES[0])\n"
        "QCoreApplication.translate('Errors', TITLES[0])\n"
        "QT_TRANSLATE_NOOP('Sections', TITLES[0])\n", encoding="utf-8")
    marked = frozenset(marked_contexts([sample]))
    assert marked == {"Sections"}
    problems = sorted(invisible_translations(sample, tmp_path, marked))
    assert len(problems) == 2
    assert problems[0].startswith("sample.py:3: translate() without a literal")
    assert problems[1].startswith("sample.py:4: QT_TRANSLATE_NOOP() without a literal")
