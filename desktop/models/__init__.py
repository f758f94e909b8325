"""Qt item models over the account's data (QtCore/QtGui only, never widgets).

A feature with several models has a folder (``agenda/``, ``overview/``), one with a single model
is one module (``finance``, ``auth_sessions``, ``pending_requests``); ``shared/`` holds the
formatting helpers, the card roles and the records the views may use (``shared/records.py``).
``sections`` is the navigation's model and the audience rules of the section table.
"""
