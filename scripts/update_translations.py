"""Update the Dutch translation source and build the .qm the app loads.

    uv run python scripts/update_translations.py [--check]

1. ``pyside6-lupdate`` reads every ``tr()``/``translate()`` string in desktop/ into
   resources/translations/ouderportaal_nl.ts (existing translations are kept; strings that
   are gone are dropped, so the file never collects obsolete entries).
2. ``pyside6-lrelease`` compiles it into desktop/translations/ouderportaal_nl.qm, which ships
   inside the package.

Translate new strings in the .ts (Qt Linguist: ``pyside6-linguist <file>``, or any editor),
then run the script again. ``--check`` exits 1 when a message is still untranslated.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
TS_FILE = ROOT / "resources" / "translations" / "ouderportaal_nl.ts"
QM_FILE = ROOT / "desktop" / "translations" / "ouderportaal_nl.qm"


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this script with `uv run`")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_file: Path) -> None:
    """Extract the strings of desktop/ into ``ts_file`` (kept translations stay)."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    command = [tool("pyside6-lupdate"), *files, "-source-language", "en",
               "-target-language", "nl_NL", "-no-obsolete", "-locations", "none",
               "-ts", str(ts_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                  "obsolete"):
                missing.append((name, message.findtext("source", "")))
            elif not (translation.text or "").strip():
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a message has no Dutch translation")
    args = parser.parse_args(argv)
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    missing = untranslated(TS_FILE)
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}")
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} untranslated; "
          f"built {QM_FILE.relative_to(ROOT)}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
