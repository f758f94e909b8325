"""``--smoke-test`` (desktop/smoke_test.py): what an installation must have at run time, and the
installers' shared-PC switch as the app sees it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desktop.smoke_test import IMAGE_FORMATS, SmokeTestFailed, smoke_test


def test_a_window_that_renders_passes_every_check(qtbot, run) -> None:
    window = QLabel("Ouderportaal — Inloggen")
    qtbot.addWidget(window)
    window.resize(300, 120)
    window.show()
    report = run(smoke_test(window, shared_pc=False))
    assert report.startswith("smoke test ok:")
    assert "the PDF viewer showed a page" in report
    assert f"images decoded ({', '.join(IMAGE_FORMATS)})" in report
    assert "CA certificates" in report
    assert "MemoryKeyring (secure)" in report  # the test suite's keyring
    assert "personal PC" in report


def test_a_window_that_renders_blank_fails(qtbot, run) -> None:
    window = QWidget()  # no text, no frame: one colour, as when fonts are missing
    qtbot.addWidget(window)
    window.resize(200, 100)
    with pytest.raises(SmokeTestFailed, match="blank"):
        run(smoke_test(window))


WITHOUT_PLUGINS = """
import sys
from PySide6.QtCore import QCoreApplication
QCoreApplication.setLibraryPaths([])  # no plug-in folder: as a bundle that lost imageformats/
from desktop.app import main
sys.exit(main(sys.argv[1:]))
"""


def run_app(arguments: list[str], environment: dict[str, str], script: str | None = None):
    command = [sys.executable, *(["-c", script] if script else ["-m", "desktop"]), *arguments]
    return subprocess.run(command, env=environment, capture_output=True, text=True,
                          timeout=180, check=False)


def test_without_the_image_plug_ins_the_smoke_test_fails_naming_them(tmp_path: Path) -> None:
    import PySide6

    platforms = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms))
    result = run_app(["--smoke-test", "--data-dir", str(tmp_path)], environment,
                     WITHOUT_PLUGINS)
    assert result.returncode == 1
    assert "smoke test failed: no image plug-in for jpeg" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG paths are Linux's")
# Where the two files are read from, as the started app sees them; every combination of
# their values is tests/desktop/services/session/test_session.py's (in process: each start
# here costs seconds).
@pytest.mark.parametrize(("machine", "user", "seen"), [
    ("true", "false", "shared PC"),    # a user's own "false" cannot undo the office's switch
    (None, "true", "shared PC"),       # set by the user themself
    (None, None, "personal PC"),       # an ordinary installation
])
def test_the_app_honours_the_machine_wide_shared_pc_setting(tmp_path: Path, machine, user,
                                                            seen: str) -> None:
    # Linux: QSettings' system scope is $XDG_CONFIG_DIRS/Ouderportaal/Ouderportaal.conf, the
    # file README's "Shared PCs" has an office write; user scope $XDG_CONFIG_HOME.
    system_dir, user_dir = tmp_path / "etc-xdg", tmp_path / "home-config"
    for folder, value in ((system_dir, machine), (user_dir, user)):
        (folder / "Ouderportaal").mkdir(parents=True)
        if value is not None:
            (folder / "Ouderportaal" / "Ouderportaal.conf").write_text(
                f"[General]\nshared_pc={value}\n", encoding="utf-8")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       XDG_CONFIG_DIRS=str(system_dir), XDG_CONFIG_HOME=str(user_dir))
    result = run_app(["--smoke-test", "--data-dir", str(tmp_path / "data")], environment)
    assert result.returncode == 0, result.stderr
    assert seen in result.stdout


