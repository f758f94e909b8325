"""Qt services: QObjects that own the app's async work and report through signals.

QtCore only — no widgets (tests/test_layering.py). A feature with several files has a folder
(``session/``, ``agenda/``, ``finance/``); a feature with one service is one module
(``profile``, ``auth_sessions``, ``pending_requests``); ``shared/`` holds what every service uses
(named tasks, one translated message per failure, crash reports, atomic file writes).
:class:`desktop.services.container.Services` holds one instance of each for the windows.
"""
