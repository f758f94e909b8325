"""Start of the app's first windows, each in a fresh process, next to a bare PySide6 window.

Every case is a new ``python`` process that exits at the first paint of the window it waits
for; the wall time from spawning it to its exit is the figure. The paint is seen by an event
filter on that window alone: an application-wide one (as this script had before) routes every
event of every widget through Python, which the app does not do, and added 100–150 ms to the
app's cases but not to the bare window's. The cases run interleaved
(bare, login, main, demo, bare, login, …) so a busy moment on a shared machine hits each alike:

- bare window: a QApplication and a QLabel, like ``benchmarks/start_time.py``'s;
- login window: ``ouderportaal`` (``desktop.app.main``) on an empty data folder;
- main window from the cache: ``ouderportaal`` with one remembered account (set up once by
  logging in to the demo portal and syncing), chosen in the login window as a click does the
  moment it has painted, until the main window is painted. The portal is not running then:
  the window must come from the cache;
- ``--demo``: ``ouderportaal --demo`` until its login window is painted (the demo portal builds
  its database in a new temporary folder, as every ``--demo`` start does).

The keyring (``--keyring``): this machine has no Secret Service, so a remembered login's token
lives in a stand-in (``benchmarks/secrets_file.py``). ``stand-in``: the keyring package as the
app imports it, only its backend detection skipped; ``detect``: keyring's own detection (the
login and demo cases; the main case cannot find its token that way and keeps the stand-in);
``absent``: the keyring package replaced by a module that costs nothing — what is left once the
keyring is kept off the start (issue 11).

``--baseline DIR`` runs every case of another checkout (e.g. ``git archive main``) too,
interleaved with this one, for before/after figures side by side. Byte-code is compiled as an
installed app has it (into a temporary ``PYTHONPYCACHEPREFIX``; ``--no-byte-code`` for the
figures with every module compiled at each start).

Run: ``uv run python benchmarks/window_start.py [--runs N] [--cases login,main]``. Prints the
median and range of each case and the ratios of the medians to the bare window (targets: login
window ≤ 1.5×, main window from the cache ≤ 2×, ``--demo`` ≤ 2 s). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
SANNE = "sanne.devries@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"  # docs/api.md, "Demo organisation"
CASES = ("bare", "login", "main", "demo")
TARGETS = {"login": "target ≤ 1.5×", "main": "target ≤ 2×", "demo": "target ≤ 2 s"}
TITLES = {"bare": "bare PySide6 window", "login": "login window",
          "main": "main window from the cache", "demo": "--demo to the login window"}
KEYRINGS = ("stand-in", "detect", "absent")


# --- the child process: start, wait for the first paint, exit ---------------------------------

def child(case: str, data_dir: str, key: str) -> None:
    """Runs in the measured process. Exits (without tearing down) once the window is painted.

    The paint is seen by an event filter on that one window (installed as it is made), not on
    the application: an application-wide filter in Python would wrap every object and event of
    the app for Python — work the app itself does not do, which grows with its widgets."""
    if os.environ.get("OUDERPORTAAL_BENCHMARK_NO_KEYRING"):
        import secrets_file

        secrets_file.install_without_keyring()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    def finish() -> None:
        sys.stdout.flush()
        os._exit(0)

    class FirstPaint(QObject):
        def __init__(self, then: object) -> None:
            super().__init__()
            self._then = then

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if self._then is not None and event.type() == QEvent.Type.Paint:
                then, self._then = self._then, None
                QTimer.singleShot(0, then)  # after this paint has completed
            return False

    watchers: list[FirstPaint] = []

    def watch(window_class: type, then: object) -> None:
        """Watch the first paint of each window of this class from its construction on."""
        made = window_class.__init__

        def init(window: QObject, *args: object, **kwargs: object) -> None:
            made(window, *args, **kwargs)
            watchers.append(FirstPaint(then))
            window.installEventFilter(watchers[-1])

        window_class.__init__ = init

    app = QApplication([sys.argv[0]])
    if case == "bare":
        window = QLabel("Ouderportaal")
        window.resize(400, 300)
        watchers.append(FirstPaint(finish))
        window.installEventFilter(watchers[-1])
        window.show()
        app.exec()
        return
    import desktop.wiring
    from desktop.app import main

    if case == "main":
        main_window_class = desktop.wiring._main_window_class  # imported on first use

        def patched() -> type:
            window_class = main_window_class()
            if not getattr(window_class, "_benchmark_watched", False):
                window_class._benchmark_watched = True
                watch(window_class, finish)
            return window_class

        desktop.wiring._main_window_class = patched
        login_window: list[QObject] = []

        def choose() -> None:  # as a click on the remembered account does
            login_window[0].known_accounts.chosen.emit(key)

        made = desktop.wiring.LoginWindow.__init__

        def keep(window: QObject, *args: object, **kwargs: object) -> None:
            made(window, *args, **kwargs)
            login_window.append(window)

        desktop.wiring.LoginWindow.__init__ = keep
        watch(desktop.wiring.LoginWindow, choose)
    else:
        watch(desktop.wiring.LoginWindow, finish)
    arguments = ["--data-dir", data_dir]
    if case == "demo":
        arguments.append("--demo")
    main(arguments)
    raise SystemExit(f"the app ended before its window for {case!r} was painted")


# --- setting up a remembered account ------------------------------------------------------------

SERVE = """
import sys
from pathlib import Path
from server.embedded import EmbeddedServer
with EmbeddedServer(Path(sys.argv[1])) as server:
    print(server.url, flush=True)
    sys.stdin.read()
