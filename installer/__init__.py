"""Building and checking the desktop app's bundle and native installers (docs: README.md,
"Installers"). Run its scripts from the repository: ``uv run --group installer python
installer/build.py``; nothing here is part of the app."""
