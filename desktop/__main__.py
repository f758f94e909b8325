"""``python -m desktop`` starts the desktop app (same as the ``ouderportaal`` command)."""

import sys

from desktop.app import main

sys.exit(main())
