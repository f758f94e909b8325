"""The Windows installer script compiles here (Debian's makensis) and carries the version."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from installer.product import project_version
from installer.windows import SCRIPT, build_installer, installer_name, version_info

needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None,
                                    reason="makensis not installed (Debian: nsis)")


@needs_makensis
def test_the_script_compiles_against_a_stand_in_bundle(stand_in_bundle: Path,
                                                       tmp_path: Path) -> None:
    setup = build_installer(stand_in_bundle, tmp_path / "release")
    assert setup.name == installer_name(project_version())
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # The version resource (VIProductVersion) is in the program Explorer shows: UTF-16 text.
    assert project_version().encode("utf-16-le") in data


@needs_makensis
def test_a_mistake_in_the_script_fails_the_build(stand_in_bundle: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.nsi"
    broken.write_text(SCRIPT.read_text(encoding="utf-8").replace(
        "Section \"Ouderportaal\"", "Sektion \"Ouderportaal\""), encoding="utf-8")
    monkeypatch.setattr("installer.windows.SCRIPT", broken)
    with pytest.raises(SystemExit, match="makensis failed"):
        build_installer(stand_in_bundle, tmp_path / "release")


@needs_makensis
def test_a_warning_fails_the_build_too(stand_in_bundle: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    noisy = tmp_path / "noisy.nsi"
    noisy.write_text(SCRIPT.read_text(encoding="utf-8") + "\nVar NeverUsed\n", encoding="utf-8")
    monkeypatch.setattr("installer.windows.SCRIPT", noisy)
    with pytest.raises(SystemExit, match="makensis failed"):
        build_installer(stand_in_bundle, tmp_path / "release")


def test_every_installer_text_exists_in_english_and_dutch() -> None:
    strings = re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", SCRIPT.read_text(
        encoding="utf-8"), re.MULTILINE)
    names = {name for name, _language in strings}
    assert names
    for name in names:
        assert {lang for n, lang in strings if n == name} == {"ENGLISH", "DUTCH"}, name


def test_the_shared_pc_switch_writes_the_setting_the_app_reads() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    # QSettings("Ouderportaal", "Ouderportaal") system scope; the app's key (session.py).
    from desktop.services.session.service import SHARED_PC_SETTING

    assert r'!define SETTINGS_KEY "Software\Ouderportaal\Ouderportaal"' in script
    assert f'!define SHARED_PC_VALUE "{SHARED_PC_SETTING}"' in script
    assert 'WriteRegStr HKLM "${SETTINGS_KEY}" "${SHARED_PC_VALUE}" "true"' in script
    # 64-bit registry view: the app is 64-bit, a 32-bit write would land in WOW6432Node.
    assert script.count("SetRegView 64") == 2


def test_the_program_carries_its_version() -> None:
    # PyInstaller evaluates the text with its versioninfo classes (on Windows); here each
    # class records what it was given.
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")
    namespace = {name: (lambda *args, _name=name, **kwargs: (_name, args, kwargs))
                 for name in names}
    info = eval(version_info("1.2.3"), {"__builtins__": {}}, namespace)  # noqa: S307
    _name, _args, parts = info
    assert parts["ffi"] == ("FixedFileInfo", (), {"filevers": (1, 2, 3, 0),
                                                  "prodvers": (1, 2, 3, 0)})
    string_file_info, var_file_info = parts["kids"]
    table = string_file_info[1][0][0]
    strings = dict(entry[1] for entry in table[1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["ProductName"] == "Ouderportaal"
    assert strings["OriginalFilename"] == "Ouderportaal.exe"
    assert var_file_info == ("VarFileInfo", ([("VarStruct", ("Translation", [0x0409, 1200]),
                                                {})],), {})
