"""Qt services: QObjects that own the app's async work and report through signals.

``session`` (login, logout, remember me, shared-PC rules, lock), ``profile`` (cached profile,
online/offline), ``devices`` (logged-in devices), ``password_reset``, ``errors`` (one translated
message per failure), ``crash`` (bug reports). QtCore only — no widgets (tests/test_layering.py).
"""
