"""Widgets, dialogs and wizards. Synchronous; they talk to services and read models only.

``main_window`` is the shell and ``sections`` its table of sections; a feature with several
views has a folder (``agenda/``, ``finance/``, ``login/``), one with a single page is one module
(``overview``, ``account``, ``pending_requests``); ``shared/`` holds what several features use
(theme, message bar, status widgets, tables, cards, the page protocol). A feature imports only
its own folder, ``shared/``, services and models (tests/test_layering.py).
"""
