"""Entry point of the frozen desktop app (PyInstaller runs a script, not a console script)."""

import sys

from desktop.app import main

sys.exit(main())
