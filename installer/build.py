"""Build the desktop app with PyInstaller and smoke-test the result.

    uv run --group installer python installer/build.py

Produces dist/Ouderportaal/ (Windows, Linux) or dist/Ouderportaal.app (macOS), then starts the
built app with --smoke-test: it must find fonts, render its first window and exit 0. A bundle that
starts but draws no text would otherwise pass unnoticed (stack-notes.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
         str(ROOT / "installer" / "ouderportaal.spec")],
        check=True,
        cwd=ROOT,
    )
    if sys.platform == "darwin":
        return ROOT / "dist" / "Ouderportaal.app" / "Contents" / "MacOS" / "Ouderportaal"
    name = "Ouderportaal.exe" if sys.platform == "win32" else "Ouderportaal"
    return ROOT / "dist" / "Ouderportaal" / name


def smoke_test(executable: Path) -> None:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and "DISPLAY" not in env:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [str(executable), "--smoke-test"], env=env, capture_output=True, text=True, timeout=120
    )
    print(result.stdout.strip())
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(f"smoke test of the built app failed with exit code {result.returncode}")


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


if __name__ == "__main__":
    executable = build()
    bundle = ROOT / "dist" / ("Ouderportaal.app" if sys.platform == "darwin" else "Ouderportaal")
    print(f"built {bundle} ({folder_size_mb(bundle):.0f} MB)")
    smoke_test(executable)