"""

REMEMBER = """
import asyncio, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import qasync
from desktop.services.shared.crash import CrashReporter
from desktop.wiring import AppOptions, DesktopApp

url, data, EMAIL, PASSWORD = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)

async def main():
    desktop = DesktopApp(AppOptions(data_dir=data), app=app, crash=CrashReporter(),
                         settings=QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    desktop.start()
    desktop.services.session.login(url, EMAIL, PASSWORD, True)
    for _ in range(600):
        services = desktop.services
        if (services.profile.profile is not None and services.finance.overview is not None
                and not services.finance.syncing):
            break
        await asyncio.sleep(0.05)
    else:
        raise SystemExit("the login and first sync did not finish")
    await asyncio.sleep(1.0)  # the other sections' first fetches
    print(desktop.services.session.account.key, flush=True)
    await desktop.aclose()

with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
    runner.run(main())
"""


def environment(work: Path, tree: Path, keyring: str, byte_code: bool) -> dict[str, str]:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(work / "config")  # QSettings() of the app
    if byte_code:
        # Byte-code as an installed app has it (an installer compiles it), kept out of the
        # tree; without it every start compiles every module again and the figures measure that.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache" / tree.name)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), str(HERE),
                                                      env.get("PYTHONPATH", "")]))
    env["OUDERPORTAAL_BENCHMARK_KEYRING"] = str(work / "keyring.json")
    for name in ("PYTHON_KEYRING_BACKEND", "OUDERPORTAAL_BENCHMARK_NO_KEYRING"):
        env.pop(name, None)
    if keyring == "stand-in":
        env["PYTHON_KEYRING_BACKEND"] = "keyring_stand_in.FileKeyring"
    elif keyring == "absent":
        env["OUDERPORTAAL_BENCHMARK_NO_KEYRING"] = "1"
    return env


def remembered_account(work: Path) -> str:
    """Log in once (remembered) to a demo portal and sync; returns the account's key."""
    env = environment(work, ROOT, "stand-in", byte_code=True)
    server = subprocess.Popen([sys.executable, "-c", SERVE, str(work / "server")], cwd=ROOT,
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        if not url:
            raise SystemExit("the demo portal did not start")
        result = subprocess.run([sys.executable, "-c", REMEMBER, url, str(work / "remembered"),
                                 SANNE, PASSWORD],
                                cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120, check=False)
        if result.returncode != 0:
            raise SystemExit(f"setting up the remembered account failed:\n{result.stderr}")
        shutil.copy(work / "keyring.json", work / "keyring.remembered.json")
        return result.stdout.split()[-1]
    finally:
        server.stdin.close()
        server.wait(30)


# --- the parent: run the cases interleaved ------------------------------------------------------

def timed(case: str, tree: Path, work: Path, env: dict[str, str], key: str,
          run: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all threads) of one start, in seconds."""
    data = work / "runs" / f"{case}-{run}"
    if case == "main":  # the same remembered account each time: the cache and its token
        shutil.copytree(work / "remembered", data)
        shutil.copy(work / "keyring.remembered.json", work / "keyring.json")
    else:
        data.mkdir(parents=True)
    command = [sys.executable, str(Path(__file__)), "--child", case, str(data), key]
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child_process = subprocess.Popen(command, cwd=tree, env=env, stdout=output,
                                         stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child_process.pid, 0)
        elapsed = time.perf_counter() - started
        child_process.returncode = os.waitstatus_to_exitcode(status)
        if child_process.returncode != 0:
            output.seek(0)
            text = output.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"{case} ({tree}) failed:\n{text}")
    shutil.rmtree(data, ignore_errors=True)
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cases", default=",".join(CASES),
                        help="comma-separated, from: " + ", ".join(CASES))
    parser.add_argument("--keyring", choices=KEYRINGS, default="stand-in")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another checkout to measure alongside (before/after)")
    parser.add_argument("--no-byte-code", dest="byte_code", action="store_false")
    args = parser.parse_args()
    cases = ["bare", *[c for c in args.cases.split(",") if c in CASES and c != "bare"]]
    trees = {"": ROOT} if args.baseline is None else {"before: ": args.baseline.resolve(),
                                                      "after:  ": ROOT}
    runs: list[tuple[str, str]] = [("", "bare")] + [(label, case) for case in cases[1:]
                                                    for label in trees]
    with tempfile.TemporaryDirectory(prefix="ouderportaal-window-start-") as folder:
        work = Path(folder)
        key = remembered_account(work) if "main" in cases else ""

        def env_for(label: str, case: str) -> dict[str, str]:
            keyring = args.keyring
            if case == "main" and keyring == "detect":
                keyring = "stand-in"  # detection finds no keyring here, so no token
            return environment(work, trees.get(label, ROOT), keyring, args.byte_code)

        times: dict[tuple[str, str], list[tuple[float, float]]] = {run: [] for run in runs}
        for label, case in runs:  # warm-up: reads the files, compiles the byte-code
            timed(case, trees.get(label, ROOT), work, env_for(label, case), key, "warm-up")
        for number in range(args.runs):
            for label, case in runs:
                times[label, case].append(timed(case, trees.get(label, ROOT), work,
                                                env_for(label, case), key, str(number)))
    load = os.getloadavg()
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM') or 'offscreen'}, {args.runs} runs "
          f"each, keyring: {args.keyring}, byte-code: {'yes' if args.byte_code else 'no'}, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("wall time from spawning the process to its first paint, and its CPU time (all "
          "threads; steadier on a busy machine)")
    bare = statistics.median(wall for wall, _cpu in times["", "bare"])
    bare_cpu = statistics.median(cpu for _wall, cpu in times["", "bare"])
    for (label, case), measured in times.items():
        walls = [wall for wall, _cpu in measured]
        median = statistics.median(walls)
        cpu = statistics.median(c for _wall, c in measured)
        line = (f"{label + TITLES[case] + ':':38} median {median * 1000:5.0f} ms "
                f"(range {min(walls) * 1000:5.0f}–{max(walls) * 1000:5.0f}), "
                f"CPU {cpu * 1000:4.0f} ms")
        if case != "bare":
            line += (f"  {median / bare:4.2f}× bare, CPU {cpu / bare_cpu:4.2f}× "
                     f"({TARGETS[case]})")
        print(line)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(main())
