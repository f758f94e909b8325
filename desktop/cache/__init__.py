"""Qt-free offline store of the desktop app, one folder per account.

:class:`desktop.cache.store.AccountCache` (SQLite, versioned schema) with its blob files and
outbox, the remembered accounts (:mod:`desktop.cache.accounts`) and refresh tokens in the OS
keyring (:mod:`desktop.cache.credentials`). Folders come from :mod:`desktop.cache.paths`.
"""
