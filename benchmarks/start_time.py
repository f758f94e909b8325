"""Start time of the bundled app next to a bare PySide6 window bundled the same way.

Bundles a window that shows one label and quits, and the app's own start up to the first paint
of its login window (installer/ouderportaal.spec with ``--entry``, so the same exclusions,
plug-ins and stripping), then starts them and the app's bundle (``dist/Ouderportaal``, built by
installer/build.py; ``--build`` builds it first) alternately, each ``--runs`` times: the app
with ``--smoke-test`` (it opens the login window, gets the rest of the app ready, opens the PDF
viewer, decodes images, loads the CA certificates and the keyring, then exits), the login
window alone (what a parent waits for), the bare window with nothing else; and the app with
``--help``, which exits once its modules are imported (so the difference to ``--smoke-test`` is
Qt, the window and the checks). Prints the median and fastest wall time of each, the ratios of
the medians to the bare window (target 1.5×), and the app's import time per package from the
source tree (``python -X importtime``).

Run: ``uv run --group installer python benchmarks/start_time.py [--runs N] [--build]``.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installer.build import build, executable  # noqa: E402
from installer.bundle import EXCLUDED_MODULES  # noqa: E402

BARE_WINDOW = '''
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
window = QLabel("Ouderportaal")
window.resize(400, 300)
window.show()
app.processEvents()
window.grab()
print("bare window ok")
'''

# The app's own start (desktop.app.main), ended at the first paint of its login window.
LOGIN_WINDOW = '''
import os
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == "LoginWindow":
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
from desktop.app import main
sys.exit(main(sys.argv[1:]))
'''


def _program(dist: Path, name: str) -> Path:
    if sys.platform == "darwin":
        return dist / f"{name}.app" / "Contents" / "MacOS" / name
    return dist / name / (f"{name}.exe" if sys.platform == "win32" else name)


def timed_run(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=environment, capture_output=True, text=True,
                            timeout=300, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def largest_imports(environment: dict[str, str], count: int = 10) -> list[tuple[str, float]]:
    """Import time of the app from source, per top-level package (the modules' own time)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import desktop.app"],
                            cwd=ROOT, env=environment, capture_output=True, text=True,
                            check=True)
    totals: dict[str, float] = {}
    for line in result.stderr.splitlines():
        # "import time: <self us> | <cumulative us> | <indented module name>"
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        package = fields[2].strip().split(".")[0]
        totals[package] = totals.get(package, 0.0) + int(fields[0]) / 1e6
    return sorted(totals.items(), key=lambda item: -item[1])[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--build", action="store_true", help="build the app's bundle first")
    args = parser.parse_args()
    if args.build or not executable().exists():
        build()
    environment = dict(os.environ)
    if sys.platform.startswith("linux") and not environment.get("DISPLAY"):
        environment["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="ouderportaal-start-") as folder:
        work = Path(folder)
        for name, text in (("BareWindow", BARE_WINDOW), ("LoginWindow", LOGIN_WINDOW)):
            script = work / f"{name}.py"
            script.write_text(text, encoding="utf-8")
            build(dist=work / "dist", work=work / "build",
                  spec_arguments=["--entry", str(script), "--name", name])
        programs = {
            "app --smoke-test": [str(executable()), "--smoke-test", "--data-dir",
                                 str(work / "data")],
            "app login window": [str(_program(work / "dist", "LoginWindow")), "--data-dir",
                                 str(work / "login-data")],
            # --help returns once desktop.app is imported: the bootloader and the imports.
            "app --help": [str(executable()), "--help"],
            "bare window": [str(_program(work / "dist", "BareWindow"))],
        }
        for command in programs.values():  # warm-up: the first start reads the files
            timed_run(command, environment)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _run in range(args.runs):  # alternate, so a busy moment hits each alike
            for name, command in programs.items():
                times[name].append(timed_run(command, environment))
    print(f"platform: {environment.get('QT_QPA_PLATFORM', 'default')}, {args.runs} runs each")
    for name, measured in times.items():
        print(f"{name + ':':19} median {statistics.median(measured) * 1000:4.0f} ms, "
              f"fastest {min(measured) * 1000:4.0f} ms")
    bare = statistics.median(times["bare window"])
    for name in ("app --smoke-test", "app login window"):
        ratio = statistics.median(times[name]) / bare
        print(f"ratio {name} / bare window (medians): {ratio:.2f}x (target 1.5x)")
    print("import time of the app from source, per package (python -X importtime):")
    for name, seconds in largest_imports(environment):
        note = "  (not in the bundle)" if name in EXCLUDED_MODULES else ""
        print(f"  {seconds * 1000:6.0f} ms  {name}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
